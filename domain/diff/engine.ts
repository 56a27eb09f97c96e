// The line-diff core: exact and minimal on realistic edits, valid and bounded on any input.
//   1. strip the common prefix and suffix;
//   2. intern lines to integer ids (no limit on distinct lines) and drop lines that occur on one
//      side only — they can never match, so this is exact, and it makes 30%-changed files fast;
//   3. diff the reduced sequences region by region, each with the cheapest exact method that fits
//      the work budget: Myers' O(ND) middle snake (realistic edits), then a bit-parallel exact LCS
//      (n·m/32: reversals, moves, low-entropy text); a region too large for both is cut at its
//      patience anchors (lines unique on both sides), or failing that into pieces along the
//      diagonal, and each piece diffed again — a valid, slightly larger diff, never a rewrite;
//   4. map the matched lines back and emit runs of equal / delete / insert lines.
// The budget counts work (edit-graph steps and bit-vector words), never wall time, so the same
// input always gives the same diff however busy the machine is.
import { patienceAnchors } from "./anchors";
import { lcsAlign, lcsCost, type Work } from "./lcs-bits";
import { lineKeys, splitText, type TextLines } from "./lines";
import { bisect } from "./myers";

export { splitLines, splitText } from "./lines";

export type DiffRun =
  | { op: "equal"; aStart: number; bStart: number; count: number }
  | { op: "delete"; aStart: number; count: number }
  | { op: "insert"; bStart: number; count: number };

export type LineDiff = {
  runs: DiffRun[];
  added: number;
  removed: number;
  /** False when the work budget ran out somewhere: the diff is valid but may not be minimal. */
  exact: boolean;
  /** Work spent, in the budget's units (at most the budget, plus the linear greedy last resort). */
  work: number;
};

/**
 * `work`: the budget in elementary steps. The default, 40M, is about 0.2–0.5 s of one core here;
 * what it buys is an exact diff of two 35k-line files that share nothing in order.
 */
export type DiffOptions = { ignoreWhitespace?: boolean; work?: number };
export const DEFAULT_WORK = 40_000_000;

/** A Myers attempt on a region may spend this much (at least), beyond which the bit-parallel LCS is cheaper. */
const MYERS_MIN_TRY = 200_000;
const MYERS_TRY_PER_LINE = 25;
/** Patience anchors must match this share of a region's lines to be used to cut it. */
const MIN_ANCHOR_SHARE = 0.1;

type State = {
  x: Int32Array;
  y: Int32Array;
  ids: number;
  work: Work;
  exact: boolean;
  outA: number[];
  outB: number[];
};

/** Matches between x[xa..xb) and y[ya..yb), appended in order to state.outA/outB. */
function diffRegion(s: State, xa: number, xb: number, ya: number, yb: number): void {
  const { x, y } = s;
  while (xa < xb && ya < yb && x[xa] === y[ya]) {
    s.outA.push(xa++);
    s.outB.push(ya++);
  }
  let tail = 0;
  while (xa < xb - tail && ya < yb - tail && x[xb - 1 - tail] === y[yb - 1 - tail]) tail++;
  xb -= tail;
  yb -= tail;
  if (xa < xb && ya < yb) diffMiddle(s, xa, xb, ya, yb);
  for (let k = 0; k < tail; k++) {
    s.outA.push(xb + k);
    s.outB.push(yb + k);
  }
}

