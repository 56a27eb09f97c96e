// The languages Vitrine knows, with a display name and a colour for badges and placeholders.
export const LANGUAGES = {
  html: { name: "HTML", color: "#e34c26", preview: true },
  jsx: { name: "React JSX", color: "#61dafb", preview: true },
  tsx: { name: "React TSX", color: "#3178c6", preview: true },
  svg: { name: "SVG", color: "#ffb13b", preview: true },
  markdown: { name: "Markdown", color: "#083fa1", preview: true },
  javascript: { name: "JavaScript", color: "#f1e05a", preview: true },
  css: { name: "CSS", color: "#563d7c", preview: false },
  python: { name: "Python", color: "#3572a5", preview: false },
  other: { name: "Other", color: "#6b7280", preview: false },
} as const;

export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_KEYS = Object.keys(LANGUAGES) as Language[];

export function languageInfo(language: string | null | undefined) {
  return LANGUAGES[(language ?? "other") as Language] ?? LANGUAGES.other;
}
