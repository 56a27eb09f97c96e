// `npm run bench:scale` — issue 13: the public pages' database work on the benchmark dataset
// (200k artifacts, ~1M versions, a 20k-node fork tree, a user with 7k artifacts) against the demo
// data, through the app's own db/queries functions (lib/bench/page-paths.ts). Interleaved rounds
// (bench then demo, then demo then bench; a sample is the median of BENCH_CALLS calls, with a
// garbage collection before it when node runs with --expose-gc), every sample printed as a raw row with the rows it
// returned, medians and the ratio (target: within 1.5×), and the EXPLAIN (ANALYZE, BUFFERS) of the
// queries 019_bounded_queries.sql indexes. Not a test: it never fails on speed.
//
// The demo data lives in a second database of the benchmark server (`vitrine_scale_demo`), made
// and seeded on the first run. The query functions use the app's db singleton (db/index.ts, cached
// on globalThis): each timed call gets the pool of its dataset, one call at a time.
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import pg from "pg";
import { createDatabase, type Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { BENCH } from "@/db/seed-bench";
import { seedDemo } from "@/db/seed";
import { explain, withBenchDatabase } from "./bench-db";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const DEMO_DB = "vitrine_scale_demo";
const CALLS = Number(process.env.BENCH_CALLS ?? 5);

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

type Ctx = { pool: pg.Pool; db: Database };
type Targets = {
  handle: string;
  artifact: string;
  history: string;
  forkRoot: string;
  search: string;
  language: string;
};

const switchTo = (ctx: Ctx) => {
  (globalThis as unknown as { vitrineDb?: Ctx }).vitrineDb = ctx;
};

async function demoDatabase(benchUrl: string): Promise<Ctx> {
  const admin = new URL(benchUrl);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("select 1 from pg_database where datname = $1", [DEMO_DB]);
    if (!exists.rowCount) await client.query(`create database ${DEMO_DB}`);
  } finally {
    await client.end();
  }
  const url = new URL(benchUrl);
  url.pathname = `/${DEMO_DB}`;
  await migrateDatabase(url.toString());
  const ctx = createDatabase(url.toString(), { max: 10, statementTimeoutMs: 0 });
  await seedDemo(ctx.db);
  return ctx;
}

/** The demo's counterparts of the benchmark landmarks: its busiest profile, history and tree. */
async function demoTargets(ctx: Ctx): Promise<Targets> {
  const one = async (q: string) => {
    const { rows } = await ctx.pool.query<{ v: string }>(q);
    if (!rows[0]) throw new Error(`demo data: nothing for ${q}`);
    return rows[0].v;
  };
  const pub = "visibility = 'public' and hidden_at is null";
  return {
    handle: await one(
      "select handle v from profiles order by public_artifacts_count desc, handle limit 1",
    ),
    artifact: await one(
      `select id::text v from artifacts where ${pub} and forked_from_id is not null order by created_at limit 1`,
    ),
    history: await one(`select a.id::text v from artifacts a where ${pub} and versioning_enabled
      order by (select count(*) from artifact_versions v where v.artifact_id = a.id) desc, a.id limit 1`),
    forkRoot: await one(
      `select id::text v from artifacts where ${pub} order by public_lineage_count desc, id limit 1`,
    ),
    // The first word of the most liked public title: a search with results.
    search: await one(
      `select split_part(title, ' ', 1) v from artifacts where ${pub} order by likes_count desc, id limit 1`,
    ),
    language: "html",
  };
}

const BENCH_TARGETS: Targets = {
  handle: BENCH.heavyUserHandle,
  artifact: BENCH.deepestForkId,
  history: BENCH.bigHistoryArtifactId,
  forkRoot: BENCH.forkOriginId,
  // Titles are "<adjective> <noun>": about 700 of the 200k match both words.
  search: "Neon Clock",
  language: "html",
};

