import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { afterAll, describe, expect, it } from "vitest";
import { adversarialCases, perfCases } from "@/domain/diff/cases";
import { DEFAULT_WORK, diffTexts } from "@/domain/diff/engine";
import { diffTextsAsync } from "./run";

// Issue 13: the diff's budget once was wall-clock, so a busy CPU turned a 4k-line change into a
// near-total rewrite. The budget is a count of work units (edit-graph steps, bit-vector words):
// these tests hold the result to the input alone, whatever else the machine is doing.

const text = (lines: string[]) => `${lines.join("\n")}\n`;

/** Threads that keep every core busy until stopped. */
function burnCpu(threads: number): () => Promise<void> {
  const workers = Array.from(
    { length: threads },
    () => new Worker("for (;;) Math.sqrt(Math.random());", { eval: true }),
  );
  return async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
}

function shape(d: { runs: unknown; added: number; removed: number; exact: boolean; work: number }) {
  return { runs: d.runs, added: d.added, removed: d.removed, exact: d.exact, work: d.work };
}

describe("a diff depends on its input only", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "vitrine-diff-det-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  function gitNumstat(before: string, after: string): { added: number; removed: number } {
    writeFileSync(path.join(dir, "a"), before);
    writeFileSync(path.join(dir, "b"), after);
    const out = spawnSync("git", ["diff", "--no-index", "--numstat", "a", "b"], {
      cwd: dir,
      encoding: "utf8",
    });
    const [added, removed] = out.stdout.trim().split(/\s+/).map(Number);
    return { added: added!, removed: removed! };
  }

  const clustered = perfCases().find((c) => c.name === "20k lines, 30% clustered")!;
  const lowEntropy = adversarialCases().find((c) => c.name.startsWith("20k low-entropy"))!;

  it("gives the identical diff, and counts the same work, with every core busy or idle", async () => {
    for (const c of [
      { a: text(clustered.a), b: text(clustered.b) },
      { a: lowEntropy.a, b: lowEntropy.b },
    ]) {
      const idle = diffTexts(c.a, c.b);
      const stop = burnCpu(3);
      let busy;
      try {
        // In the diff worker thread, as the diff page, the API and the MCP tool run it.
        busy = await diffTextsAsync(c.a, c.b, false);
      } finally {
        await stop();
      }
      expect(busy.where).toBe("worker");
      expect(shape(busy)).toEqual(shape(idle));
      // The budget's unit is counted: real work was spent, and never more than the budget.
      expect(idle.work).toBeGreaterThan(0);
      expect(idle.work).toBeLessThanOrEqual(DEFAULT_WORK);
    }
  });

  it("spends what the budget allows and no more: a smaller budget is a coarser diff, the same every time", () => {
    const a = lowEntropy.a;
    const b = lowEntropy.b;
    const full = diffTexts(a, b);
    const budget = Math.floor(full.work / 4);
    const first = diffTexts(a, b, { work: budget });
    const second = diffTexts(a, b, { work: budget });
    expect(shape(second)).toEqual(shape(first));
    expect(first.exact).toBe(false);
    expect(first.added + first.removed).toBeGreaterThanOrEqual(full.added + full.removed);
  });

  it("finds a realistic 20k-line, 30%-changed edit as git does", () => {
    const a = text(clustered.a);
    const b = text(clustered.b);
    const d = diffTexts(a, b);
    const git = gitNumstat(a, b);
    expect(git.added).toBeGreaterThan(4_000); // a big change, not a toy
    // Minimal (exact) here, so never more lines than git's heuristic diff, and within 1% of it.
    expect(d.exact).toBe(true);
    expect(d.added + d.removed).toBeLessThanOrEqual(git.added + git.removed);
    expect(d.added + d.removed).toBeGreaterThanOrEqual(
      Math.floor((git.added + git.removed) * 0.99),
    );
  });
});
