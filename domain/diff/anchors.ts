// Patience anchors (as `git diff --patience` and the first step of `--histogram`): lines that occur
// exactly once in each range, kept in the longest run that is in the same order on both sides.
// Matching them is cheap (O(n log n)) and almost always right, so when a region is too large for an
// exact search it is cut at its anchors and each piece is diffed on its own.

/** Pairs (a[k], b[k]) of unique common lines in increasing order on both sides; empty when none. */
export function patienceAnchors(
  x: Int32Array,
  xa: number,
  xb: number,
  y: Int32Array,
  ya: number,
  yb: number,
  idCount: number,
): { a: number[]; b: number[] } {
  const countX = new Uint8Array(idCount);
  const countY = new Uint8Array(idCount);
  const posY = new Int32Array(idCount);
  for (let i = xa; i < xb; i++) countX[x[i]!] = Math.min(2, countX[x[i]!]! + 1);
  for (let j = ya; j < yb; j++) {
    const id = y[j]!;
    countY[id] = Math.min(2, countY[id]! + 1);
    posY[id] = j;
  }
  const candA: number[] = [];
  const candB: number[] = [];
  for (let i = xa; i < xb; i++) {
    const id = x[i]!;
    if (countX[id] === 1 && countY[id] === 1) {
      candA.push(i);
      candB.push(posY[id]!);
    }
  }
  // Longest increasing subsequence of candB (patience sorting with back links).
  const tails: number[] = [];
  const prev = new Int32Array(candB.length);
  for (let k = 0; k < candB.length; k++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (candB[tails[mid]!]! < candB[k]!) lo = mid + 1;
      else hi = mid;
    }
    prev[k] = lo > 0 ? tails[lo - 1]! : -1;
    tails[lo] = k;
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let k = tails.length > 0 ? tails[tails.length - 1]! : -1; k !== -1; k = prev[k]!) {
    a.push(candA[k]!);
    b.push(candB[k]!);
  }
  return { a: a.reverse(), b: b.reverse() };
}
