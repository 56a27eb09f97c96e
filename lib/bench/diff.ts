// `npm run bench:diff`: our engine against `git diff --no-index` on the same files, side by side in
// one run (the machine is shared and noisy: ratios are the point). The cases are PERFORMANCE.md's
// and issue 17's adversarial ones (more than 65k distinct lines, low-entropy text, a reversal, line
// endings, the final newline). Runs are interleaved (ours, git, ours, git…) so both see the same
// load; medians are printed with the changed-line counts next to git's. Never fails on speed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { adversarialCases, perfCases, type TextCase } from "@/domain/diff/cases";
import { DEFAULT_WORK, diffTexts, type LineDiff } from "@/domain/diff/engine";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

/** `git diff --no-index` wall time including the spawn, and its +/- line counts (numstat). */
function gitDiff(dir: string): { ms: number; added: number; removed: number } {
  const began = performance.now();
  const out = spawnSync(
    "git",
    ["diff", "--no-index", "--numstat", "--no-color", "a.txt", "b.txt"],
    { cwd: dir, encoding: "utf8" },
  );
  const ms = performance.now() - began;
  const [added, removed] = (out.stdout.trim().split(/\s+/) as string[]).map(Number);
  return { ms, added: added ?? 0, removed: removed ?? 0 };
}

const cases: TextCase[] = [
  ...perfCases().map((c) => ({ name: c.name, a: `${c.a.join("\n")}\n`, b: `${c.b.join("\n")}\n` })),
  ...adversarialCases(),
];

const dir = mkdtempSync(path.join(tmpdir(), "vitrine-bench-diff-"));
const rows: string[][] = [];
try {
  for (const c of cases) {
    writeFileSync(path.join(dir, "a.txt"), c.a);
    writeFileSync(path.join(dir, "b.txt"), c.b);
    let result: LineDiff = diffTexts(c.a, c.b); // warm-up
    gitDiff(dir);
    const ours: number[] = [];
    const git: number[] = [];
    let gitCounts = { added: 0, removed: 0 };
    for (let r = 0; r < RUNS; r++) {
      const began = performance.now();
      result = diffTexts(c.a, c.b);
      ours.push(performance.now() - began);
      const g = gitDiff(dir);
      git.push(g.ms);
      gitCounts = g;
    }
    const o = median(ours);
    const g = median(git);
    const oursChanged = result.added + result.removed;
    const gitChanged = gitCounts.added + gitCounts.removed;
    rows.push([
      c.name,
      `${o.toFixed(1)} ms`,
      `${g.toFixed(1)} ms`,
      `${(o / g).toFixed(2)}×`,
      `+${result.added} −${result.removed}`,
      `+${gitCounts.added} −${gitCounts.removed}`,
      gitChanged === 0
        ? oursChanged === 0
          ? "="
          : "n/a"
        : `${(((oursChanged - gitChanged) / gitChanged) * 100).toFixed(2)}%`,
      result.exact ? "yes" : "no",
      `${((result.work / DEFAULT_WORK) * 100).toFixed(0)}%`,
      `${Math.max(...ours).toFixed(0)} ms`,
    ]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const header = [
  "case",
  "ours (median)",
  "git (median)",
  "ratio",
  "ours ±lines",
  "git ±lines",
  "vs git",
  "minimal",
  "budget used",
  "ours max",
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
console.log(
  `diff engine vs git diff --no-index, median of ${RUNS} interleaved runs (git includes process spawn)\n`,
);
console.log(line(header));
console.log(line(widths.map((w) => "-".repeat(w))));
for (const r of rows) console.log(line(r));
console.log(
  "\nTargets: changed lines within 1% of git's or fewer ('vs git' ≤ +1%); any input within 1 s of work (the",
  "budget, 'ours max'); 20k lines with 30% changed within 2× git. 'minimal: yes' = an exact method (Myers or",
  "the bit-parallel LCS) covered every region, so the diff is minimal; 'no' = anchors or pieces were used.",
);
