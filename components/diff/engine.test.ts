import { describe, expect, it } from "vitest";
import { diffLines, splitLines } from "./engine";

function apply(a: string[], b: string[], runs: ReturnType<typeof diffLines>["runs"]): string[] {
  const out: string[] = [];
  for (const run of runs) {
    if (run.op === "equal") out.push(...a.slice(run.aStart, run.aStart + run.count));
    if (run.op === "insert") out.push(...b.slice(run.bStart, run.bStart + run.count));
  }
  return out;
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
    expect(diffLines(["x", "y"], ["x", "y"])).toMatchObject({ added: 0, removed: 0, runs: [{ op: "equal", count: 2 }] });
  });

  it("is minimal on scattered edits with repeated lines", () => {
    const a = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? "}" : `line ${i}`));
    const b = a.map((l, i) => (i % 7 === 3 ? `${l} // changed` : l));
    const d = diffLines(a, b);
    const changed = a.filter((_, i) => i % 7 === 3).length;
    expect(d.exact).toBe(true);
    expect(d.added).toBe(changed);
    expect(d.removed).toBe(changed);
    expect(apply(a, b, d.runs)).toEqual(b);
  });

  it("ignores whitespace when asked", () => {
    expect(diffLines(["if (x) {"], ["if (x)  {"], { ignoreWhitespace: true }).added).toBe(0);
  });

  it("splits lines without inventing a trailing empty line", () => {
    expect(splitLines("a\nb\n")).toEqual(["a", "b"]);
    expect(splitLines("a\r\nb")).toEqual(["a", "b"]);
    expect(splitLines("")).toEqual([]);
  });
});
