import "server-only";
// Diff rows as HTML strings, built as a hast tree and serialised by hast-util-to-html (through
// shiki, which escapes every text and attribute). Why not JSX: a React server component sends
// each element twice — in the HTML and again in the RSC payload as verbose JSON — which made a
// 600-row diff 800 KB. A string goes into the payload once, compactly (unquoted attributes).
import { hastToHtml } from "shiki";
import type { ElementContent, Element } from "hast";
import type { Token } from "./highlight";
import type { Gap, Hunk, SplitRow } from "@/domain/diff/hunks";
import { hunkHeader } from "@/domain/diff/hunks";
import type { Ranges } from "@/domain/diff/intra-line";
import { lineSegments, type Piece } from "@/domain/diff/line-segments";
import { CRLF, NO_EOL } from "@/domain/diff/lines";
import { COLOR_CLASS, DEFAULT_COLOR } from "@/components/code/token-colors";
import type { DiffView, EolView } from "@/domain/diff/model";

type Kind = "delete" | "insert" | "context";

function el(
  tagName: string,
  properties: Element["properties"],
  children: ElementContent[] = [],
): Element {
  return { type: "element", tagName, properties, children };
}
const text = (value: string): ElementContent => ({ type: "text", value });

function pieceNode(p: Piece): ElementContent {
  const color = p.color?.toUpperCase();
  const known = color ? COLOR_CLASS[color] : undefined;
  const className = [known, p.italic && "it", p.bold && "bo"].filter((c): c is string => !!c);
  const style = color && !known && color !== DEFAULT_COLOR ? `color:${p.color}` : undefined;
  if (className.length === 0 && !style) return text(p.text);
  return el("span", { className: className.length ? className : undefined, style }, [text(p.text)]);
}

/**
 * One line of code: syntax colours, and the words that changed inside a changed line wrapped in
 * <del>/<ins> (a tint plus the element's meaning, not colour alone).
 */
export function codeNodes(
  line: string,
  tokens: Token[] | null | undefined,
  ranges: Ranges | undefined,
  kind: Kind,
): ElementContent[] {
  if (line === "") return [text("\u200b")]; // keeps an empty line one line tall
  return lineSegments(line, tokens, ranges).map((p) => {
    const node = pieceNode(p);
    if (!p.changed) return node;
    return el(kind === "delete" ? "del" : "ins", {}, [node]);
  });
}

/**
 * A wrapped line keeps its indentation: the code cell of a line that starts with spaces gets a
 * hanging indent of that many characters (`--i`, diff.module.css), so continuation lines start
 * under the code, not at the cell's edge. Capped so a deeply indented line still has room on a
 * phone; tab-indented lines keep the plain wrap (tab stops would move with the indent).
 */
export function hangingIndent(line: string): { style?: string } {
  let n = 0;
  while (n < line.length && line.charCodeAt(n) === 32) n++;
  if (n === 0 || n === line.length) return {};
  return { style: `--i:${Math.min(n, 24)}ch` };
}

/** A line number that is also its own link (#F12 on the old side, #T12 on the new side). */
function lineNumber(prefix: "F" | "T", n: number): Element {
  const id = `${prefix}${n + 1}`;
  // A <th> in a body row is a row header by default: no scope attribute needed on every line.
  return el("th", { id }, [el("a", { href: `#${id}` }, [text(String(n + 1))])]);
}

/** The +/− column: a visible sign, and words for screen readers. */
function marker(kind: Kind, tint = false): Element {
  if (kind === "context") return el("td", { className: ["m"] });
  const [sign, label, cls] = kind === "delete" ? ["−", "removed", "d"] : ["+", "added", "i"];
  return el("td", { className: tint ? ["m", cls] : ["m"] }, [
    el("span", { ariaHidden: "true" }, [text(sign)]),
    el("span", { className: ["sr"] }, [text(label)]),
  ]);
}

const TINT = { delete: "d", insert: "i", context: undefined } as const;

function html(rows: Element[]): string {
  return hastToHtml({ type: "root", children: rows }, { preferUnquoted: true });
}

type Lines = { aLines: string[]; bLines: string[]; view: DiffView; eol?: EolView };

