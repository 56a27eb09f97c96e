// Shared plumbing for every `npm run bench:*` script (PERFORMANCE.md). A benchmark script is:
//
//   import { withBenchDatabase, explain, timeIt } from "@/lib/bench/bench-db";
//   import { BENCH } from "@/db/seed-bench";
//   await withBenchDatabase(async ({ db, pool }) => {
//     const page1 = await timeIt("gallery page 1", () => pool.query("select …"), { runs: 50 });
//     console.log(page1, await explain(db, "select …"));
//   });
//
// BENCH (db/seed-bench.ts) names the well-known objects: the heavy user, the 10k-version artifact,
// the fork origin and the depth-500 fork.
import { chmodSync, mkdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { sql, type SQL } from "drizzle-orm";
import type pg from "pg";
import { z } from "zod";
import { createDatabase, type Database } from "@/db/client";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { BENCH, seedBench } from "@/db/seed-bench";
import { dataDir } from "@/lib/paths";

export type BenchContext = { db: Database; pool: pg.Pool; url: string };

// Benchmark-only setting, so it is read here rather than in lib/env.js (which the app validates at
// start); validated the same way.
const benchUrl = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .pipe(z.url().optional())
  .optional()
  .parse(process.env.BENCH_DATABASE_URL);

/**
 * Runs `fn` against the benchmark database and cleans up afterwards.
 * - BENCH_DATABASE_URL set: uses that server (it is migrated; the dataset is generated if absent).
 * - otherwise: starts an embedded PostgreSQL in <data dir>/bench (VITRINE_DATA_DIR or .data; kept
 *   between runs, separate from the app's .data/pg), and stops it when `fn` settles.
 * The first run generates the dataset of PERFORMANCE.md (a few minutes); later runs reuse it.
 * The pool allows 40 connections so concurrency benchmarks (32 clients) are not pool-bound, and
 * has no statement timeout.
 */
export async function withBenchDatabase<T>(
  fn: (ctx: BenchContext) => Promise<T>,
  opts: { log?: (line: string) => void } = {},
): Promise<T> {
  const log = opts.log ?? ((line: string) => console.error(line));
  let embedded: EmbeddedDatabase | undefined;
  let url = benchUrl;
  if (!url) {
    const dir = path.join(dataDir(), "bench");
    mkdirSync(dir, { recursive: true });
    // The embedded server runs as the "postgres" user when we are root: it must be able to enter.
    chmodSync(dir, 0o755);
    log(`Starting the benchmark PostgreSQL (data in ${dir})…`);
    embedded = await startEmbeddedPostgres({ dataDir: dir, database: "vitrine_bench" });
    url = embedded.url;
  }
  try {
    await migrateDatabase(url);
    const { pool, db } = createDatabase(url, { max: 40, statementTimeoutMs: 0 });
    try {
      const present = await pool.query("select 1 from artifacts where id = $1", [
        BENCH.bigHistoryArtifactId,
      ]);
      if (!present.rowCount) {
        log(
          "The benchmark dataset is not there yet: generating it once, this takes a few minutes…",
        );
        await seedBench(db, { log });
      }
      return await fn({ db, pool, url });
    } finally {
      await pool.end();
    }
  } finally {
    await embedded?.stop();
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of a query, as the text PostgreSQL prints. Keep it in a benchmark's
 * output to prove which index a query uses. Note ANALYZE executes the query: never pass a write
 * you do not want done.
 */
export async function explain(db: Database, query: string | SQL): Promise<string> {
  const statement =
    typeof query === "string"
      ? sql.raw(`explain (analyze, buffers) ${query}`)
      : sql`explain (analyze, buffers) ${query}`;
  const result = await db.execute(statement);
  return result.rows.map((row) => String(Object.values(row)[0])).join("\n");
}

export type Timing = {
  label: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
};

/**
 * Runs `fn` `runs` times one after another (after `warmup` untimed runs, which fill caches and
 * prepare plans) and returns the median and 95th percentile in milliseconds. Compare ratios of
 * timings taken in the same run: absolute numbers on a shared machine mean little.
 */
export async function timeIt(
  label: string,
  fn: () => Promise<unknown> | unknown,
  { runs = 20, warmup = 2 }: { runs?: number; warmup?: number } = {},
): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) =>
    samples[Math.min(samples.length - 1, Math.ceil(q * samples.length) - 1)]!;
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    label,
    runs,
    medianMs: round(
      samples.length % 2
        ? at(0.5)
        : (samples[samples.length / 2 - 1]! + samples[samples.length / 2]!) / 2,
    ),
    p95Ms: round(at(0.95)),
    minMs: round(samples[0]!),
    maxMs: round(samples[samples.length - 1]!),
  };
}

type CapturedQuery = { text: string; values: unknown[] };

/**
 * Runs `fn` and returns the SQL statements it sent through `pool` (text and parameters), so a
 * benchmark can EXPLAIN exactly what an app function ran instead of a copy of its query.
 */
export async function captureQueries(
  pool: pg.Pool,
  fn: () => Promise<unknown>,
): Promise<CapturedQuery[]> {
  const seen: CapturedQuery[] = [];
  const original = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  const spy = (...args: unknown[]) => {
    const [first, second] = args;
    if (typeof first === "string") seen.push({ text: first, values: (second as unknown[]) ?? [] });
    else if (first && typeof first === "object" && "text" in first) {
      // Drizzle sends `query({ text, rowMode }, params)`.
      const q = first as { text: string; values?: unknown[] };
      seen.push({ text: q.text, values: (second as unknown[]) ?? q.values ?? [] });
    }
    return original(...args);
  };
  (pool as unknown as { query: typeof spy }).query = spy;
  try {
    await fn();
  } finally {
    (pool as unknown as { query: typeof original }).query = original;
  }
  return seen;
}

/** EXPLAIN (ANALYZE, BUFFERS) of a captured statement. */
export async function explainCaptured(pool: pg.Pool, q: CapturedQuery): Promise<string> {
  const { rows } = await pool.query(`explain (analyze, buffers) ${q.text}`, q.values);
  return rows.map((row: Record<string, unknown>) => String(Object.values(row)[0])).join("\n");
}
