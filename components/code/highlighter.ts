import "server-only";
import { createHighlighterCore, type HighlighterCore, type ThemedToken } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

import { languageInfo, SHIKI_GRAMMARS, type ShikiGrammar } from "@/domain/languages";

// The one shiki highlighter of the server: the code view and the diff both tokenise with it
// (creating one per request costs tens of ms). The JavaScript regex engine avoids loading
// WebAssembly, so it works the same in every server bundle; only the grammars the language
// registry names are bundled.
export const CODE_THEME = "github-light";

/** Beyond this many bytes code is shown without colours: highlighting a 1 MB file would stall the page. */
const HIGHLIGHT_LIMIT_BYTES = 200_000;

// Static imports per grammar, so the bundler ships exactly these and nothing else from shiki/langs.
const GRAMMAR_MODULES: Record<ShikiGrammar, () => Promise<unknown>> = {
  html: () => import("shiki/langs/html.mjs"),
  jsx: () => import("shiki/langs/jsx.mjs"),
  tsx: () => import("shiki/langs/tsx.mjs"),
  xml: () => import("shiki/langs/xml.mjs"),
  markdown: () => import("shiki/langs/markdown.mjs"),
  javascript: () => import("shiki/langs/javascript.mjs"),
  css: () => import("shiki/langs/css.mjs"),
  python: () => import("shiki/langs/python.mjs"),
};

const globalForShiki = globalThis as unknown as { vitrineHighlighter?: Promise<HighlighterCore> };

/** The shared highlighter, created on first use. */
export function highlighter(): Promise<HighlighterCore> {
  globalForShiki.vitrineHighlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs")],
    langs: SHIKI_GRAMMARS.map((grammar) => GRAMMAR_MODULES[grammar]()) as Parameters<
      typeof createHighlighterCore
    >[0]["langs"],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return globalForShiki.vitrineHighlighter;
}

/** The shiki grammar for a stored `code_language`, or null for plain text. */
export function shikiLanguage(codeLanguage: string | null | undefined): ShikiGrammar | null {
  return languageInfo(codeLanguage).shiki;
}

export type CodeLine = Pick<ThemedToken, "content" | "color" | "fontStyle">[];

/** The code as lines of coloured tokens (plain lines for unknown languages or very large files). */
export async function tokenize(code: string, language: string): Promise<CodeLine[]> {
  const grammar = shikiLanguage(language);
  if (!grammar || Buffer.byteLength(code, "utf8") > HIGHLIGHT_LIMIT_BYTES) {
    return code
      .split(/\r?\n/)
      .map((content) => [{ content, color: undefined, fontStyle: undefined }]);
  }
  const h = await highlighter();
  return h.codeToTokens(code, { lang: grammar, theme: CODE_THEME }).tokens;
}
