// The engine against an exact reference on random and adversarial inputs. Every diff must be
// valid (applying it to the old text gives the new text, byte for byte, line endings included),
// and minimal — the longest common subsequence computed by the textbook dynamic programme — where
// that is affordable; on the large adversarial inputs it must be within 1% of git's own count.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialCases, codeLines, lowEntropyLines, rng } from "./cases";
import { diffLines, diffTexts, type DiffRun } from "./engine";
import { lineKeys, splitText } from "./lines";

/** The new side rebuilt from the old side and the runs (equal runs must really be equal). */
function apply(a: string[], b: string[], runs: DiffRun[]): string[] | "invalid" {
  const out: string[] = [];
  let ai = 0;
  for (const run of runs) {
    if (run.op === "insert") {
      out.push(...b.slice(run.bStart, run.bStart + run.count));
      continue;
    }
    if (run.aStart !== ai) return "invalid";
    if (run.op === "equal") {
      for (let k = 0; k < run.count; k++) {
        if (a[run.aStart + k] !== b[run.bStart + k] || run.bStart + k !== out.length)
          return "invalid";
        out.push(a[run.aStart + k]!);
      }
    }
    ai += run.count;
  }
  return ai === a.length ? out : "invalid";
}

/** Longest common subsequence length, O(n·m) dynamic programme: the reference minimum. */
function lcs(a: string[], b: string[]): number {
  let prev = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Int32Array(b.length + 1);
    for (let j = 1; j <= b.length; j++)
      cur[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev = cur;
  }
  return prev[b.length]!;
}

/** Checks a text diff: valid byte for byte, and the changed-line count it reports. */
function checkTexts(before: string, after: string, work?: number) {
  const d = diffTexts(before, after, { work });
  const keysA = lineKeys(splitText(before), false);
  const keysB = lineKeys(splitText(after), false);
  const rebuilt = apply(keysA, keysB, d.runs);
  expect(rebuilt === "invalid" ? rebuilt : rebuilt.join("")).toBe(after);
  // Every difference shows: texts that differ never diff as "no changes".
  expect(d.added + d.removed > 0).toBe(before !== after);
  return { d, keysA, keysB };
}

const pick = <T>(random: () => number, xs: T[]) => xs[Math.floor(random() * xs.length)]!;

/** A random text: lines from an alphabet of `alphabet` strings, random endings, maybe no final newline. */
function randomText(
  random: () => number,
  lines: number,
  alphabet: number,
  crlfShare: number,
): string {
  let out = "";
  for (let i = 0; i < lines; i++)
    out += `l${Math.floor(random() * alphabet)}${random() < crlfShare ? "\r\n" : "\n"}`;
  return random() < 0.3 ? out.replace(/\r?\n$/, "") : out;
}

describe("diff engine against an exact LCS", () => {
  it("is valid and minimal on 600 random texts (small alphabets, mixed line endings, missing final newlines)", () => {
    const random = rng(2026);
    for (let t = 0; t < 600; t++) {
      const alphabet = 1 + Math.floor(random() * 12);
      const crlf = pick(random, [0, 0, 0.1, 0.5, 1]);
      const before = randomText(random, Math.floor(random() * 150), alphabet, crlf);
      const after =
        random() < 0.3
          ? before.replace(/\r\n/g, "\n")
          : randomText(random, Math.floor(random() * 150), alphabet, pick(random, [0, crlf]));
      const { d, keysA, keysB } = checkTexts(before, after);
      const common = lcs(keysA, keysB);
      expect({ t, removed: d.removed, added: d.added }).toEqual({
        t,
        removed: keysA.length - common,
        added: keysB.length - common,
      });
    }
  });

  it("is minimal on reversals, rotations and shuffles of repetitive files (where Myers gives up)", () => {
    const random = rng(7);
    for (let t = 0; t < 40; t++) {
      const a =
        t % 2
          ? lowEntropyLines(300 + Math.floor(random() * 900), t)
          : codeLines(300 + Math.floor(random() * 900), t);
      const cut = Math.floor(random() * a.length);
      const b = [
        [...a].reverse(),
        [...a.slice(cut), ...a.slice(0, cut)],
        [...a].sort(() => random() - 0.5),
      ][t % 3]!;
      const d = diffLines(a, b);
      expect(apply(a, b, d.runs)).toEqual(b);
      const common = lcs(a, b);
      expect({ t, removed: d.removed, added: d.added, exact: d.exact }).toEqual({
        t,
        removed: a.length - common,
        added: b.length - common,
        exact: true,
      });
    }
  });

  it("stays valid, never a rewrite, when the work budget is tiny", () => {
    const random = rng(11);
    for (let t = 0; t < 200; t++) {
      const a = Array.from(
        { length: Math.floor(random() * 400) },
        () => `x${Math.floor(random() * 6)}`,
      );
      const b =
        random() < 0.5
          ? [...a].reverse()
          : Array.from(
              { length: Math.floor(random() * 400) },
              () => `x${Math.floor(random() * 6)}`,
            );
      for (const work of [0, 2_000, 20_000]) {
        const d = diffLines(a, b, { work });
        expect(apply(a, b, d.runs)).toEqual(b);
        if (d.exact) expect(d.added).toBe(b.length - lcs(a, b));
      }
    }
    // A large region with no budget still keeps what its pieces share (not everything replaced).
    const big = lowEntropyLines(40_000, 3);
    const d = diffLines(big, [...big].reverse(), { work: 0 });
    expect(d.exact).toBe(false);
    expect(apply(big, [...big].reverse(), d.runs)).not.toBe("invalid");
    expect(d.removed).toBeLessThan(big.length * 0.9);
  });
});

describe("adversarial inputs, against git diff --no-index", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vitrine-diff-property-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function gitChanged(before: string, after: string): number {
    writeFileSync(path.join(dir, "a"), before);
    writeFileSync(path.join(dir, "b"), after);
    const out = spawnSync("git", ["diff", "--no-index", "--numstat", "a", "b"], {
      cwd: dir,
      encoding: "utf8",
    });
    const [added, removed] = out.stdout.trim().split(/\s+/).map(Number);
    return added! + removed!;
  }

  for (const c of adversarialCases()) {
    it(`${c.name}: valid, every difference shown, within 1% of git's changed lines`, () => {
      const { d } = checkTexts(c.a, c.b);
      expect(d.added + d.removed).toBeLessThanOrEqual(Math.ceil(gitChanged(c.a, c.b) * 1.01));
    });
  }

  it("more than 65,536 distinct lines with two edits is exactly those edits", () => {
    const c = adversarialCases()[0]!;
    expect(splitText(c.a).lines.length).toBeGreaterThan(65_536);
    const { d } = checkTexts(c.a, c.b);
    expect(d).toMatchObject({ added: 2, removed: 1, exact: true });
  });

  it("CRLF to LF and a removed last newline are changes", () => {
    const [, , , crlf, lastNewline] = adversarialCases();
    expect(checkTexts(crlf!.a, crlf!.b).d).toMatchObject({ added: 1_499, removed: 1_499 });
    expect(checkTexts(lastNewline!.a, lastNewline!.b).d).toMatchObject({ added: 1, removed: 1 });
  });
});