async function main() {
  await withBenchDatabase(async ({ db, pool, url }) => {
    const paths = await import("./page-paths");
    const { galleryQuery, WALK_SETTINGS } = await import("@/db/queries/gallery");
    const { countVisibleDescendantsQuery } = await import("@/db/queries/fork-tree");
    const { sitemapArtifactsQuery } = await import("@/db/queries/sitemap");
    const { profileStatsQuery } = await import("@/db/queries/profiles");
    const bench: Ctx = { db, pool };
    const demo = await demoDatabase(url);
    try {
      await pool.query("analyze");
      await demo.pool.query("analyze");
      const targets = { bench: BENCH_TARGETS, demo: await demoTargets(demo) };
      console.log(`targets: ${JSON.stringify(targets)}\n`);

      const cases: [string, (t: Targets) => Promise<number>][] = [
        ["explore", () => paths.explorePage({ sort: "newest" })],
        ["explore ?language", (t) => paths.explorePage({ sort: "newest", language: t.language })],
        [
          "explore ?sort=top&language",
          (t) => paths.explorePage({ sort: "top", language: t.language }),
        ],
        ["search with results", (t) => paths.explorePage({ sort: "newest", q: t.search })],
        ["profile", (t) => paths.profilePage(t.handle)],
        ["artifact", (t) => paths.artifactPage(t.artifact)],
        ["versions", (t) => paths.versionsPage(t.history)],
        ["diff", (t) => paths.diffPage(t.history)],
        ["forks", (t) => paths.forksPage(t.forkRoot)],
        ["sitemap chunk", () => paths.sitemapChunk()],
      ];
      const datasets: [string, Ctx, Targets][] = [
        ["bench", bench, targets.bench],
        ["demo", demo, targets.demo],
      ];

      // Warm-up: plans and caches, untimed.
      for (const [, run] of cases)
        for (const [, ctx, t] of datasets) {
          switchTo(ctx);
          await run(t);
        }

      const samples = new Map<string, number[]>();
      console.log(`raw rows: round  case  dataset  ms (median of ${CALLS} calls)  rows`);
      for (let round = 1; round <= ROUNDS; round++) {
        const order = round % 2 ? datasets : [...datasets].reverse();
        for (const [name, run] of cases) {
          for (const [label, ctx, t] of order) {
            switchTo(ctx);
            // A collection owed by the previous case would land on this one: pay it untimed.
            (globalThis as { gc?: () => void }).gc?.();
            // One sample = the median of CALLS back-to-back calls: a scheduler stall on this
            // shared machine moves one call, not the sample.
            const times: number[] = [];
            let rows = 0;
            for (let i = 0; i < CALLS; i++) {
              const start = performance.now();
              rows = await run(t);
              times.push(performance.now() - start);
            }
            const ms = median(times);
            const key = `${name}|${label}`;
            samples.set(key, [...(samples.get(key) ?? []), ms]);
            console.log(
              `${String(round).padStart(2)}  ${name.padEnd(28)} ${label.padEnd(5)} ${ms.toFixed(2).padStart(8)}  ${rows}`,
            );
          }
        }
      }

      console.log(`\nmedians of ${ROUNDS} interleaved rounds (target: bench within 1.5× demo)`);
      console.log(`${"case".padEnd(28)} ${"bench ms".padStart(9)} ${"demo ms".padStart(9)}  ratio`);
      for (const [name] of cases) {
        const b = median(samples.get(`${name}|bench`)!);
        const d = median(samples.get(`${name}|demo`)!);
        const ratio = b / d;
        console.log(
          `${name.padEnd(28)} ${b.toFixed(2).padStart(9)} ${d.toFixed(2).padStart(9)}  ${ratio.toFixed(2)}×${ratio > 1.5 ? "  (over 1.5×)" : ""}`,
        );
      }

      switchTo(bench);
      const t = targets.bench;
      const plans: [string, Parameters<typeof explain>[1]][] = [
        [
          "explore ?language=python (newest)",
          sql`${galleryQuery({ sort: "newest", language: "python", database: db })}`,
        ],
        [
          "explore ?language=html&sort=top",
          sql`${galleryQuery({ sort: "top", language: "html", database: db })}`,
        ],
        [
          "explore ?language=python&sort=top (a rare language: its own index)",
          sql`${galleryQuery({ sort: "top", language: "python", database: db })}`,
        ],
        [
          `search "${t.search}", first statement (collect: few matches)`,
          sql`${galleryQuery({ sort: "newest", q: t.search, database: db, strategy: "collect" })}`,
        ],
        [
          `search "bench_1", second statement (walk: more than COLLECT_CAP matches)`,
          sql`${galleryQuery({ sort: "newest", q: "bench_1", database: db, strategy: "walk" })}`,
        ],
        ["profile counts @bench_1", sql`${profileStatsQuery(BENCH.heavyUserId)}`],
        [
          "lineage count of the 20k-node origin",
          sql`${countVisibleDescendantsQuery({ originId: t.forkRoot, viewerId: null })}`,
        ],
        ["sitemap chunk a-00", sql`${sitemapArtifactsQuery("00")}`],
      ];
      for (const [label, query] of plans) {
        // The walk statement runs with WALK_SETTINGS in the app: explain it the same way.
        const plan = label.includes("(walk")
          ? await db.transaction(async (tx) => {
              for (const s of WALK_SETTINGS) await tx.execute(sql.raw(`set local ${s}`));
              return explain(tx as unknown as Database, query);
            })
          : await explain(db, query);
        console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS) ${label}\n${plan}`);
      }
    } finally {
      await demo.pool.end();
    }
  });
}

await main();
