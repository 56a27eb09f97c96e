// `npm run bench:versions`: the history page of a 10,000-version artifact against a 1-version one
// (PERFORMANCE.md target: within 1.2×), through the app's own listVersions(). Prints medians, the
// ratio, and the query plan. Not a timed test: it never fails on speed.
//
// With DATABASE_URL set it uses that database and the benchmark dataset's landmarks
// (`npm run db:seed -- --scale bench` first); otherwise it starts a throwaway embedded PostgreSQL and
// makes just the two artifacts it needs (10k versions of 2–6 KB code, and 1 version).
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";

const ITERATIONS = 300;
const BIG = "00000000-0000-4000-8000-00000000b001";
const SMALL = "00000000-0000-4000-8000-00000000b002";
const MID = "00000000-0000-4000-8000-00000000b003";
const OWNER = "00000000-0000-4000-8000-00000000b0a1";

async function makeDataset(url: string, versions: number) {
  // The 1-version page shows 1 row, the 10k one 50: a 50-version artifact shows what is scale alone.
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("begin");
    await client.query(`insert into users (id, email) values ($1, 'bench-versions@example.test')`, [
      OWNER,
    ]);
    await client.query(`insert into profiles (user_id, handle) values ($1, 'bench_versions')`, [
      OWNER,
    ]);
    await client.query(
      `insert into artifacts (id, owner_user_id, title, visibility) values ($1, $3, 'Long history', 'public'), ($2, $3, 'One version', 'public'), ($4, $3, 'Fifty versions', 'public')`,
      [BIG, SMALL, OWNER, MID],
    );
    // Versions with realistic code sizes (2–6 KB), parents chained, stats and metadata as the app writes them.
    await client.query(
      `insert into artifact_versions (id, artifact_id, version_index, code_blob_ref, code_language, code_content, stats, version_metadata, summary, created_at)
       select gen_random_uuid(), $1, k, 'sha256:' || md5(k::text), 'javascript',
              repeat('const line' || k || ' = compute(' || k || ');' || E'\\n', 60 + (k % 120)),
              jsonb_build_object('lines', 60 + (k % 120), 'bytes', 2000, 'added', k % 7, 'removed', k % 3),
              '{"source":{"kind":"edit"}}'::jsonb, 'Change number ' || k, now() - (($2 - k) * interval '1 minute')
       from generate_series(1, $2) k`,
      [BIG, versions],
    );
    await client.query(
      `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content, stats, version_metadata, summary)
       select $1, k, 'sha256:' || md5(k::text), 'javascript', repeat('const y = ' || k || ';' || E'\\n', 150),
              jsonb_build_object('lines', 150, 'bytes', 2000, 'added', 2, 'removed', 1), '{"source":{"kind":"edit"}}'::jsonb, 'Change ' || k
       from generate_series(1, 50) k`,
      [MID],
    );
    await client.query(
      `update artifact_versions v set parent_version_id = p.id from artifact_versions p
       where v.artifact_id in ($1, $2) and p.artifact_id = v.artifact_id and p.version_index = v.version_index - 1`,
      [BIG, MID],
    );
    await client.query(
      `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content, stats, version_metadata)
       values ($1, 1, 'sha256:x', 'javascript', repeat('const x = 1;' || E'\\n', 100), '{"lines":100,"bytes":1300,"added":100,"removed":0}', '{"source":{"kind":"publish"}}')`,
      [SMALL],
    );
    await client.query(
      `update artifacts a set current_version_id = (select id from artifact_versions v where v.artifact_id = a.id order by version_index desc limit 1)
       where a.id in ($1, $2, $3)`,
      [BIG, SMALL, MID],
    );
    await client.query("commit");
    await client.query("analyze artifacts; analyze artifact_versions");
  } finally {
    await client.end();
  }
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function main() {
  let dir: string | null = null;
  let stop: (() => Promise<void>) | null = null;
  let big = BIG;
  let small = SMALL;
  let mid: string | null = MID;
  if (!process.env.DATABASE_URL) {
    dir = mkdtempSync(path.join(os.tmpdir(), "vitrine-bench-versions-"));
    chmodSync(dir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir: dir, fast: true });
    stop = embedded.stop;
    await migrateDatabase(embedded.url);
    console.log("Generating a 10,000-version artifact and a 1-version artifact…");
    await makeDataset(embedded.url, 10_000);
    process.env.DATABASE_URL = embedded.url;
  } else {
    const { BENCH } = await import("@/db/seed-bench");
    big = BENCH.bigHistoryArtifactId;
    small = BENCH.plainArtifactId;
    mid = null;
  }
  try {
    const { listVersions } = await import("@/db/queries/version-history");
    const { getPool, closeDb } = await import("@/db/index");
    const time = async (artifactId: string, cursor?: string | null) => {
      const samples: number[] = [];
      for (let i = 0; i < ITERATIONS + 20; i++) {
        const t0 = performance.now();
        const page = await listVersions({ artifactId, viewerId: null, cursor });
        if (!page) throw new Error(`artifact ${artifactId} is missing or not public`);
        if (i >= 20) samples.push(performance.now() - t0); // the first 20 warm up
      }
      return median(samples);
    };
    const bigPage1 = await time(big);
    const smallPage1 = await time(small);
    const midPage1 = mid ? await time(mid) : null;
    // A deep page: the cursor after version 5,001 (keyset, so it should cost the same as page 1).
    const { encodeCursor } = await import("@/domain/cursor");
    const deep = await time(
      big,
      encodeCursor({ key: "5001", id: "00000000-0000-4000-8000-000000000000" }),
    );
    console.log(
      `history page 1, 1-version artifact:      ${smallPage1.toFixed(3)} ms (median of ${ITERATIONS})`,
    );
    console.log(`history page 1, 10k-version artifact:    ${bigPage1.toFixed(3)} ms`);
    console.log(`history page at v5000, 10k versions:     ${deep.toFixed(3)} ms`);
    if (midPage1 !== null)
      console.log(`history page 1, 50-version artifact:     ${midPage1.toFixed(3)} ms`);
    console.log(`ratio 10k / 1 (target ≤ 1.2×):           ${(bigPage1 / smallPage1).toFixed(2)}×`);
    if (midPage1 !== null)
      console.log(`ratio 10k / 50 (same 50 rows shown):     ${(bigPage1 / midPage1).toFixed(2)}×`);
    console.log(`ratio deep / page 1:                     ${(deep / bigPage1).toFixed(2)}×`);
    const plan = await getPool().query(
      `explain (analyze, buffers) select v.id, v.version_index, v.label, v.summary, v.created_at, v.stats, p.version_index
       from artifact_versions v left join artifact_versions p on p.id = v.parent_version_id and p.artifact_id = $1
       where v.artifact_id = $1 order by v.version_index desc limit 51`,
      [big],
    );
    console.log("\nPlan of the history query (10k-version artifact):");
    for (const row of plan.rows as { "QUERY PLAN": string }[])
      console.log(`  ${row["QUERY PLAN"]}`);
    await closeDb();
  } finally {
    if (stop) await stop().catch(() => {});
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
