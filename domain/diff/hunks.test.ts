import { describe, expect, it } from "vitest";
import { diffLines } from "./engine";
import { buildSegments, hunkHeader, splitRows, type Hunk } from "./hunks";
import { intraLineForRows, intraLinePair, type IntraLine } from "./intra-line";
import { lineSegments } from "./line-segments";

const lines = (n: number, prefix = "line") =>
  Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`);

function hunksOf(a: string[], b: string[]) {
  const segments = buildSegments(diffLines(a, b).runs);
  return { segments, hunks: segments.flatMap((s) => (s.type === "hunk" ? [s.hunk] : [])) };
}

/** Text of a hunk in unified-diff form, to compare with what `diff -u` would print. */
function render(h: Hunk, a: string[], b: string[]): string[] {
  return h.lines.map((l) =>
    l.kind === "context" ? ` ${a[l.a]}` : l.kind === "delete" ? `-${a[l.a]}` : `+${b[l.b]}`,
  );
}

describe("hunks", () => {
  it("keeps 3 lines of context around a change and collapses the rest into gaps", () => {
    const a = lines(20);
    const b = a.map((l, i) => (i === 9 ? "changed" : l));
    const { segments, hunks } = hunksOf(a, b);
    expect(segments.map((s) => s.type)).toEqual(["gap", "hunk", "gap"]);
    expect(hunks).toHaveLength(1);
    expect(hunkHeader(hunks[0]!)).toBe("@@ -7,7 +7,7 @@");
    expect(render(hunks[0]!, a, b)).toEqual([
      " line 7",
      " line 8",
      " line 9",
      "-line 10",
      "+changed",
      " line 11",
      " line 12",
      " line 13",
    ]);
    expect(segments[0]).toEqual({ type: "gap", gap: { aStart: 0, bStart: 0, count: 6 } });
    expect(segments[2]).toEqual({ type: "gap", gap: { aStart: 13, bStart: 13, count: 7 } });
  });

  it("merges changes that are at most 6 unchanged lines apart, splits them otherwise", () => {
    const a = lines(40);
    const near = a.map((l, i) => (i === 10 || i === 17 ? `${l}!` : l)); // 6 equal lines between
    expect(hunksOf(a, near).hunks).toHaveLength(1);
    const far = a.map((l, i) => (i === 10 || i === 18 ? `${l}!` : l)); // 7 equal lines between
    const { segments, hunks } = hunksOf(a, far);
    expect(hunks).toHaveLength(2);
    expect(segments.map((s) => s.type)).toEqual(["gap", "hunk", "gap", "hunk", "gap"]);
    expect(segments[2]).toEqual({ type: "gap", gap: { aStart: 14, bStart: 14, count: 1 } });
  });

  it("covers every line of both files exactly once across gaps and hunks", () => {
    const a = lines(100);
    const b = [...a.slice(0, 5), "new", ...a.slice(5, 50), ...a.slice(60), "tail"];
    const { segments } = hunksOf(a, b);
    const seenA: number[] = [];
    const seenB: number[] = [];
    for (const s of segments) {
      if (s.type === "gap") {
        for (let k = 0; k < s.gap.count; k++) {
          seenA.push(s.gap.aStart + k);
          seenB.push(s.gap.bStart + k);
        }
      } else
        for (const l of s.hunk.lines) {
          if (l.kind !== "insert") seenA.push(l.a);
          if (l.kind !== "delete") seenB.push(l.b);
        }
    }
    expect(seenA).toEqual(a.map((_, i) => i));
    expect(seenB).toEqual(b.map((_, i) => i));
  });

  it("handles changes at the very start and end, and files that are added from nothing", () => {
    const a = lines(5);
    const b = ["first", ...a.slice(1, 4), "last"];
    const { hunks } = hunksOf(a, b);
    expect(hunks).toHaveLength(1);
    expect(hunkHeader(hunks[0]!)).toBe("@@ -1,5 +1,5 @@");
    const added = hunksOf([], ["x", "y"]).hunks;
    expect(hunkHeader(added[0]!)).toBe("@@ -0,0 +1,2 @@");
    expect(hunksOf(a, a).hunks).toHaveLength(0);
  });

  it("pairs deleted and inserted lines side by side, leaving blanks for the longer side", () => {
    const a = ["keep", "old 1", "old 2", "keep 2"];
    const b = ["keep", "new 1", "new 2", "new 3", "keep 2"];
    const { hunks } = hunksOf(a, b);
    expect(splitRows(hunks[0]!.lines)).toEqual([
      { kind: "context", a: 0, b: 0 },
      { kind: "change", a: 1, b: 1 },
      { kind: "change", a: 2, b: 2 },
      { kind: "change", a: null, b: 3 },
      { kind: "context", a: 3, b: 4 },
    ]);
  });
});

describe("intra-line highlights", () => {
  it("marks exactly the changed words on each side", () => {
    const before = "const total = price * count;";
    const after = "const total = price * quantity + tax;";
    const pair = intraLinePair(before, after)!;
    expect(pair.a.map(([s, e]) => before.slice(s, e))).toEqual(["count"]);
    expect(pair.b.map(([s, e]) => after.slice(s, e))).toEqual(["quantity + tax"]);
  });

  it("leaves pairs of unrelated lines unmarked instead of speckling every other word", () => {
    const a = [
      "One sentence that says what this does and who it is for.",
      "let total = price * count;",
    ];
    const b = [
      "> Replace every line in italics, delete what you don't need.",
      "let total = price * quantity;",
    ];
    const into: IntraLine = { a: new Map(), b: new Map() };
    intraLineForRows(
      [
        { kind: "change", a: 0, b: 0 },
        { kind: "change", a: 1, b: 1 },
      ],
      a,
      b,
      into,
    );
    expect([...into.a.keys()]).toEqual([1]);
    expect(into.b.get(1)!.map(([s, e]) => b[1]!.slice(s, e))).toEqual(["quantity"]);
  });

  it("skips lines over 500 characters and blocks over 200 pairs", () => {
    expect(intraLinePair("a".repeat(501), "b")).toBeNull();
    const a = Array.from({ length: 201 }, (_, i) => `x = ${i};`);
    const b = a.map((l) => `${l} // y`);
    const into: IntraLine = { a: new Map(), b: new Map() };
    intraLineForRows(
      a.map((_, i) => ({ kind: "change", a: i, b: i })),
      a,
      b,
      into,
    );
    expect(into.b.size).toBe(0);
    intraLineForRows(
      a.slice(0, 200).map((_, i) => ({ kind: "change", a: i, b: i })),
      a,
      b,
      into,
    );
    expect(into.b.size).toBe(200);
  });

  it("cuts highlighted tokens at change boundaries without losing or reordering text", () => {
    const line = "let a = 1;";
    const tokens = [
      { content: "let", color: "#d73a49" },
      { content: " a = ", color: "#24292e" },
      { content: "1", color: "#005cc5" },
      { content: ";", color: "#24292e" },
    ];
    const pieces = lineSegments(line, tokens, [
      [4, 5],
      [8, 10],
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe(line);
    expect(pieces.filter((p) => p.changed).map((p) => p.text)).toEqual(["a", "1", ";"]);
    expect(pieces.find((p) => p.text === "1")?.color).toBe("#005cc5");
    // Tokens that do not cover the line are ignored rather than trusted.
    expect(lineSegments("abc", [{ content: "ab" }], undefined)).toEqual([
      { text: "abc", changed: false },
    ]);
  });
});