function diffMiddle(s: State, xa: number, xb: number, ya: number, yb: number): void {
  const n = xb - xa;
  const m = yb - ya;
  const myersTry = Math.min(s.work.left, Math.max(MYERS_MIN_TRY, MYERS_TRY_PER_LINE * (n + m)));
  const { split, steps } = bisect(s.x, xa, xb, s.y, ya, yb, myersTry);
  s.work.left -= steps;
  if (split === "disjoint") return;
  if (split) {
    diffRegion(s, xa, split[0], ya, split[1]);
    diffRegion(s, split[0], xb, split[1], yb);
    return;
  }
  // Myers gave up (many edits in this region): exact LCS if the budget allows it.
  if (lcsCost(n, m) <= s.work.left) {
    lcsAlign(s.x, xa, xb, s.y, ya, yb, s.ids, s.outA, s.outB, s.work);
    return;
  }
  s.exact = false;
  const anchors = patienceAnchors(s.x, xa, xb, s.y, ya, yb, s.ids);
  s.work.left -= n + m;
  // Anchors are trusted only when they are many: a handful of unique lines matched across a
  // reordered file (a reversal) would pin everything else to the wrong places.
  if (anchors.a.length >= MIN_ANCHOR_SHARE * Math.min(n, m)) {
    let pa = xa;
    let pb = ya;
    for (let k = 0; k < anchors.a.length; k++) {
      diffRegion(s, pa, anchors.a[k]!, pb, anchors.b[k]!);
      s.outA.push(anchors.a[k]!);
      s.outB.push(anchors.b[k]!);
      pa = anchors.a[k]! + 1;
      pb = anchors.b[k]! + 1;
    }
    diffRegion(s, pa, xb, pb, yb);
    return;
  }
  // Cut along the diagonal into as few pieces as the remaining budget can diff exactly (some
  // matches across the cuts are lost; what is left in each piece is found).
  const pieces = Math.max(2, Math.ceil(lcsCost(n, m) / Math.max(1, s.work.left)) + 1);
  if (s.work.left <= 0 || Math.min(n, m) < pieces * 2) {
    greedy(s, xa, xb, ya, yb); // nothing left to spend
    return;
  }
  for (let k = 0; k < pieces; k++) {
    diffRegion(
      s,
      xa + Math.floor((k * n) / pieces),
      xa + Math.floor(((k + 1) * n) / pieces),
      ya + Math.floor((k * m) / pieces),
      ya + Math.floor(((k + 1) * m) / pieces),
    );
  }
}

/** How far `greedy` looks ahead on each side for the next match. */
const GREEDY_WINDOW = 8;

/**
 * The last resort, linear in the region's size and outside the budget: walk both sides together,
 * matching equal lines and otherwise the nearest pair of equal lines a few lines ahead. Far from
 * minimal, but it keeps what is obviously shared instead of replacing the whole region.
 */
function greedy(s: State, xa: number, xb: number, ya: number, yb: number): void {
  const { x, y } = s;
  let i = xa;
  let j = ya;
  while (i < xb && j < yb) {
    let di = 0;
    let dj = 0;
    let found = x[i] === y[j];
    for (let d = 1; d < 2 * GREEDY_WINDOW && !found; d++) {
      for (di = Math.max(0, d - GREEDY_WINDOW + 1); di <= Math.min(d, GREEDY_WINDOW - 1); di++) {
        dj = d - di;
        if (i + di < xb && j + dj < yb && x[i + di] === y[j + dj]) {
          found = true;
          break;
        }
      }
    }
    if (!found) {
      i++;
      j++;
      continue;
    }
    i += di;
    j += dj;
    s.outA.push(i++);
    s.outB.push(j++);
  }
}