/**
 * The line ending of a changed line, when line endings are shown (a version has CRLF lines): a
 * small "CRLF"/"LF" label, so a change of line ending alone is visible. Not selectable: copying
 * the code copies the code.
 */
function eolNodes(side: "a" | "b", n: number, eol: EolView | undefined): ElementContent[] {
  const eols = side === "a" ? eol?.aEols : eol?.bEols;
  if (!eol?.markEndings || !eols || eols[n] === NO_EOL) return [];
  const crlf = eols[n] === CRLF;
  return [
    el(
      "span",
      {
        className: ["eol"],
        title: crlf ? "Line ends with CRLF (\\r\\n)" : "Line ends with LF (\\n)",
      },
      [text(crlf ? "CRLF" : "LF")],
    ),
  ];
}

const NO_NEWLINE = "\\ No newline at end of file";

/** Whether line n of a side is its last line and the text does not end with a newline. */
function endsWithoutNewline(
  side: "a" | "b",
  n: number | null,
  { aLines, bLines, eol }: Lines,
): boolean {
  if (n === null || !eol) return false;
  return side === "a"
    ? eol.aNoFinalNewline && n === aLines.length - 1
    : eol.bNoFinalNewline && n === bLines.length - 1;
}

function noNewlineRow(columns: number): Element {
  return el("tr", { className: ["nn"] }, [
    el("td", { colSpan: columns - 1 }),
    el("td", {}, [text(NO_NEWLINE)]),
  ]);
}

// A DiffView is cached and immutable (model.ts), so the HTML of its hunks and gaps is kept with it
// and dropped with it. Keyed by the view too: the same hunk is coloured differently in another view.
const memo = new WeakMap<DiffView, Map<object, Map<string, string>>>();
function cached(view: DiffView, owner: object, mode: "u" | "s", build: () => string): string {
  let byOwner = memo.get(view);
  if (!byOwner) memo.set(view, (byOwner = new Map()));
  let byMode = byOwner.get(owner);
  if (!byMode) byOwner.set(owner, (byMode = new Map()));
  let out = byMode.get(mode);
  if (out === undefined) byMode.set(mode, (out = build()));
  return out;
}

export function unifiedHunkHtml(hunk: Hunk, lines: Lines): string {
  return cached(lines.view, hunk, "u", () => buildUnifiedHunk(hunk, lines));
}

function buildUnifiedHunk(hunk: Hunk, lines: Lines): string {
  const { aLines, bLines, view, eol } = lines;
  const rows: Element[] = [
    el("tr", { className: ["h"] }, [el("td", { colSpan: 4 }, [text(hunkHeader(hunk))])]),
  ];
  for (const l of hunk.lines) {
    if (l.kind === "delete") {
      rows.push(
        el("tr", { className: ["d"] }, [
          lineNumber("F", l.a),
          el("td", { className: ["n"] }),
          marker("delete"),
          el("td", hangingIndent(aLines[l.a]!), [
            ...codeNodes(aLines[l.a]!, view.tokensA?.[l.a], view.intra.a.get(l.a), "delete"),
            ...eolNodes("a", l.a, eol),
          ]),
        ]),
      );
      if (endsWithoutNewline("a", l.a, lines)) rows.push(noNewlineRow(4));
    } else {
      const tint = TINT[l.kind];
      rows.push(
        el("tr", { className: tint ? [tint] : undefined }, [
          l.kind === "context" ? lineNumber("F", l.a) : el("td", { className: ["n"] }),
          lineNumber("T", l.b),
          marker(l.kind),
          el("td", hangingIndent(bLines[l.b]!), [
            ...codeNodes(
              bLines[l.b]!,
              view.tokensB?.[l.b],
              l.kind === "insert" ? view.intra.b.get(l.b) : undefined,
              l.kind,
            ),
            ...(l.kind === "insert" ? eolNodes("b", l.b, eol) : []),
          ]),
        ]),
      );
      if (
        endsWithoutNewline("b", l.b, lines) ||
        (l.kind === "context" && endsWithoutNewline("a", l.a, lines))
      )
        rows.push(noNewlineRow(4));
    }
  }
  return html(rows);
}

