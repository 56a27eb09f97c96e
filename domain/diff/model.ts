// From two versions to what the diff page renders: the line diff and its hunks (computed once per
// pair of immutable versions and cached), then the part shown within GitHub-like budgets, with
// syntax colours and intra-line highlights computed only for what is actually rendered.
import { diffTexts, type LineDiff } from "./engine";
import { buildSegments, splitRows, type Gap, type Hunk, type SplitRow } from "./hunks";
import { intraLineForRows, type IntraLine } from "./intra-line";
import type { Token } from "./line-segments";
import { hasCrlf, NO_EOL, type TextLines } from "./lines";
import { Lru } from "./lru";

/** Syntax colours for the first `upTo` lines of a side, or null for plain text (injected: the
 * highlighter lives with the components, and domain code imports nothing from there). */
export type Highlighter = (
  lines: string[],
  codeLanguage: string | null,
  upTo: number,
) => Promise<Token[][] | null>;

/** Shown at once (GitHub's "large diffs are not rendered by default"). */
export const AUTO_CHANGED_LINES = 400;
export const AUTO_BYTES = 20_000;
/** Beyond this the diff is not rendered at all, only linked. */
export const MAX_DIFF_LINES = 20_000;
export const MAX_DIFF_BYTES = 500_000;
/** Collapsed unchanged runs longer than this are not expandable in place (link to the version). */
export const MAX_EXPANDABLE_GAP = 1_000;

export type DiffSide = { versionId: string; code: string; codeLanguage: string | null };

/** How a diff is computed: inline by default; the app passes one that uses a worker thread for big ones. */
export type TextDiffer = (
  before: string,
  after: string,
  ignoreWhitespace: boolean,
) => Promise<LineDiff & { a: TextLines; b: TextLines }>;
const inline: TextDiffer = async (before, after, ignoreWhitespace) =>
  diffTexts(before, after, { ignoreWhitespace });

/**
 * Line endings as the views show them. Ignoring whitespace hides them (they are whitespace); else a
 * changed line carries a CRLF/LF marker whenever either version has a CRLF line (so a CRLF→LF change
 * is visible), and a side whose text does not end with a newline says so after its last line.
 */
export type EolView = {
  /** Per line: LF, CRLF or NO_EOL (lines.ts); null when line endings are not shown. */
  aEols: Uint8Array | null;
  bEols: Uint8Array | null;
  markEndings: boolean;
  aNoFinalNewline: boolean;
  bNoFinalNewline: boolean;
};

export type ComputedDiff = {
  /** (from version, to version, whitespace mode): versions are immutable, so this names the diff. */
  key: string;
  aLines: string[];
  bLines: string[];
  added: number;
  removed: number;
  exact: boolean;
  eol: EolView;
  segments: ReturnType<typeof buildSegments>;
  /** Lines and UTF-16 length of every hunk row: what "too large" is measured on. */
  diffLineCount: number;
  diffBytes: number;
  tooLarge: boolean;
};

const cache = new Lru<string, Promise<ComputedDiff>>(32);

export function computeDiff(
  from: DiffSide,
  to: DiffSide,
  ignoreWhitespace: boolean,
  differ: TextDiffer = inline,
): Promise<ComputedDiff> {
  const key = `${from.versionId}:${to.versionId}:${ignoreWhitespace ? 1 : 0}`;
  let computed = cache.get(key);
  if (!computed) {
    computed = differ(from.code, to.code, ignoreWhitespace).then((diff) =>
      toComputed(key, diff, ignoreWhitespace),
    );
    cache.set(key, computed);
    computed.catch(() => cache.delete(key));
  }
  return computed;
}

function toComputed(
  key: string,
  diff: LineDiff & { a: TextLines; b: TextLines },
  ignoreWhitespace: boolean,
): ComputedDiff {
  const { runs, added, removed, exact, a, b } = diff;
  const aLines = a.lines;
  const bLines = b.lines;
  const segments = buildSegments(runs);
  let diffLineCount = 0;
  let diffBytes = 0;
  for (const s of segments) {
    if (s.type !== "hunk") continue;
    for (const l of s.hunk.lines) {
      diffLineCount++;
      diffBytes += (l.kind === "insert" ? bLines[l.b] : aLines[l.a])!.length + 1;
    }
  }
  const lastIs = (t: TextLines, eol: number) =>
    t.eols.length > 0 && t.eols[t.eols.length - 1] === eol;
  const eol: EolView = ignoreWhitespace
    ? {
        aEols: null,
        bEols: null,
        markEndings: false,
        aNoFinalNewline: false,
        bNoFinalNewline: false,
      }
    : {
        aEols: a.eols,
        bEols: b.eols,
        markEndings: hasCrlf(a) || hasCrlf(b),
        aNoFinalNewline: lastIs(a, NO_EOL),
        bNoFinalNewline: lastIs(b, NO_EOL),
      };
  return {
    key,
    aLines,
    bLines,
    added,
    removed,
    exact,
    eol,
    segments,
    diffLineCount,
    diffBytes,
    tooLarge: diffLineCount > MAX_DIFF_LINES || diffBytes > MAX_DIFF_BYTES,
  };
}

