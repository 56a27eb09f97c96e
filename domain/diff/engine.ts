// The line-diff core. Exact and minimal on realistic edits, and bounded in time on any input:
//   1. strip the common prefix and suffix;
//   2. intern lines to ids and drop lines that occur on one side only — they can never match, so
//      dropping them is exact, and it is what makes 30%-changed files fast (PERFORMANCE.md);
//   3. diff the reduced id sequences (one UTF-16 unit per line) with diff-match-patch under a
//      deadline — when the deadline hits it returns a valid, coarser diff instead of nothing;
//   4. map the matched lines back and emit runs of equal / delete / insert lines.
import { diffMain } from "diff-match-patch-es";

export type DiffRun =
  | { op: "equal"; aStart: number; bStart: number; count: number }
  | { op: "delete"; aStart: number; count: number }
  | { op: "insert"; bStart: number; count: number };

export type LineDiff = {
  runs: DiffRun[];
  added: number;
  removed: number;
  /** False when the deadline or the id space ran out: the diff is valid but may not be minimal. */
  exact: boolean;
};

export type DiffOptions = { timeoutMs?: number; ignoreWhitespace?: boolean };

/** Splits text into lines; a final newline does not make an extra empty line. */
export function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

// One UTF-16 code unit per distinct line, skipping surrogates so strings stay well-formed.
const MAX_IDS = 0xffff - 0x800 - 1;
function idToCode(id: number): number {
  return id < 0xd800 ? id + 1 : id + 1 + 0x800;
}
function codesToString(codes: Uint16Array): string {
  let out = "";
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.subarray(k, k + 8192));
  return out;
}

/**
 * Diffs two id strings in two phases. First plain Myers (diff-match-patch with `diffTimeout: 0`
 * disables its half-match shortcut, which can return non-minimal diffs) under a share of the
 * budget: realistic edits finish here, exact and minimal. If that runs out — block moves and
 * reversals make Myers quadratic — the half-match shortcut gets the rest of the budget: it finds
 * a moved half in milliseconds, and on a deadline dmp still returns a valid, coarser diff.
 * `checklines=false`: dmp's "line mode" would split on whichever id encodes as "\n" and run a
 * semantic cleanup, which is not minimal either.
 */
function diffIds(s1: string, s2: string, timeoutMs: number) {
  const began = Date.now();
  const exactDeadline = began + timeoutMs * 0.4;
  const diffs = diffMain(s1, s2, { diffTimeout: 0 }, false, exactDeadline);
  if (Date.now() < exactDeadline) return { diffs, exact: true };
  const rest = Math.max(1, timeoutMs - (Date.now() - began));
  return { diffs: diffMain(s1, s2, { diffTimeout: rest / 1000 }, false), exact: false };
}

export function diffLines(a: string[], b: string[], options: DiffOptions = {}): LineDiff {
  const timeoutMs = options.timeoutMs ?? 500;
  const ka = options.ignoreWhitespace ? a.map((s) => s.replace(/\s+/g, "")) : a;
  const kb = options.ignoreWhitespace ? b.map((s) => s.replace(/\s+/g, "")) : b;

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

  if (endA > start && endB > start) {
    // Intern lines to ids; typed arrays keep this O(n) pass cheap on 20k-line files.
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
    // Drop lines found on one side only, and re-number the shared ids densely so the
    // one-char-per-line encoding has room.
    const dense = new Int32Array(ids.size).fill(-1);
    let shared = 0;
    const keptA = new Int32Array(idsA.length);
    const keptB = new Int32Array(idsB.length);
    const codesA = new Uint16Array(idsA.length);
    const codesB = new Uint16Array(idsB.length);
    let nA = 0;
    let nB = 0;
    for (let i = 0; i < idsA.length; i++) {
      const id = idsA[i]!;
      if (!onB[id]) continue;
      if (dense[id] === -1) dense[id] = shared++;
      keptA[nA] = i;
      codesA[nA++] = idToCode(dense[id]!);
    }
    for (let j = 0; j < idsB.length; j++) {
      const id = idsB[j]!;
      if (!onA[id]) continue;
      keptB[nB] = j;
      codesB[nB++] = idToCode(dense[id]!);
    }
    if (shared > MAX_IDS) {
      exact = false; // too many distinct shared lines to encode: everything in the middle is replaced
    } else if (nA > 0 && nB > 0) {
      const diffs = diffIds(codesToString(codesA.subarray(0, nA)), codesToString(codesB.subarray(0, nB)), timeoutMs);
      if (!diffs.exact) exact = false;
      let x = 0;
      let y = 0;
      for (const [op, text] of diffs.diffs) {
        if (op === 0) {
          for (let k = 0; k < text.length; k++) {
            matchA.push(start + keptA[x + k]!);
            matchB.push(start + keptB[y + k]!);
          }
          x += text.length;
          y += text.length;
        } else if (op === -1) x += text.length;
        else y += text.length;
      }
    }
  }

  // Emit runs: the common prefix, then gaps between matches, then the common suffix.
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
      if (last?.op === "equal" && last.aStart + last.count === mi && last.bStart + last.count === mj) last.count++;
      else push({ op: "equal", aStart: mi, bStart: mj, count: 1 });
    }
    i = mi + 1;
    j = mj + 1;
  }
  push({ op: "equal", aStart: endA, bStart: endB, count: ka.length - endA });
  return { runs, added, removed, exact };
}

/** Lines added and removed going from `before` to `after` (for version stats). */
export function countLineChanges(before: string, after: string): { added: number; removed: number } {
  const { added, removed } = diffLines(splitLines(before), splitLines(after));
  return { added, removed };
}