export function diffLines(a: string[], b: string[], options: DiffOptions = {}): LineDiff {
  const ka = options.ignoreWhitespace ? a.map((line) => line.replace(/\s+/g, "")) : a;
  const kb = options.ignoreWhitespace ? b.map((line) => line.replace(/\s+/g, "")) : b;

  let start = 0;
  while (start < ka.length && start < kb.length && ka[start] === kb[start]) start++;
  let endA = ka.length;
  let endB = kb.length;
  while (endA > start && endB > start && ka[endA - 1] === kb[endB - 1]) {
    endA--;
    endB--;
  }

  // Matched pairs, in order: matchA[k] in a is equal to matchB[k] in b.
  const matchA: number[] = [];
  const matchB: number[] = [];
  let exact = true;
  let work = 0;

  if (endA > start && endB > start) {
    const ids = new Map<string, number>();
    const idsA = new Int32Array(endA - start);
    const idsB = new Int32Array(endB - start);
    for (let i = start; i < endA; i++) {
      let id = ids.get(ka[i]!);
      if (id === undefined) ids.set(ka[i]!, (id = ids.size));
      idsA[i - start] = id;
    }
    for (let j = start; j < endB; j++) {
      let id = ids.get(kb[j]!);
      if (id === undefined) ids.set(kb[j]!, (id = ids.size));
      idsB[j - start] = id;
    }
    const onA = new Uint8Array(ids.size);
    const onB = new Uint8Array(ids.size);
    for (const id of idsA) onA[id] = 1;
    for (const id of idsB) onB[id] = 1;
    // Keep only lines found on both sides (the others can never match).
    const keptA = new Int32Array(idsA.length);
    const keptB = new Int32Array(idsB.length);
    const x = new Int32Array(idsA.length);
    const y = new Int32Array(idsB.length);
    let nA = 0;
    let nB = 0;
    for (let i = 0; i < idsA.length; i++) {
      if (!onB[idsA[i]!]) continue;
      keptA[nA] = i;
      x[nA++] = idsA[i]!;
    }
    for (let j = 0; j < idsB.length; j++) {
      if (!onA[idsB[j]!]) continue;
      keptB[nB] = j;
      y[nB++] = idsB[j]!;
    }
    if (nA > 0 && nB > 0) {
      const state: State = {
        x: x.subarray(0, nA),
        y: y.subarray(0, nB),
        ids: ids.size,
        work: { left: options.work ?? DEFAULT_WORK },
        exact: true,
        outA: [],
        outB: [],
      };
      diffRegion(state, 0, nA, 0, nB);
      exact = state.exact;
      work = (options.work ?? DEFAULT_WORK) - state.work.left;
      for (let k = 0; k < state.outA.length; k++) {
        matchA.push(start + keptA[state.outA[k]!]!);
        matchB.push(start + keptB[state.outB[k]!]!);
      }
    }
  }
  return { ...toRuns(matchA, matchB, start, endA, endB, ka.length, exact), work };
}

/** Runs from the matched pairs: the common prefix, then the gaps between matches, then the suffix. */
function toRuns(
  matchA: number[],
  matchB: number[],
  start: number,
  endA: number,
  endB: number,
  lengthA: number,
  exact: boolean,
): Omit<LineDiff, "work"> {
  const runs: DiffRun[] = [];
  let added = 0;
  let removed = 0;
  const push = (run: DiffRun) => {
    if (run.count === 0) return;
    const last = runs[runs.length - 1];
    if (last && last.op === run.op) {
      last.count += run.count;
      return;
    }
    runs.push(run);
  };
  push({ op: "equal", aStart: 0, bStart: 0, count: start });
  let i = start;
  let j = start;
  matchA.push(endA);
  matchB.push(endB);
  for (let k = 0; k < matchA.length; k++) {
    const mi = matchA[k]!;
    const mj = matchB[k]!;
    if (mi > i) {
      push({ op: "delete", aStart: i, count: mi - i });
      removed += mi - i;
    }
    if (mj > j) {
      push({ op: "insert", bStart: j, count: mj - j });
      added += mj - j;
    }
    if (mi < endA) {
      const last = runs[runs.length - 1];
      // Consecutive matches extend the open equal run instead of allocating one run per line.
      if (
        last?.op === "equal" &&
        last.aStart + last.count === mi &&
        last.bStart + last.count === mj
      )
        last.count++;
      else push({ op: "equal", aStart: mi, bStart: mj, count: 1 });
    }
    i = mi + 1;
    j = mj + 1;
  }
  push({ op: "equal", aStart: endA, bStart: endB, count: lengthA - endA });
  return { runs, added, removed, exact };
}

/**
 * The diff of two texts, line endings and the final newline included (a line that only changed
 * from CRLF to LF, or lost its newline at the end of the file, is a changed line); ignoring
 * whitespace ignores those too.
 */
export function diffTexts(
  before: string,
  after: string,
  options: DiffOptions = {},
): LineDiff & { a: TextLines; b: TextLines } {
  const a = splitText(before);
  const b = splitText(after);
  const ws = options.ignoreWhitespace ?? false;
  // lineKeys already strips whitespace in that mode: no second pass in diffLines.
  const diff = diffLines(lineKeys(a, ws), lineKeys(b, ws), { work: options.work });
  return { ...diff, a, b };
}

/** Lines added and removed going from `before` to `after` (for version stats). */
export function countLineChanges(
  before: string,
  after: string,
): { added: number; removed: number } {
  const { added, removed } = diffTexts(before, after);
  return { added, removed };
}