export type RenderSegment =
  { type: "hunk"; hunk: Hunk; rows: SplitRow[] } | { type: "gap"; gap: Gap; expandable: boolean };

export type DiffView = {
  segments: RenderSegment[];
  /** Some hunks were left out of this render (budget); `?full=1` shows them. */
  truncated: boolean;
  hiddenChanged: number;
  tokensA: Token[][] | null;
  tokensB: Token[][] | null;
  intra: IntraLine;
};

// Highlighting dominates the cost of a large render (shiki tokenises ~10k lines/s), so prepared
// views are kept too; they are as immutable as the versions.
const views = new Lru<string, Promise<DiffView>>(16);

export function prepareDiffView(
  diff: ComputedDiff,
  options: {
    full: boolean;
    codeLanguageA: string | null;
    codeLanguageB: string | null;
    highlight: Highlighter;
  },
): Promise<DiffView> {
  const key = `${diff.key}:${options.full ? 1 : 0}`;
  let view = views.get(key);
  if (!view) {
    view = buildView(diff, options);
    views.set(key, view);
    view.catch(() => views.delete(key));
  }
  return view;
}

async function buildView(
  diff: ComputedDiff,
  {
    full,
    codeLanguageA,
    codeLanguageB,
    highlight,
  }: {
    full: boolean;
    codeLanguageA: string | null;
    codeLanguageB: string | null;
    highlight: Highlighter;
  },
): Promise<DiffView> {
  const segments: RenderSegment[] = [];
  const intra: IntraLine = { a: new Map(), b: new Map() };
  let changed = 0;
  let bytes = 0;
  let hiddenChanged = 0;
  let truncated = false;
  let hunksShown = 0;
  let lastA = 0;
  let lastB = 0;
  for (const s of diff.segments) {
    if (truncated) {
      if (s.type === "hunk") hiddenChanged += s.hunk.changed;
      continue;
    }
    if (s.type === "gap") {
      const expandable = s.gap.count <= MAX_EXPANDABLE_GAP;
      segments.push({ type: "gap", gap: s.gap, expandable });
      if (expandable) {
        lastA = s.gap.aStart + s.gap.count;
        lastB = s.gap.bStart + s.gap.count;
      }
      continue;
    }
    let hunk = s.hunk;
    const hunkBytes = lineBytes(diff, hunk.lines);
    if (!full && (changed + hunk.changed > AUTO_CHANGED_LINES || bytes + hunkBytes > AUTO_BYTES)) {
      truncated = true;
      if (hunksShown > 0) {
        hiddenChanged += hunk.changed;
        continue;
      }
      // The first hunk alone is over budget: show its beginning rather than nothing.
      hunk = cutHunk(diff, hunk, AUTO_CHANGED_LINES, AUTO_BYTES);
      hiddenChanged += s.hunk.changed - hunk.changed;
    }
    changed += hunk.changed;
    bytes += hunkBytes;
    hunksShown++;
    const rows = splitRows(hunk.lines);
    intraLineForRows(rows, diff.aLines, diff.bLines, intra);
    segments.push({ type: "hunk", hunk, rows });
    lastA = hunk.aStart + hunk.aCount;
    lastB = hunk.bStart + hunk.bCount;
  }
  // Drop a trailing gap after a truncation: "show the full diff" stands in for everything after.
  if (truncated && segments[segments.length - 1]?.type === "gap") segments.pop();
  const [tokensA, tokensB] = await Promise.all([
    highlight(diff.aLines, codeLanguageA, lastA),
    highlight(diff.bLines, codeLanguageB, lastB),
  ]);
  return { segments, truncated, hiddenChanged, tokensA, tokensB, intra };
}

function lineBytes(diff: ComputedDiff, lines: Hunk["lines"]): number {
  return lines.reduce(
    (n, l) => n + (l.kind === "insert" ? diff.bLines[l.b] : diff.aLines[l.a])!.length + 1,
    0,
  );
}

/** The beginning of a hunk, up to a number of changed lines or bytes. */
function cutHunk(diff: ComputedDiff, hunk: Hunk, maxChanged: number, maxBytes: number): Hunk {
  const cut: Hunk = {
    aStart: hunk.aStart,
    aCount: 0,
    bStart: hunk.bStart,
    bCount: 0,
    lines: [],
    changed: 0,
  };
  let bytes = 0;
  for (const l of hunk.lines) {
    const size = (l.kind === "insert" ? diff.bLines[l.b] : diff.aLines[l.a])!.length + 1;
    if (cut.lines.length > 0 && (cut.changed >= maxChanged || bytes + size > maxBytes)) break;
    cut.lines.push(l);
    bytes += size;
    if (l.kind !== "insert") cut.aCount++;
    if (l.kind !== "delete") cut.bCount++;
    if (l.kind !== "context") cut.changed++;
  }
  return cut;
}
