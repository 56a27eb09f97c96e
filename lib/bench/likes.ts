// `npm run bench:likes` — PERFORMANCE.md "likes": 32 concurrent clients × 200 likes on ONE artifact
// through the app's own data-layer function (db/queries/likes.ts likeArtifact: insert + counter in
// one statement). Users are drawn at random (fixed seed) from the benchmark users, so ~15% of the
// attempts are duplicates that must not count. Target: exact, and ≥ 1,000 likes/s.
import { sql } from "drizzle-orm";
import { BENCH, benchUserId } from "@/db/seed-bench";
import { likeArtifact } from "@/db/queries/likes";
import { withBenchDatabase } from "./bench-db";

const CLIENTS = 32;
const PER_CLIENT = 200;

function mulberry32(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

await withBenchDatabase(async ({ db }) => {
  const artifactId = BENCH.plainArtifactId;
  // Start from a clean slate on the target (earlier runs' likes removed, counter = recount).
  await db.execute(sql`delete from likes where artifact_id = ${artifactId}`);
  await db.execute(
    sql`update artifacts set likes_count = 0, trending_score = 0, visibility = 'public' where id = ${artifactId}`,
  );

  const random = mulberry32(42);
  const plan = Array.from({ length: CLIENTS }, () =>
    Array.from({ length: PER_CLIENT }, () =>
      benchUserId(1 + Math.floor(random() * BENCH.shape.users)),
    ),
  );
  const distinct = new Set(plan.flat()).size;
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    plan.map(async (users) => {
      for (const userId of users) {
        const t = performance.now();
        const result = await likeArtifact({ userId, artifactId }, db);
        latencies.push(performance.now() - t);
        if (result.status !== "ok") throw new Error(`unexpected ${result.status}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const [row] = (
    await db.execute(
      sql`select likes_count, (select count(*) from likes where artifact_id = ${artifactId})::int as recount from artifacts where id = ${artifactId}`,
    )
  ).rows as { likes_count: number; recount: number }[];
  latencies.sort((a, b) => a - b);
  const pct = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(2);
  const attempts = CLIENTS * PER_CLIENT;
  const rate = attempts / seconds;
  console.log(
    `likes on one artifact: ${CLIENTS} clients × ${PER_CLIENT} = ${attempts} attempts, ${distinct} distinct users`,
  );
  console.log(
    `  ${seconds.toFixed(2)} s → ${Math.round(rate)} likes/s (target ≥ 1,000); p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`,
  );
  console.log(
    `  likes_count ${row!.likes_count}, rows ${row!.recount}, distinct users ${distinct} → exact: ${row!.likes_count === row!.recount && row!.recount === distinct}`,
  );

  // The ceiling on this machine: one client, one statement after another on the same hot row
  // (commit latency while holding the row lock bounds every variant; see the reference table).
  const solo = Array.from({ length: 500 }, (_, i) => benchUserId(BENCH.shape.users - i));
  await db.execute(sql`delete from likes where artifact_id = ${artifactId}`);
  await db.execute(
    sql`update artifacts set likes_count = 0, trending_score = 0 where id = ${artifactId}`,
  );
  const soloStart = performance.now();
  for (const userId of solo) await likeArtifact({ userId, artifactId }, db);
  const soloRate = solo.length / ((performance.now() - soloStart) / 1000);
  console.log(
    `  one client × ${solo.length} on the same row: ${Math.round(soloRate)} likes/s → 32 clients reach ${(rate / soloRate).toFixed(2)}× the single-client rate`,
  );

  // Leave the dataset as it was.
  await db.execute(sql`delete from likes where artifact_id = ${artifactId}`);
  await db.execute(
    sql`update artifacts set likes_count = 0, trending_score = 0 where id = ${artifactId}`,
  );
});
