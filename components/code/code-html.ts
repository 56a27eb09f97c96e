import "server-only";
// The code view's lines as one HTML string, built as a hast tree and serialised by
// hast-util-to-html (through shiki), which escapes every text and attribute value. Why a string:
// a server component sends each element twice — in the HTML and again, as verbose JSON, in the RSC
// payload — so ~900 token spans per file made a 95-line artifact page 200 KB. A string of short
// CSS classes (code-view.css, token-colors.ts) goes into each once, and can be computed once per
// version and shared (lib/derived/once.ts).
import type { Element, ElementContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { tokenize } from "./highlighter";
import { tokenColor } from "./token-colors";

/**
 * Bump when the markup or the highlighting changes: stored renders of the old markup are then
 * never read again (the version is part of their key). Includes shiki's theme name.
 */
export const CODE_HTML_VERSION = "code-html-2/shiki-4.6/github-light";

const text = (value: string): ElementContent => ({ type: "text", value });
const el = (tagName: string, properties: Element["properties"], children: ElementContent[]) =>
  ({ type: "element", tagName, properties, children }) satisfies Element;

/**
 * `<span id=L1>` per line: its number (hidden from screen readers, not selectable) and its code
 * (`data-code-line`, which the copy button reads), in one `<pre class="syntax cv">` whose gutter
 * is as wide as the last line number. Lines carry no classes (code-view.css styles them by
 * position) and attributes go unquoted where HTML allows: bytes per line count twice, in the
 * HTML and in the RSC payload.
 */
export async function codeHtml(code: string, language: string): Promise<string> {
  const lines = await tokenize(code.replace(/\r?\n$/, ""), language);
  const nodes: ElementContent[] = lines.map((tokens, i) => {
    const pieces: ElementContent[] = tokens.map((t) => {
      const { className, inline } = tokenColor(t.color);
      const italic = t.fontStyle === 1;
      if (!className && !inline && !italic) return text(t.content);
      const classes = [className, italic && "it"].filter((c): c is string => !!c);
      return el(
        "span",
        {
          className: classes.length ? classes : undefined,
          style: inline ? `color:${inline}` : undefined,
        },
        [text(t.content)],
      );
    });
    pieces.push(text("\n"));
    return el("span", { id: `L${i + 1}` }, [
      el("span", { ariaHidden: "true" }, [text(String(i + 1))]),
      el("span", { dataCodeLine: "" }, pieces),
    ]);
  });
  const pre = el(
    "pre",
    {
      className: ["syntax", "cv", "min-w-fit", "py-3", "font-mono", "text-[13px]", "leading-5"],
      style: `--cv-gutter:${String(lines.length).length + 1}ch`,
    },
    [el("code", {}, nodes)],
  );
  return toHtml(pre, { collapseEmptyAttributes: true, preferUnquoted: true });
}
