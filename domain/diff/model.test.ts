import { beforeAll, describe, expect, it } from "vitest";
import { codeLines } from "./cases";
import {
  AUTO_BYTES,
  AUTO_CHANGED_LINES,
  computeDiff,
  prepareDiffView,
  type ComputedDiff,
  type Highlighter,
} from "./model";

// A plain-text highlighter with the real one's contract (colours the first `upTo` lines, off
// past 5,000 lines); the shiki one is tested with the components (highlight.test.ts).
const highlight: Highlighter = async (lines, codeLanguage, upTo) =>
  codeLanguage && upTo > 0 && upTo <= 5_000
    ? lines.slice(0, upTo).map((content) => [{ content }])
    : null;

let n = 0;
const side = (
  lines: string[],
  codeLanguage: string | null = "javascript",
  eol = "\n",
  finalNewline = false,
) => ({
  versionId: `v${n++}`,
  code: lines.join(eol) + (finalNewline ? eol : ""),
  codeLanguage,
});
const changedIn = (view: Awaited<ReturnType<typeof prepareDiffView>>) =>
  view.segments.reduce((k, s) => k + (s.type === "hunk" ? s.hunk.changed : 0), 0);

describe("diff budgets", () => {
  const a = codeLines(6000, 5).map((l, i) => `${l} /* ${i} */`);
  const b = a.map((l, i) => (i % 20 === 0 ? `${l} // edited` : l)); // 300 pairs = 600 changed lines
  let diff: ComputedDiff;
  beforeAll(async () => {
    diff = await computeDiff(side(a), side(b), false);
  });

  it("shows at most 400 changed lines / 20 KB at once, and says how many are left", async () => {
    const view = await prepareDiffView(diff, {
      full: false,
      codeLanguageA: "javascript",
      codeLanguageB: "javascript",
      highlight,
    });
    const shown = changedIn(view);
    expect(view.truncated).toBe(true);
    expect(view.tokensA).not.toBeNull(); // the rendered prefix is highlighted
    expect(shown).toBeLessThanOrEqual(AUTO_CHANGED_LINES);
    expect(shown + view.hiddenChanged).toBe(diff.added + diff.removed);
    const bytes = view.segments.reduce(
      (k, s) =>
        k +
        (s.type === "hunk"
          ? s.hunk.lines.reduce(
              (m, l) => m + (l.kind === "insert" ? b[l.b]! : a[l.a]!).length + 1,
              0,
            )
          : 0),
      0,
    );
    expect(bytes).toBeLessThanOrEqual(AUTO_BYTES);
  });

  it("shows everything on request, highlighted, and reuses the computed diff", async () => {
    const view = await prepareDiffView(diff, {
      full: true,
      codeLanguageA: "javascript",
      codeLanguageB: "javascript",
      highlight,
    });
    expect(view.truncated).toBe(false);
    expect(changedIn(view)).toBe(600);
    expect(view.tokensB).toBeNull(); // 6,000 lines: past 5,000, colours are off (as GitHub does)
    expect(
      await computeDiff(
        { versionId: "x", code: "", codeLanguage: null },
        { versionId: "y", code: "a", codeLanguage: null },
        false,
      ),
    ).toBe(
      await computeDiff(
        { versionId: "x", code: "", codeLanguage: null },
        { versionId: "y", code: "a", codeLanguage: null },
        false,
      ),
    );
  });

  it("cuts a single huge hunk rather than rendering all of it", async () => {
    const rewritten = await computeDiff(
      side(a.slice(0, 3000)),
      side(a.slice(0, 3000).map((l) => `${l}!`)),
      false,
    );
    const view = await prepareDiffView(rewritten, {
      full: false,
      codeLanguageA: null,
      codeLanguageB: null,
      highlight,
    });
    expect(view.truncated).toBe(true);
    expect(changedIn(view)).toBeLessThanOrEqual(AUTO_CHANGED_LINES);
  });

  it("refuses to render beyond 20k diff lines (an exact diff of a reversed file, all of it changed)", async () => {
    const big = codeLines(20_000, 9).map((l, i) => `${l} ${i}`);
    const reversed = await computeDiff(side(big), side([...big].reverse()), false);
    expect(reversed.tooLarge).toBe(true);
    expect(reversed.exact).toBe(true); // the bit-parallel LCS fits the work budget
    expect(reversed.added).toBeGreaterThan(0);
  });
});

describe("line endings in the computed diff", () => {
  it("shows a CRLF→LF change and a removed final newline, and hides both when ignoring whitespace", async () => {
    const crlf = await computeDiff(
      side(["a", "b"], null, "\r\n", true),
      side(["a", "b"], null, "\n", true),
      false,
    );
    expect(crlf).toMatchObject({
      added: 2,
      removed: 2,
      eol: { markEndings: true, aNoFinalNewline: false },
    });
    const lastNewline = await computeDiff(
      side(["a", "b"], null, "\n", true),
      side(["a", "b"], null, "\n", false),
      false,
    );
    expect(lastNewline).toMatchObject({
      added: 1,
      removed: 1,
      eol: { markEndings: false, aNoFinalNewline: false, bNoFinalNewline: true },
    });
    const ignored = await computeDiff(
      side(["a", "b"], null, "\r\n", true),
      side(["a", "b"], null, "\n", false),
      true,
    );
    expect(ignored).toMatchObject({
      added: 0,
      removed: 0,
      eol: { markEndings: false, bNoFinalNewline: false },
    });
  });
});
