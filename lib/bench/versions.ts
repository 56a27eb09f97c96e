// `npm run bench:versions` — PERFORMANCE.md "version history": the history page of the benchmark
// dataset's 10,000-version artifact against a 1-version artifact of the same dataset (target:
// within 1.2×), and a deep page against page 1 — through the app's own listVersions(), the
// function the /a/<id>/versions page calls, with the EXPLAIN (ANALYZE, BUFFERS) of the statement
// it actually sent. Interleaved rounds; every round printed. Not a test: it never fails on speed.
//
// The benchmark database comes from lib/bench/bench-db.ts (BENCH_DATABASE_URL, or the embedded one
// in .data/bench, generated once by `npm run db:seed -- --scale bench`).
import { performance } from "node:perf_hooks";
import { BENCH } from "@/db/seed-bench";
import { encodeCursor } from "@/domain/cursor";
import { captureQueries, explainCaptured, withBenchDatabase } from "./bench-db";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PER_ROUND = 20;

await withBenchDatabase(async ({ db, pool }) => {
  // The query functions use the app's db singleton (db/index.ts, cached on globalThis).
  (globalThis as unknown as { vitrineDb?: unknown }).vitrineDb = { pool, db };
  const { listVersions } = await import("@/db/queries/version-history");
  await pool.query("analyze artifacts, artifact_versions");

  const {
    rows: [one],
  } = await pool.query<{ id: string }>(
    `select a.id from artifacts a where a.visibility = 'public' and a.hidden_at is null
       and a.versioning_enabled and a.forked_from_id is null
       and (select count(*) from artifact_versions v where v.artifact_id = a.id) = 1
     order by a.created_at desc limit 1`,
  );
  if (!one) throw new Error("the benchmark dataset has no public 1-version artifact");
  const deepCursor = encodeCursor({ key: "5001", id: "00000000-0000-4000-8000-000000000000" });
  const cases: [string, () => ReturnType<typeof listVersions>][] = [
    ["1-version artifact, page 1", () => listVersions({ artifactId: one.id, viewerId: null })],
    [
      "10k-version artifact, page 1",
      () => listVersions({ artifactId: BENCH.bigHistoryArtifactId, viewerId: null }),
    ],
    [
      "10k-version artifact, page at v5000",
      () =>
        listVersions({
          artifactId: BENCH.bigHistoryArtifactId,
          viewerId: null,
          cursor: deepCursor,
        }),
    ],
  ];

  for (const [label, run] of cases) {
    const page = await run();
    if (!page?.items.length) throw new Error(`${label}: no rows (history not visible?)`);
  }
  const samples = new Map<string, number[]>();
  console.log(`raw rows: round  case  median of ${PER_ROUND} calls (ms)  rows`);
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 ? cases : [...cases].reverse();
    for (const [label, run] of order) {
      const times: number[] = [];
      let rows = 0;
      for (let i = 0; i < PER_ROUND; i++) {
        const start = performance.now();
        rows = (await run())!.items.length;
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);
      const ms = times[PER_ROUND >> 1]!;
      samples.set(label, [...(samples.get(label) ?? []), ms]);
      console.log(
        `${String(round).padStart(2)}  ${label.padEnd(38)} ${ms.toFixed(3).padStart(8)}  ${rows}`,
      );
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const [small, big, deep] = cases.map(([label]) => median(samples.get(label)!));
  console.log(`\nmedians of ${ROUNDS} interleaved rounds`);
  for (const [label] of cases)
    console.log(`  ${label.padEnd(38)} ${median(samples.get(label)!).toFixed(3)} ms`);
  console.log(`  ratio 10k / 1 (target ≤ 1.2×):        ${(big! / small!).toFixed(2)}×`);
  console.log(`  ratio deep / page 1:                  ${(deep! / big!).toFixed(2)}×`);

  const statements = await captureQueries(pool, () => cases[1]![1]());
  for (const q of statements) {
    console.log(
      `\n--- EXPLAIN (ANALYZE, BUFFERS) of what listVersions sent (10k versions)\n${await explainCaptured(pool, q)}`,
    );
  }
});
