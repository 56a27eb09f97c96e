import "server-only";
// Server-side syntax highlighting for diffs with the one shared shiki highlighter
// (components/code/highlighter.ts; grammars load once per process). Each side is tokenised as a
// whole and then cut into lines, so a token that spans lines (a block comment, a template string)
// is coloured right on every line it covers.
import { CODE_THEME, highlighter, shikiLanguage } from "@/components/code/highlighter";

export { shikiLanguage };

import type { Token } from "@/domain/diff/line-segments";

export type { Token };

/**
 * Past these sizes highlighting costs more than it helps (about 100 ms per 1,000 lines here);
 * such a side is shown plain, as GitHub does for large files.
 */
export const HIGHLIGHT_MAX_CHARS = 300_000;
export const HIGHLIGHT_MAX_LINES = 5_000;

/**
 * Tokens for the first `upTo` lines of `lines` (all when omitted). Only the prefix that will be
 * rendered is tokenised — a grammar's state depends on what came before, never on what follows,
 * so the prefix is coloured exactly as the whole file would be. Returns null for plain text.
 */
export async function highlightLines(
  lines: string[],
  codeLanguage: string | null | undefined,
  upTo = lines.length,
): Promise<Token[][] | null> {
  const lang = shikiLanguage(codeLanguage);
  if (!lang || upTo === 0 || upTo > HIGHLIGHT_MAX_LINES) return null;
  const text = lines.slice(0, upTo).join("\n");
  if (text.length > HIGHLIGHT_MAX_CHARS) return null;
  const hl = await highlighter();
  const tokens = hl.codeToTokensBase(text, {
    lang,
    theme: CODE_THEME,
    // A minified line would stall the tokenizer; past this length the rest of the line stays plain.
    tokenizeMaxLineLength: 2_000,
    // Per line. Shiki's default (500 ms) was hit by the first lines after start-up, while the
    // engine compiles the grammar's regexes, leaving them uncoloured in a cached diff.
    tokenizeTimeLimit: 5_000,
  });
  return tokens.map((line) =>
    line.map((t) => ({
      content: t.content,
      color: t.color,
      italic: ((t.fontStyle ?? 0) & 1) !== 0 || undefined,
      bold: ((t.fontStyle ?? 0) & 2) !== 0 || undefined,
    })),
  );
}
