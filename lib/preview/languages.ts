// Which languages get a live preview, and which runtime inside the frame shows them.
// Client-safe: the artifact page and the editor both ask `hasPreview`.

export type PreviewKind = "html" | "svg" | "markdown" | "javascript" | "react";

const KINDS: Record<string, PreviewKind> = {
  html: "html",
  svg: "svg",
  markdown: "markdown",
  md: "markdown",
  javascript: "javascript",
  js: "javascript",
  jsx: "react",
  tsx: "react",
  react: "react",
};

/** The runtime for a stored `code_language`, or null when the language shows code only (css, python, other). */
export function previewKind(language: string | null | undefined): PreviewKind | null {
  if (!language) return null;
  return Object.hasOwn(KINDS, language.toLowerCase()) ? KINDS[language.toLowerCase()]! : null;
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