export function unifiedGapHtml(gap: Gap, lines: Lines): string {
  return cached(lines.view, gap, "u", () => buildUnifiedGap(gap, lines));
}

function buildUnifiedGap(gap: Gap, { bLines, view }: Lines): string {
  const rows: Element[] = [];
  for (let k = 0; k < gap.count; k++) {
    const a = gap.aStart + k;
    const b = gap.bStart + k;
    rows.push(
      el("tr", {}, [
        lineNumber("F", a),
        lineNumber("T", b),
        marker("context"),
        el(
          "td",
          hangingIndent(bLines[b]!),
          codeNodes(bLines[b]!, view.tokensB?.[b], undefined, "context"),
        ),
      ]),
    );
  }
  return html(rows);
}

function splitSide(
  prefix: "F" | "T",
  n: number | null,
  kind: Kind,
  lines: string[],
  tokens: Token[][] | null,
  ranges: Map<number, Ranges>,
  last: boolean,
  eol?: EolView,
): Element[] {
  const edge = last ? [] : ["sp"];
  if (n === null)
    return [
      el("td", { className: ["e", "n"] }),
      el("td", { className: ["e"] }),
      el("td", { className: ["e", ...edge] }),
    ];
  const tint = TINT[kind];
  return [
    lineNumber(prefix, n),
    marker(kind, true),
    el(
      "td",
      {
        className: tint || !last ? [...(tint ? [tint] : []), ...edge] : undefined,
        ...hangingIndent(lines[n]!),
      },
      [
        ...codeNodes(lines[n]!, tokens?.[n], ranges.get(n), kind),
        ...(kind === "context" ? [] : eolNodes(prefix === "F" ? "a" : "b", n, eol)),
      ],
    ),
  ];
}

/** A side-by-side note row under a last line without a newline, on the side(s) it concerns. */
function splitNoNewlineRow(left: boolean, right: boolean): Element {
  const side = (shown: boolean, last: boolean) => [
    el("td", { className: ["n"] }),
    el("td", {}),
    el("td", { className: last ? undefined : ["sp"] }, shown ? [text(NO_NEWLINE)] : []),
  ];
  return el("tr", { className: ["nn"] }, [...side(left, false), ...side(right, true)]);
}

export function splitHunkHtml(hunk: Hunk, rows: SplitRow[], lines: Lines): string {
  return cached(lines.view, hunk, "s", () => buildSplitHunk(hunk, rows, lines));
}

function buildSplitHunk(hunk: Hunk, rows: SplitRow[], lines: Lines): string {
  const { aLines, bLines, view, eol } = lines;
  const out: Element[] = [
    el("tr", { className: ["h"] }, [el("td", { colSpan: 6 }, [text(hunkHeader(hunk))])]),
  ];
  for (const row of rows) {
    const context = row.kind === "context";
    out.push(
      el("tr", {}, [
        ...splitSide(
          "F",
          row.a,
          context ? "context" : "delete",
          aLines,
          view.tokensA,
          view.intra.a,
          false,
          eol,
        ),
        ...splitSide(
          "T",
          row.b,
          context ? "context" : "insert",
          bLines,
          view.tokensB,
          view.intra.b,
          true,
          eol,
        ),
      ]),
    );
    const left = endsWithoutNewline("a", row.a, lines);
    const right = endsWithoutNewline("b", row.b, lines);
    if (left || right) out.push(splitNoNewlineRow(left, right));
  }
  return html(out);
}

export function splitGapHtml(gap: Gap, lines: Lines): string {
  return cached(lines.view, gap, "s", () => buildSplitGap(gap, lines));
}

function buildSplitGap(gap: Gap, { aLines, bLines, view }: Lines): string {
  const none = new Map<number, Ranges>();
  const rows: Element[] = [];
  for (let k = 0; k < gap.count; k++) {
    rows.push(
      el("tr", {}, [
        ...splitSide("F", gap.aStart + k, "context", aLines, view.tokensA, none, false),
        ...splitSide("T", gap.bStart + k, "context", bLines, view.tokensB, none, true),
      ]),
    );
  }
  return html(rows);
}
