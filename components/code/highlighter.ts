import "server-only";
import { createHighlighterCore, type HighlighterCore, type ThemedToken } from "shiki/core";
import { createJavaScriptRegexEngine } from "shiki/engine/javascript";

// One shared highlighter for the whole server (creating one per request costs tens of ms). The
// JavaScript regex engine avoids loading WebAssembly; only the grammars Vitrine needs are bundled.
export const CODE_THEME = "github-light";

/** Beyond this many bytes code is shown without colours: highlighting a 1 MB file would stall the page. */
const HIGHLIGHT_LIMIT_BYTES = 200_000;

const GRAMMAR: Record<string, string> = {
  html: "html",
  jsx: "jsx",
  tsx: "tsx",
  svg: "xml",
  markdown: "markdown",
  javascript: "javascript",
  css: "css",
  python: "python",
};

const globalForShiki = globalThis as unknown as { vitrineHighlighter?: Promise<HighlighterCore> };

function highlighter(): Promise<HighlighterCore> {
  globalForShiki.vitrineHighlighter ??= createHighlighterCore({
    themes: [import("shiki/themes/github-light.mjs")],
    langs: [
      import("shiki/langs/html.mjs"),
      import("shiki/langs/jsx.mjs"),
      import("shiki/langs/tsx.mjs"),
      import("shiki/langs/xml.mjs"),
      import("shiki/langs/markdown.mjs"),
      import("shiki/langs/javascript.mjs"),
      import("shiki/langs/css.mjs"),
      import("shiki/langs/python.mjs"),
    ],
    engine: createJavaScriptRegexEngine({ forgiving: true }),
  });
  return globalForShiki.vitrineHighlighter;
}

export type CodeLine = Pick<ThemedToken, "content" | "color" | "fontStyle">[];

/** The code as lines of coloured tokens (plain lines for unknown languages or very large files). */
export async function tokenize(code: string, language: string): Promise<CodeLine[]> {
  const grammar = GRAMMAR[language];
  if (!grammar || Buffer.byteLength(code, "utf8") > HIGHLIGHT_LIMIT_BYTES) {
    return code.split(/\r?\n/).map((content) => [{ content, color: undefined, fontStyle: undefined }]);
  }
  const h = await highlighter();
  return h.codeToTokens(code, { lang: grammar, theme: CODE_THEME }).tokens;
}
