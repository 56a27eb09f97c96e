// Myers' middle-snake search (the O(ND) algorithm in linear space, as in diff-match-patch's
// `diff_bisect`) on interned line ids, with a work budget. Used to split a region in two at a
// point that some minimal diff passes through; recursing on both halves gives a minimal diff.

/** What a search cost, in edit-graph steps (diagonals visited plus snake comparisons). */
export type BisectResult = { split: [number, number] | "disjoint" | null; steps: number };

/**
 * The middle snake of x[xa..xb) against y[ya..yb), as absolute split indices, "disjoint" when the
 * two share no line at all, or null once `budget` steps are spent (the caller then degrades).
 * Both ranges must be non-empty.
 */
export function bisect(
  x: Int32Array,
  xa: number,
  xb: number,
  y: Int32Array,
  ya: number,
  yb: number,
  budget: number,
): BisectResult {
  const n = xb - xa;
  const m = yb - ya;
  const maxD = Math.ceil((n + m) / 2);
  const offset = maxD;
  const size = 2 * maxD + 2;
  const v1 = new Int32Array(size).fill(-1);
  const v2 = new Int32Array(size).fill(-1);
  v1[offset + 1] = 0;
  v2[offset + 1] = 0;
  const delta = n - m;
  // With an odd delta the forward path meets the reverse one; with an even delta, the reverse meets the forward.
  const front = delta % 2 !== 0;
  let k1start = 0;
  let k1end = 0;
  let k2start = 0;
  let k2end = 0;
  let steps = 0;
  for (let d = 0; d < maxD; d++) {
    if (steps > budget) return { split: null, steps };
    for (let k1 = -d + k1start; k1 <= d - k1end; k1 += 2) {
      const k1o = offset + k1;
      let x1 =
        k1 === -d || (k1 !== d && v1[k1o - 1]! < v1[k1o + 1]!) ? v1[k1o + 1]! : v1[k1o - 1]! + 1;
      let y1 = x1 - k1;
      const from1 = x1;
      while (x1 < n && y1 < m && x[xa + x1] === y[ya + y1]) {
        x1++;
        y1++;
      }
      steps += 1 + x1 - from1;
      v1[k1o] = x1;
      if (x1 > n) k1end += 2;
      else if (y1 > m) k1start += 2;
      else if (front) {
        const k2o = offset + delta - k1;
        if (k2o >= 0 && k2o < size && v2[k2o] !== -1 && x1 >= n - v2[k2o]!)
          return { split: [xa + x1, ya + y1], steps };
      }
    }
    for (let k2 = -d + k2start; k2 <= d - k2end; k2 += 2) {
      const k2o = offset + k2;
      let x2 =
        k2 === -d || (k2 !== d && v2[k2o - 1]! < v2[k2o + 1]!) ? v2[k2o + 1]! : v2[k2o - 1]! + 1;
      let y2 = x2 - k2;
      const from2 = x2;
      while (x2 < n && y2 < m && x[xb - 1 - x2] === y[yb - 1 - y2]) {
        x2++;
        y2++;
      }
      steps += 1 + x2 - from2;
      v2[k2o] = x2;
      if (x2 > n) k2end += 2;
      else if (y2 > m) k2start += 2;
      else if (!front) {
        const k1o = offset + delta - k2;
        if (k1o >= 0 && k1o < size && v1[k1o] !== -1) {
          const x1 = v1[k1o]!;
          const y1 = offset + x1 - k1o;
          if (x1 >= n - x2) return { split: [xa + x1, ya + y1], steps };
        }
      }
    }
  }
  return { split: "disjoint", steps };
}
