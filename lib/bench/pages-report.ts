// Pure parts of `npm run bench:pages`: its flags, the round order, the medians and ratios, and the
// printed tables. No I/O here, so lib/bench/pages-report.test.ts checks them on fixed inputs.
import { parseArgs } from "node:util";

export type PagesOptions = {
  rounds: number;
  /** Seconds of load per target per round. */
  duration: number;
  connections: number;
  /** Write-then-read trials (each a like, then an unlike). */
  trials: number;
};

export const PAGES_USAGE =
  "npm run bench:pages -- [--rounds 5] [--duration 5] [--connections 32] [--trials 5]";

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`--${name} must be a whole number ≥ 1, not "${raw}"`);
  return n;
}

/** Parses the command line; throws one sentence (with the usage) on anything it does not know. */
export function parsePagesArgs(argv: string[]): PagesOptions {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        rounds: { type: "string" },
        duration: { type: "string" },
        connections: { type: "string" },
        trials: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (err) {
    throw new Error(`${(err as Error).message}. Usage: ${PAGES_USAGE}`);
  }
  return {
    rounds: positiveInt("rounds", values.rounds, 5),
    duration: positiveInt("duration", values.duration, 5),
    connections: positiveInt("connections", values.connections, 32),
    trials: positiveInt("trials", values.trials, 5),
  };
}

/** Round r (0-based) runs the targets rotated by r, so no target always follows the same one. */
export function roundOrder<T>(targets: readonly T[], round: number): T[] {
  const k = targets.length ? round % targets.length : 0;
  return [...targets.slice(k), ...targets.slice(0, k)];
}

export function median(xs: readonly number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** One target's figures in one round (from autocannon's result). */
export type Sample = {
  round: number;
  target: string;
  reqPerSec: number;
  /** Responses completed within the round; 0 makes p50/p99 NaN (nothing was measured). */
  responses: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** How many responses carried each `x-vitrine-cache` value ("none" = no such header). */
  cache: Record<string, number>;
};

export type SummaryRow = {
  target: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Median req/s over the reference file's median req/s. */
  ratio: number;
  cache: Record<string, number>;
};

/** Medians per target over the rounds, in the order targets first appear; ratios to `reference`. */
export function summarise(samples: readonly Sample[], reference: string): SummaryRow[] {
  const targets = [...new Set(samples.map((s) => s.target))];
  const rows = targets.map((target) => {
    const mine = samples.filter((s) => s.target === target);
    const cache: Record<string, number> = {};
    for (const s of mine)
      for (const [value, n] of Object.entries(s.cache)) cache[value] = (cache[value] ?? 0) + n;
    return {
      target,
      reqPerSec: median(mine.map((s) => s.reqPerSec)),
      // Latency of the rounds that completed responses; a round with none has no latency to count.
      p50: median(mine.map((s) => s.p50).filter((x) => !Number.isNaN(x))),
      p99: median(mine.map((s) => s.p99).filter((x) => !Number.isNaN(x))),
      non2xx: mine.reduce((n, s) => n + s.non2xx, 0),
      errors: mine.reduce((n, s) => n + s.errors, 0),
      ratio: NaN,
      cache,
    };
  });
  const ref = rows.find((r) => r.target === reference)?.reqPerSec ?? NaN;
  for (const r of rows) r.ratio = r.reqPerSec / ref;
  return rows;
}

const ms = (x: number) => (Number.isNaN(x) ? "n/a" : String(Math.round(x)));

const cacheText = (cache: Record<string, number>) =>
  Object.entries(cache)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([v, n]) => `${v}:${n}`)
    .join(" ") || "-";

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), ...rows.map(line)];
}

/** Every raw round, one line each. */
export function formatSamples(samples: readonly Sample[]): string[] {
  return table(
    [
      "round",
      "target",
      "req/s",
      "responses",
      "p50_ms",
      "p99_ms",
      "non2xx",
      "errors",
      "x-vitrine-cache",
    ],
    samples.map((s) => [
      String(s.round),
      s.target,
      s.reqPerSec.toFixed(1),
      String(s.responses),
      ms(s.p50),
      ms(s.p99),
      String(s.non2xx),
      String(s.errors),
      cacheText(s.cache),
    ]),
  );
}

/** The medians table; `goal` marks the ratio target (≥ 0.5×) and the p99 target (< 200 ms). */
export function formatSummary(
  rows: readonly SummaryRow[],
  goals: { ratioTargets: readonly string[]; minRatio: number; maxP99: number },
): string[] {
  return table(
    [
      "target",
      "req/s",
      "p50_ms",
      "p99_ms",
      "non2xx",
      "errors",
      "vs file",
      "x-vitrine-cache",
      "targets",
    ],
    rows.map((r) => {
      const verdicts = [`p99 ${r.p99 < goals.maxP99 ? "ok" : "MISSED"}`]; // NaN < x is false
      if (goals.ratioTargets.includes(r.target))
        verdicts.unshift(`ratio ${r.ratio >= goals.minRatio ? "ok" : "MISSED"}`);
      return [
        r.target,
        r.reqPerSec.toFixed(1),
        ms(r.p50),
        ms(r.p99),
        String(r.non2xx),
        String(r.errors),
        `${r.ratio.toFixed(2)}×`,
        cacheText(r.cache),
        verdicts.join(", "),
      ];
    }),
  );
}

/** One write-then-read trial: the write, the count it committed, and each read until it showed. */
export type FreshnessTrial = {
  write: "like" | "unlike";
  expected: number;
  /** Counts read after the write committed, in order; the last equals `expected` unless it never showed. */
  seen: number[];
  /** `x-vitrine-cache` of each read ("none" when absent). */
  cache: string[];
};

/** 1 = the very next request showed the write; null = it never showed within the reads made. */
export function readsUntilFresh(t: FreshnessTrial): number | null {
  const i = t.seen.indexOf(t.expected);
  return i < 0 ? null : i + 1;
}

export function formatFreshness(trials: readonly FreshnessTrial[]): string[] {
  const lines = table(
    ["trial", "write", "count after commit", "reads until shown", "counts seen", "x-vitrine-cache"],
    trials.map((t, i) => [
      String(i + 1),
      t.write,
      String(t.expected),
      String(readsUntilFresh(t) ?? "never"),
      t.seen.join(","),
      t.cache.join(","),
    ]),
  );
  const next = trials.filter((t) => readsUntilFresh(t) === 1).length;
  lines.push(`shown on the very next request: ${next} of ${trials.length} (target: all)`);
  return lines;
}

/**
 * The like count of the artifact page's like button in server-rendered HTML: the first number in a
 * `<span>` after `data-testid="like-button"` (components/like/like-button.tsx). Null when absent.
 */
export function likeCountFromHtml(html: string): number | null {
  const at = html.indexOf('data-testid="like-button"');
  if (at < 0) return null;
  const m = /<span>(\d+)<\/span>/.exec(html.slice(at, at + 4000));
  return m ? Number(m[1]) : null;
}
