// Exact longest common subsequence of two id sequences, bit-parallel: each line of x updates a bit
// vector over all of y 32 lines at a time (Allison–Dix / Hyyrö), so the cost is n·m/32 word
// operations whatever the input looks like — reversals, block moves and low-entropy text included,
// where Myers' O(ND) blows up. Hirschberg's divide and conquer recovers the alignment in linear
// space at about twice the cost of one pass.

/** Work counter shared with the caller: one unit per 32-bit word updated. */
export type Work = { left: number };

/** Word operations `lcsAlign` will need for an n×m region (Hirschberg: about two passes). */
export function lcsCost(n: number, m: number): number {
  return 2 * n * Math.ceil(m / 32) + 4 * (n + m);
}

/**
 * LCS lengths of x[xa..xb) against every prefix of y[ya..yb): out[j] = LCS(x, y[ya..ya+j)).
 * `reverse` reads both ranges backwards (so out[j] is against the last j lines of y).
 */
function lcsRow(
  x: Int32Array,
  xa: number,
  xb: number,
  y: Int32Array,
  ya: number,
  yb: number,
  reverse: boolean,
  scratch: Scratch,
  work: Work,
): Int32Array {
  const m = yb - ya;
  const words = (m + 31) >>> 5;
  // Int32 words and int32-only arithmetic keep V8 on its integer fast path (no doubles).
  const v = new Int32Array(words).fill(-1);
  const mask = new Int32Array(words);
  // Occurrences of each id in y, as linked lists through `next` (positions in read order).
  const { head, next, count, heavy } = scratch;
  for (let j = m - 1; j >= 0; j--) {
    const id = y[reverse ? yb - 1 - j : ya + j]!;
    next[j] = head[id]!;
    head[id] = j;
    count[id]!++;
  }
  // Ids that occur often (low-entropy text) get their match mask built once; the others set and
  // clear their few bits per row. At most 8·32 ids can be that frequent, so this stays O(m) memory.
  const threshold = Math.max(8, words >>> 3);
  const heavyIds: number[] = [];
  for (let j = 0; j < m; j++) {
    const id = y[reverse ? yb - 1 - j : ya + j]!;
    if (count[id]! >= threshold && heavy[id] === -1) heavy[id] = heavyIds.push(id) - 1;
  }
  const masks = new Int32Array(heavyIds.length * words);
  heavyIds.forEach((id, h) => {
    for (let p = head[id]!; p !== -1; p = next[p]!)
      masks[h * words + (p >>> 5)] = masks[h * words + (p >>> 5)]! | (1 << (p & 31));
  });
  for (let i = 0; i < xb - xa; i++) {
    const id = x[reverse ? xb - 1 - i : xa + i]!;
    if (head[id] === -1) continue; // no match anywhere: V is unchanged
    const h = heavy[id]!;
    let bits = mask;
    let at = 0;
    if (h >= 0) {
      bits = masks;
      at = h * words;
    } else {
      for (let p = head[id]!; p !== -1; p = next[p]!)
        mask[p >>> 5] = mask[p >>> 5]! | (1 << (p & 31));
    }
    let carry = 0;
    for (let k = 0; k < words; k++) {
      const vk = v[k]!;
      const mk = bits[at + k]!;
      const u = vk & mk;
      const sum = (vk + u + carry) | 0;
      // Carry out of a 32-bit add, from the operands' and the sum's top bits.
      carry = ((vk & u) | ((vk | u) & ~sum)) >>> 31;
      v[k] = sum | (vk & ~mk);
    }
    if (h < 0) for (let p = head[id]!; p !== -1; p = next[p]!) mask[p >>> 5] = 0;
    work.left -= words;
  }
  for (let j = 0; j < m; j++) {
    const id = y[reverse ? yb - 1 - j : ya + j]!;
    head[id] = -1;
    count[id] = 0;
    heavy[id] = -1;
  }
  // A zero bit at j means y[j] is matched: LCS against a prefix is the number of zeros in it.
  const out = new Int32Array(m + 1);
  let zeros = 0;
  for (let j = 0; j < m; j++) {
    if (((v[j >>> 5]! >>> (j & 31)) & 1) === 0) zeros++;
    out[j + 1] = zeros;
  }
  work.left -= m;
  return out;
}

type Scratch = { head: Int32Array; next: Int32Array; count: Int32Array; heavy: Int32Array };

/**
 * Appends to (outA, outB) the matched pairs of one LCS of x[xa..xb) and y[ya..yb), in order.
 * `idCount` bounds the ids (they index a table).
 */
export function lcsAlign(
  x: Int32Array,
  xa: number,
  xb: number,
  y: Int32Array,
  ya: number,
  yb: number,
  idCount: number,
  outA: number[],
  outB: number[],
  work: Work,
): void {
  const scratch: Scratch = {
    head: new Int32Array(idCount).fill(-1),
    next: new Int32Array(yb - ya),
    count: new Int32Array(idCount),
    heavy: new Int32Array(idCount).fill(-1),
  };
  align(x, xa, xb, y, ya, yb, scratch, outA, outB, work);
}

function align(
  x: Int32Array,
  xa: number,
  xb: number,
  y: Int32Array,
  ya: number,
  yb: number,
  scratch: Scratch,
  outA: number[],
  outB: number[],
  work: Work,
): void {
  // Common ends are part of some LCS: take them without a pass.
  while (xa < xb && ya < yb && x[xa] === y[ya]) {
    outA.push(xa++);
    outB.push(ya++);
  }
  let tail = 0;
  while (xa < xb - tail && ya < yb - tail && x[xb - 1 - tail] === y[yb - 1 - tail]) tail++;
  xb -= tail;
  yb -= tail;
  if (xa < xb && ya < yb) {
    if (xb - xa === 1) {
      for (let j = ya; j < yb; j++) {
        if (y[j] === x[xa]) {
          outA.push(xa);
          outB.push(j);
          break;
        }
      }
    } else {
      const mid = (xa + xb) >>> 1;
      const m = yb - ya;
      const forward = lcsRow(x, xa, mid, y, ya, yb, false, scratch, work);
      const backward = lcsRow(x, mid, xb, y, ya, yb, true, scratch, work);
      let best = -1;
      let split = 0;
      for (let j = 0; j <= m; j++) {
        const total = forward[j]! + backward[m - j]!;
        if (total > best) {
          best = total;
          split = j;
        }
      }
      if (best > 0) {
        align(x, xa, mid, y, ya, ya + split, scratch, outA, outB, work);
        align(x, mid, xb, y, ya + split, yb, scratch, outA, outB, work);
      }
    }
  }
  for (let k = 0; k < tail; k++) {
    outA.push(xb + k);
    outB.push(yb + k);
  }
}
