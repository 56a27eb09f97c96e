import { describe, expect, it } from "vitest";
import { codeLines, perfCases, rng } from "./cases";
import { diffLines, splitLines, type DiffRun } from "./engine";

/** Rebuilds the new side from the old side and the runs: a diff is valid iff this returns `b`. */
function apply(a: string[], b: string[], runs: DiffRun[]): string[] {
  const out: string[] = [];
  let ai = 0;
  for (const run of runs) {
    if (run.op === "equal") {
      expect(run.aStart).toBe(ai);
      for (let k = 0; k < run.count; k++) expect(a[run.aStart + k]).toBe(b[run.bStart + k]);
      out.push(...a.slice(run.aStart, run.aStart + run.count));
      ai += run.count;
    }
    if (run.op === "delete") {
      expect(run.aStart).toBe(ai);
      ai += run.count;
    }
    if (run.op === "insert") out.push(...b.slice(run.bStart, run.bStart + run.count));
  }
  expect(ai).toBe(a.length);
  return out;
}

/** Length of the longest common subsequence: the reference any minimal line diff must reach. */
function lcs(a: string[], b: string[]): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A realistic edit: a few scattered changes, inserts, deletes and a moved block. */
function edit(a: string[], random: () => number): string[] {
  const b = [...a];
  const ops = 1 + Math.floor(random() * 8);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(random() * (b.length + 1));
    const r = random();
    if (r < 0.3 && b.length > 0) b[Math.min(at, b.length - 1)] += " // changed";
    else if (r < 0.55)
      b.splice(
        at,
        0,
        ...Array.from({ length: 1 + Math.floor(random() * 4) }, (_, i) => `new ${k}.${i}`),
      );
    else if (r < 0.8) b.splice(at, 1 + Math.floor(random() * 4));
    else if (b.length > 10) {
      const block = b.splice(at, 1 + Math.floor(random() * 5));
      b.splice(Math.floor(random() * (b.length + 1)), 0, ...block);
    }
  }
  return b;
}

describe("diffLines", () => {
  it("finds the minimal edit for a one-line change", () => {
    const a = ["a", "b", "c", "d"];
    const b = ["a", "B", "c", "d"];
    const d = diffLines(a, b);
    expect(d).toMatchObject({ added: 1, removed: 1, exact: true });
    expect(apply(a, b, d.runs)).toEqual(b);
  });

  it("handles empty sides and identical inputs", () => {
    expect(diffLines([], ["x"]).added).toBe(1);
    expect(diffLines(["x"], []).removed).toBe(1);
    expect(diffLines([], [])).toMatchObject({ added: 0, removed: 0, runs: [] });
    expect(diffLines(["x", "y"], ["x", "y"])).toMatchObject({
      added: 0,
      removed: 0,
      runs: [{ op: "equal", count: 2 }],
    });
  });

  it("is minimal on realistic edits: as few changes as the longest common subsequence allows", () => {
    const random = rng(42);
    for (let t = 0; t < 300; t++) {
      const n = Math.floor(random() * 200);
      // Code-like lines for most cases, a tiny alphabet (many repeats) for the rest.
      const a =
        t % 3 === 0
          ? Array.from({ length: n }, () => "abcde"[Math.floor(random() * 5)]!)
          : codeLines(n, t);
      const b =
        t % 3 === 0
          ? Array.from(
              { length: Math.floor(random() * 200) },
              () => "abcde"[Math.floor(random() * 5)]!,
            )
          : edit(a, random);
      const d = diffLines(a, b);
      expect(apply(a, b, d.runs)).toEqual(b);
      const common = lcs(a, b);
      expect({ t, removed: d.removed, added: d.added }).toEqual({
        t,
        removed: a.length - common,
        added: b.length - common,
      });
      expect(d.exact).toBe(true);
    }
  });

  it("is minimal on scattered edits with repeated lines", () => {
    const a = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? "}" : `line ${i}`));
    const b = a.map((l, i) => (i % 7 === 3 ? `${l} // changed` : l));
    const d = diffLines(a, b);
    const changed = a.filter((_, i) => i % 7 === 3).length;
    expect(d).toMatchObject({ exact: true, added: changed, removed: changed });
    expect(apply(a, b, d.runs)).toEqual(b);
  });

  // The PERFORMANCE.md inputs: each gives a valid diff within the work budget (speed is measured
  // by `npm run bench:diff`, not asserted here: wall time on a shared machine is not a result).
  for (const c of perfCases()) {
    it(`diffs "${c.name}" validly`, () => {
      const d = diffLines(c.a, c.b);
      expect(apply(c.a, c.b, d.runs)).toEqual(c.b);
      expect(d.added - d.removed).toBe(c.b.length - c.a.length);
    });
  }

  it("finds the minimal diff for swapped halves (a block move, not a rewrite)", () => {
    const a = codeLines(20_000, 3).map((l, i) => `${l} ${i}`); // distinct lines
    const b = [...a.slice(10_000), ...a.slice(0, 10_000)];
    const d = diffLines(a, b);
    expect(d.removed).toBe(10_000);
    expect(d.added).toBe(10_000);
  });

  it("ignores whitespace when asked, and only then", () => {
    expect(diffLines(["if (x) {"], ["if (x)  {"], { ignoreWhitespace: true }).added).toBe(0);
    expect(
      diffLines(["\tfoo();", "bar"], ["    foo();", "bar"], { ignoreWhitespace: true }),
    ).toMatchObject({ added: 0, removed: 0 });
    expect(diffLines(["if (x) {"], ["if (x)  {"]).added).toBe(1);
    expect(diffLines(["a b"], ["a c"], { ignoreWhitespace: true })).toMatchObject({
      added: 1,
      removed: 1,
    });
  });

  it("splits lines without inventing a trailing empty line", () => {
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
    expect(splitLines("\n")).toEqual([""]);
  });
});
