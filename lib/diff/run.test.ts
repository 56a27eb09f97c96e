import { describe, expect, it } from "vitest";
import { adversarialCases } from "@/domain/diff/cases";
import { diffTexts } from "@/domain/diff/engine";
import { diffTextsAsync } from "./run";

describe("where a diff runs", () => {
  it("computes a small diff inline and a big one in the worker thread, with the same result", async () => {
    const small = await diffTextsAsync("a\nb\n", "a\nc\n", false);
    expect(small).toMatchObject({ where: "inline", added: 1, removed: 1 });

    const [, lowEntropy] = adversarialCases();
    const big = await diffTextsAsync(lowEntropy!.a, lowEntropy!.b, false);
    const inline = diffTexts(lowEntropy!.a, lowEntropy!.b);
    expect(big.where).toBe("worker");
    expect({ runs: big.runs, added: big.added, removed: big.removed, exact: big.exact }).toEqual({
      runs: inline.runs,
      added: inline.added,
      removed: inline.removed,
      exact: inline.exact,
    });
    expect(big.a.lines).toEqual(inline.a.lines);
  });

  it("keeps the event loop turning while the worker diffs", async () => {
    const [, , reversed] = adversarialCases();
    let turns = 0;
    const timer = setInterval(() => turns++, 1);
    const diff = await diffTextsAsync(reversed!.a, reversed!.b, true, { inlineMaxWork: 0 });
    clearInterval(timer);
    expect(diff.where).toBe("worker");
    // Counted in timer callbacks, not milliseconds: inline, a diff this size gets none at all.
    expect(turns).toBeGreaterThan(0);
  });
});
