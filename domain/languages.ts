// The one registry of the languages Vitrine knows. Everything that depends on a language — the
// publish form's list, badges, the preview runtime, the server highlighter, the editor grammar, the
// download's file extension — reads it from here, so adding a language is one entry.
// Pure data: safe on the server and in the browser.

/** The runtime inside the preview frame that shows a language, when it has one. */
export type PreviewKind = "html" | "svg" | "markdown" | "javascript" | "react";

/** Which CodeMirror grammar the editor loads (components/editor/codemirror-field.tsx maps each key). */
export type EditorGrammar = "html" | "javascript" | "jsx" | "tsx" | "markdown" | "css" | "python";

/** The shiki grammars bundled by the highlighter (components/code/highlighter.ts imports exactly these). */
export type ShikiGrammar =
  "html" | "jsx" | "tsx" | "xml" | "markdown" | "javascript" | "css" | "python";

export type LanguageInfo = {
  /** Display name. */
  name: string;
  /** Badge and placeholder colour. */
  color: string;
  /** File extension of a download (without the dot). */
  extension: string;
  /** Preview runtime, or null when the language shows code only. */
  preview: PreviewKind | null;
  /** Shiki grammar id, or null for plain text. */
  shiki: ShikiGrammar | null;
  /** CodeMirror grammar key, or null for a plain editor. */
  editor: EditorGrammar | null;
};

export const LANGUAGES = {
  html: {
    name: "HTML",
    color: "#e34c26",
    extension: "html",
    preview: "html",
    shiki: "html",
    editor: "html",
  },
  jsx: {
    name: "React JSX",
    color: "#61dafb",
    extension: "jsx",
    preview: "react",
    shiki: "jsx",
    editor: "jsx",
  },
  tsx: {
    name: "React TSX",
    color: "#3178c6",
    extension: "tsx",
    preview: "react",
    shiki: "tsx",
    editor: "tsx",
  },
  svg: {
    name: "SVG",
    color: "#ffb13b",
    extension: "svg",
    preview: "svg",
    shiki: "xml",
    editor: "html",
  },
  markdown: {
    name: "Markdown",
    color: "#083fa1",
    extension: "md",
    preview: "markdown",
    shiki: "markdown",
    editor: "markdown",
  },
  javascript: {
    name: "JavaScript",
    color: "#f1e05a",
    extension: "js",
    preview: "javascript",
    shiki: "javascript",
    editor: "javascript",
  },
  css: {
    name: "CSS",
    color: "#563d7c",
    extension: "css",
    preview: null,
    shiki: "css",
    editor: "css",
  },
  python: {
    name: "Python",
    color: "#3572a5",
    extension: "py",
    preview: null,
    shiki: "python",
    editor: "python",
  },
  other: {
    name: "Other",
    color: "#6b7280",
    extension: "txt",
    preview: null,
    shiki: null,
    editor: null,
  },
} as const satisfies Record<string, LanguageInfo>;

export type Language = keyof typeof LANGUAGES;
export const LANGUAGE_KEYS = Object.keys(LANGUAGES) as Language[];

/** Other spellings a preview request may use for a stored language (kept for old links and messages). */
const ALIASES: Record<string, Language> = { md: "markdown", js: "javascript", react: "jsx" };

/** The registry entry of a stored `code_language`; unknown or missing → "other". Never reads the prototype. */
export function languageInfo(language: string | null | undefined): LanguageInfo {
  const key = language ?? "other";
  return Object.hasOwn(LANGUAGES, key) ? LANGUAGES[key as Language] : LANGUAGES.other;
}

/** The runtime for a stored `code_language`, or null when the language shows code only (css, python, other). */
export function previewKind(language: string | null | undefined): PreviewKind | null {
  if (!language) return null;
  const lower = language.toLowerCase();
  const key = Object.hasOwn(ALIASES, lower) ? ALIASES[lower]! : lower;
  return Object.hasOwn(LANGUAGES, key) ? LANGUAGES[key as Language].preview : null;
}

export function hasPreview(language: string | null | undefined): boolean {
  return previewKind(language) !== null;
}

/**
 * Kinds that behave like documents (the frame follows their height) rather than apps (the frame
 * keeps a fixed height and grows only when the content asks for more).
 */
export function fitsContentHeight(kind: PreviewKind): boolean {
  return kind === "markdown";
}

/** Every shiki grammar some language needs, once each. */
export const SHIKI_GRAMMARS: ShikiGrammar[] = [
  ...new Set(Object.values(LANGUAGES).flatMap((l): ShikiGrammar[] => (l.shiki ? [l.shiki] : []))),
];
