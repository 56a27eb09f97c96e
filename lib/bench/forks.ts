// `npm run bench:forks` — PERFORMANCE.md "fork tree": the first view of the 20,000-descendant
// origin (target ≤ 150 ms server time) and the ancestor chain of the depth-500 fork (one query,
// ≤ 10 ms), through the same query functions the pages call, with EXPLAIN (ANALYZE, BUFFERS).
//
// Database: BENCH_DATABASE_URL, or an embedded PostgreSQL under .data/bench (its own cluster, so it
// never touches the app's). The benchmark dataset is generated on first use (db/seed-bench.ts,
// several minutes) and reused afterwards. Speeds are printed, never asserted.
//
// Note: feat/seed plans a shared lib/bench/bench-db.ts (withBenchDatabase, explain, timeIt); until it
// lands this script carries the few lines of the same job itself.
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PgDialect } from "drizzle-orm/pg-core";
import type { SQL } from "drizzle-orm";
import type pg from "pg";
import { createDatabase } from "@/db/client";
import { startEmbeddedPostgres } from "@/db/embedded";
import { migrateDatabase } from "@/db/migrate";
import { BENCH, seedBench } from "@/db/seed-bench";

const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const log = (line = "") => console.log(line);

async function median(label: string, fn: () => Promise<unknown>) {
  await fn(); // warm the cache and the connection
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const mid = times[Math.floor(times.length / 2)]!;
  log(`${label.padEnd(58)} median ${mid.toFixed(2).padStart(7)} ms   (min ${times[0]!.toFixed(2)}, max ${times.at(-1)!.toFixed(2)}, ${RUNS} runs)`);
  return mid;
}

async function explain(pool: pg.Pool, title: string, query: { sql: string; params: unknown[] }) {
  const { rows } = await pool.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${query.sql}`, query.params);
  log(`\n── EXPLAIN (ANALYZE, BUFFERS): ${title}`);
  for (const r of rows) log(`   ${r["QUERY PLAN"]}`);
}

async function main() {
  let url = process.env.BENCH_DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(import.meta.dirname, "../../.data/bench") });
    url = embedded.url;
    stop = () => embedded.stop();
  }
  try {
    await migrateDatabase(url);
    const seeding = createDatabase(url, { statementTimeoutMs: 0, max: 2 });
    await seedBench(seeding.db, { log: (l) => log(`  seed: ${l}`) });
    await seeding.pool.end();

    // The query functions use the app's db singleton, which reads DATABASE_URL on first use.
    process.env.DATABASE_URL = url;
    const lineage = await import("@/db/queries/lineage");
    const { getPool, closeDb } = await import("@/db/index");
    const pool = getPool();
    const dialect = new PgDialect();
    const toQuery = (q: SQL | { toSQL(): { sql: string; params: unknown[] } }) =>
      "toSQL" in q ? q.toSQL() : dialect.sqlToQuery(q);
    await pool.query("analyze artifacts");

    const origin = BENCH.forkOriginId;
    const deepest = BENCH.deepestForkId;
    const viewerId = null; // anonymous: the common case, and the one with the visibility filter
    const { rows: [facts] } = await pool.query<{ descendants: number; direct: number; depth: number }>(
      `select (select count(*)::int from artifacts where origin_artifact_id = $1) descendants,
              (select count(*)::int from artifacts where forked_from_id = $1) direct,
              (with recursive c as (select id, forked_from_id, 0 d from artifacts where id = $2
                 union all select a.id, a.forked_from_id, c.d + 1 from artifacts a join c on a.id = c.forked_from_id)
               select max(d)::int from c) depth`,
      [origin, deepest],
    );
    log(`\nFork origin ${origin}: ${facts!.descendants} descendants, ${facts!.direct} direct forks; deepest fork ${deepest} at depth ${facts!.depth}.\n`);

    // What /a/[origin]/forks does on the server before rendering: node + ancestors, then the first
    // page of children, the hidden/visible counts and the lineage total, in parallel.
    const firstView = async (id: string) => {
      const [node, ancestors] = await Promise.all([lineage.getTreeNode({ id, viewerId }), lineage.getAncestorChain({ artifactId: id, viewerId })]);
      const highest = [...ancestors].reverse().find((a) => a.visible);
      const rootId = highest?.visible ? highest.node.id : id;
      await Promise.all([
        lineage.getForkChildren({ parentId: rootId, viewerId, sort: "date" }),
        rootId === id ? null : lineage.getForkChildren({ parentId: id, viewerId, sort: "date" }),
        lineage.countVisibleDescendants({ originId: node?.originArtifactId ?? id, viewerId }),
      ]);
    };
    const treeOrigin = await median("first view of the origin's fork tree (all queries)", () => firstView(origin));
    const treeDeep = await median("first view of the depth-500 fork's tree page", () => firstView(deepest));
    const byLikes = await median("first page of the origin's children by likes", () => lineage.getForkChildren({ parentId: origin, viewerId, sort: "likes" }));
    const chain = await median("ancestor chain of the depth-500 fork (one query)", () => lineage.getAncestorChain({ artifactId: deepest, viewerId }));
    const unpaged = await median("for scale: all descendants by origin_artifact_id (never shipped)", () =>
      pool.query("select id, forked_from_id, title from artifacts where origin_artifact_id = $1", [origin]),
    );

    log(`\nTargets: tree first view ≤ 150 ms → ${treeOrigin.toFixed(1)} ms (${(treeOrigin / 150).toFixed(2)}× the budget); depth-500 page ${treeDeep.toFixed(1)} ms; by likes ${byLikes.toFixed(1)} ms`);
    log(`         ancestor chain ≤ 10 ms → ${chain.toFixed(2)} ms (${(chain / 10).toFixed(2)}× the budget); shipping the whole tree instead: ${unpaged.toFixed(1)} ms`);

    await explain(pool, "ancestor chain of the depth-500 fork", toQuery(lineage.ancestorChainSql({ artifactId: deepest, viewerId })));
    await explain(pool, "first page of the origin's direct forks (newest)", toQuery(lineage.forkChildrenQuery({ parentId: origin, viewerId, sort: "date", limit: lineage.CHILDREN_PAGE })));
    await explain(pool, "first page of the origin's direct forks (most liked)", toQuery(lineage.forkChildrenQuery({ parentId: origin, viewerId, sort: "likes", limit: lineage.CHILDREN_PAGE })));
    await explain(pool, "visible / hidden direct forks of the origin", toQuery(lineage.childCountsQuery({ parentId: origin, viewerId })));
    await explain(pool, "forks in the lineage (origin_artifact_id)", toQuery(lineage.countVisibleDescendantsQuery({ originId: origin, viewerId })));
    await closeDb();
  } finally {
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
