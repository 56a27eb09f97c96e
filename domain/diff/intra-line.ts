// Intra-line highlights: which characters of a changed line changed, for lines shown side by side
// or as a delete/insert pair. Word-level (jsdiff diffWordsWithSpace) reads best and is the cheapest
// measured; it is still not free, so it runs only on rendered rows, short lines and small blocks.
import { diffWordsWithSpace } from "diff";
import type { SplitRow } from "./hunks";

export const INTRA_MAX_LINE = 500;
export const INTRA_MAX_BLOCK = 200;

/** Half-open character ranges [start, end) that changed. */
export type Ranges = [number, number][];

export type IntraLine = { a: Map<number, Ranges>; b: Map<number, Ranges> };

/** Changed ranges on each side of one pair of lines, or null when the pair is too long to bother. */
export function intraLinePair(before: string, after: string): { a: Ranges; b: Ranges } | null {
  if (before.length > INTRA_MAX_LINE || after.length > INTRA_MAX_LINE) return null;
  const a: Ranges = [];
  const b: Ranges = [];
  let x = 0;
  let y = 0;
  for (const part of diffWordsWithSpace(before, after)) {
    const n = part.value.length;
    if (part.added) {
      b.push([y, y + n]);
      y += n;
    } else if (part.removed) {
      a.push([x, x + n]);
      x += n;
    } else {
      x += n;
      y += n;
    }
  }
  return { a: merge(a), b: merge(b) };
}

function merge(ranges: Ranges): Ranges {
  const out: Ranges = [];
  for (const r of ranges) {
    const last = out[out.length - 1];
    if (last && last[1] === r[0]) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * Highlights for every paired row in `rows`, skipping blocks of more than INTRA_MAX_BLOCK pairs
 * (a rewrite that large is not a line edit) and pairs with nothing in common (all changed).
 */
export function intraLineForRows(
  rows: SplitRow[],
  aLines: string[],
  bLines: string[],
  into: IntraLine,
): void {
  let block: [number, number][] = [];
  const flush = () => {
    if (block.length > 0 && block.length <= INTRA_MAX_BLOCK) {
      for (const [i, j] of block) {
        const pair = intraLinePair(aLines[i] ?? "", bLines[j] ?? "");
        if (!pair || !related(pair, aLines[i] ?? "", bLines[j] ?? "")) continue;
        into.a.set(i, pair.a);
        into.b.set(j, pair.b);
      }
    }
    block = [];
  };
  for (const row of rows) {
    if (row.kind === "change" && row.a !== null && row.b !== null) block.push([row.a, row.b]);
    else flush();
  }
  flush();
}

/**
 * Whether word highlights help: only when the two lines share most of their text. Two unrelated
 * lines paired by position would otherwise come out speckled with every other word marked; the
 * row colour already says "replaced".
 */
export const INTRA_MIN_SHARED = 0.5;
function related(pair: { a: Ranges; b: Ranges }, before: string, after: string): boolean {
  const changed = (ranges: Ranges) => ranges.reduce((n, [s, e]) => n + e - s, 0);
  const shared = before.length - changed(pair.a); // equal to after.length - changed(pair.b)
  return shared > 0 && shared >= INTRA_MIN_SHARED * Math.max(before.length, after.length);
}
