// `npm run bench:forks` — PERFORMANCE.md "fork tree": the first view of the 20,000-descendant
// origin (target ≤ 150 ms server time) and the ancestor chain of the depth-500 fork (one query,
// ≤ 10 ms), through the same query functions the pages call, with EXPLAIN (ANALYZE, BUFFERS).
// The benchmark database comes from lib/bench/bench-db.ts (generated once, then reused). Speeds
// are printed, never asserted: on a shared machine compare them with each other, not with a clock.
import { BENCH } from "@/db/seed-bench";
import { explain, timeIt, withBenchDatabase, type Timing } from "@/lib/bench/bench-db";

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const log = (line = "") => console.log(line);

function report(t: Timing) {
  log(
    `${t.label.padEnd(64)} median ${t.medianMs.toFixed(2).padStart(7)} ms   p95 ${t.p95Ms.toFixed(2)}  min ${t.minMs.toFixed(2)}  (${t.runs} runs)`,
  );
  return t.medianMs;
}

async function main() {
  await withBenchDatabase(
    async ({ db, pool }) => {
      // The query functions use the app's db singleton (db/index.ts), cached on globalThis: hand it
      // this benchmark pool so they run against the benchmark database.
      (globalThis as unknown as { vitrineDb?: unknown }).vitrineDb = { pool, db };
      const lineage = await import("@/db/queries/fork-tree");
      await pool.query("analyze artifacts, profiles");

      const origin = BENCH.forkOriginId;
      const deepest = BENCH.deepestForkId;
      const viewerId = null; // anonymous: the common case, and the one with the visibility filter
      const {
        rows: [facts],
      } = await pool.query<{ descendants: number; direct: number; depth: number }>(
        `select (select count(*)::int from artifacts where origin_artifact_id = $1) descendants,
              (select count(*)::int from artifacts where forked_from_id = $1) direct,
              (with recursive c as (select id, forked_from_id, 0 d from artifacts where id = $2
                 union all select a.id, a.forked_from_id, c.d + 1 from artifacts a join c on a.id = c.forked_from_id)
               select max(d)::int from c) depth`,
        [origin, deepest],
      );
      log(
        `\nFork origin ${origin}: ${facts!.descendants} descendants, ${facts!.direct} direct forks; deepest fork ${deepest} at depth ${facts!.depth}.\n`,
      );

      // What /a/[origin]/forks does on the server before rendering: node + ancestors, then the first
      // page of children, the hidden/visible counts and the lineage total, in parallel.
      const firstView = async (id: string) => {
        const [node, ancestors] = await Promise.all([
          lineage.getTreeNode({ id, viewerId }),
          lineage.getAncestorChain({ artifactId: id, viewerId }),
        ]);
        const highest = [...ancestors].reverse().find((a) => a.visible);
        const rootId = highest?.visible ? highest.node.id : id;
        await Promise.all([
          lineage.getForkChildren({ parentId: rootId, viewerId, sort: "date" }),
          rootId === id ? null : lineage.getForkChildren({ parentId: id, viewerId, sort: "date" }),
          lineage.countVisibleDescendants({ originId: node?.originArtifactId ?? id, viewerId }),
        ]);
      };
      const opts = { runs: RUNS, warmup: 2 };
      const treeOrigin = report(
        await timeIt(
          "first view of the origin's fork tree (all its queries)",
          () => firstView(origin),
          opts,
        ),
      );
      const treeDeep = report(
        await timeIt(
          "first view of the depth-500 fork's tree page",
          () => firstView(deepest),
          opts,
        ),
      );
      const byLikes = report(
        await timeIt(
          "first page of the origin's children by likes",
          () => lineage.getForkChildren({ parentId: origin, viewerId, sort: "likes" }),
          opts,
        ),
      );
      const chain = report(
        await timeIt(
          "ancestor chain of the depth-500 fork: the one CTE query",
          () => db.execute(lineage.ancestorChainSql({ artifactId: deepest, viewerId })),
          opts,
        ),
      );
      report(
        await timeIt(
          "getAncestorChain (the CTE + handles of the ≤ 10 entries shown)",
          () => lineage.getAncestorChain({ artifactId: deepest, viewerId }),
          opts,
        ),
      );
      const unpaged = report(
        await timeIt(
          "for scale: all descendants by origin_artifact_id (never shipped)",
          () =>
            pool.query(
              "select id, forked_from_id, title from artifacts where origin_artifact_id = $1",
              [origin],
            ),
          opts,
        ),
      );

      log(
        `\nTargets: tree first view ≤ 150 ms → ${treeOrigin.toFixed(1)} ms (${(treeOrigin / 150).toFixed(2)}× the budget); depth-500 page ${treeDeep.toFixed(1)} ms; by likes ${byLikes.toFixed(1)} ms`,
      );
      log(
        `         ancestor chain ≤ 10 ms → ${chain.toFixed(2)} ms (${(chain / 10).toFixed(2)}× the budget); shipping the whole tree instead: ${unpaged.toFixed(1)} ms`,
      );

      const plans: [string, Parameters<typeof explain>[1]][] = [
        [
          "ancestor chain of the depth-500 fork",
          lineage.ancestorChainSql({ artifactId: deepest, viewerId }),
        ],
        [
          "first page of the origin's direct forks (newest)",
          lineage
            .forkChildrenQuery({
              parentId: origin,
              viewerId,
              sort: "date",
              limit: lineage.CHILDREN_PAGE,
            })
            .getSQL(),
        ],
        [
          "first page of the origin's direct forks (most liked)",
          lineage
            .forkChildrenQuery({
              parentId: origin,
              viewerId,
              sort: "likes",
              limit: lineage.CHILDREN_PAGE,
            })
            .getSQL(),
        ],
        [
          "visible / hidden direct forks of the origin",
          lineage.childCountsQuery({ parentId: origin, viewerId }).getSQL(),
        ],
        [
          "forks in the lineage (origin_artifact_id)",
          lineage.countVisibleDescendantsQuery({ originId: origin, viewerId }).getSQL(),
        ],
      ];
      for (const [title, query] of plans) {
        log(`\n── EXPLAIN (ANALYZE, BUFFERS): ${title}`);
        log((await explain(db, query)).replace(/^/gm, "   "));
      }
    },
    { log: (l) => log(`  ${l}`) },
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
