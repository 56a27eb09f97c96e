// `npm run bench:gallery` — PERFORMANCE.md "gallery": page 1 vs a deep keyset page (target ≤ 1.5×)
// for every sort, and search (pg_trgm), on the benchmark dataset, with the EXPLAIN plans of exactly
// the queries the app runs (db/queries/gallery.ts galleryQuery).
import { sql } from "drizzle-orm";
import {
  galleryQuery,
  listGallery,
  type GalleryQuery,
  type GalleryStrategy,
  WALK_SETTINGS,
} from "@/db/queries/gallery";
import { GALLERY_SORTS, type GallerySort } from "@/domain/gallery/params";
import { encodeCursor } from "@/domain/cursor";
import { explain, timeIt, withBenchDatabase } from "./bench-db";

const DEEP_ROW = 100_000;
const KEY_SQL: Record<GallerySort, string> = {
  newest: `to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
  top: "likes_count::text",
  forked: "public_forks_count::text",
  trending: "trending_score::text",
  viewed: "views_week::text",
};
const ORDER_SQL: Record<GallerySort, string> = {
  newest: "created_at desc, id desc",
  top: "likes_count desc, id desc",
  forked: "public_forks_count desc, id desc",
  trending: "trending_score desc, id desc",
  viewed: "views_week desc, id desc",
};

await withBenchDatabase(async ({ db }) => {
  await db.execute(sql`analyze artifacts`);
  const run = (q: Omit<GalleryQuery, "database">) => listGallery({ ...q, database: db });
  const plan = async (
    label: string,
    q: Omit<GalleryQuery, "database"> & { strategy?: GalleryStrategy },
  ) => {
    const query = sql`${galleryQuery({ ...q, database: db })}`;
    // The walk statement of a search runs with WALK_SETTINGS in the app: explain it the same way.
    const text =
      q.strategy === "walk" && q.q
        ? await db.transaction(async (tx) => {
            for (const s of WALK_SETTINGS) await tx.execute(sql.raw(`set local ${s}`));
            return explain(tx as unknown as typeof db, query);
          })
        : await explain(db, query);
    console.log(`\n--- EXPLAIN ${label}\n${text}`);
  };

  console.log(
    `gallery: page 1 vs the page at row ${DEEP_ROW.toLocaleString("en")} (keyset), 24 cards, median of 30 runs`,
  );
  for (const sort of GALLERY_SORTS) {
    // Finding the deep cursor uses OFFSET once (untimed): the app itself only ever follows cursors.
    const [row] = (
      await db.execute(
        sql.raw(
          `select ${KEY_SQL[sort]} as key, id from artifacts where visibility = 'public' order by ${ORDER_SQL[sort]} offset ${DEEP_ROW} limit 1`,
        ),
      )
    ).rows as { key: string; id: string }[];
    const cursor = encodeCursor({ key: row!.key, id: row!.id });
    const page1 = await timeIt(`${sort} page 1`, () => run({ sort }), { runs: 30 });
    const deep = await timeIt(`${sort} deep`, () => run({ sort, cursor }), { runs: 30 });
    const deepPage = await run({ sort, cursor });
    if (deepPage.items[0]?.id === undefined) throw new Error(`${sort}: deep page is empty`);
    console.log(
      `  ${sort.padEnd(8)} page 1 ${page1.medianMs.toFixed(2)} ms · deep ${deep.medianMs.toFixed(2)} ms · ratio ${(deep.medianMs / page1.medianMs).toFixed(2)}× (target ≤ 1.5×)`,
    );
    if (sort === "newest" || sort === "trending") {
      await plan(`${sort} page 1`, { sort });
      await plan(`${sort} deep page`, { sort, cursor });
    }
  }

  // The language filter (019: one partial index per sort, led by current_language).
  {
    const [row] = (
      await db.execute(
        sql.raw(
          `select ${KEY_SQL.newest} as key, id from artifacts where visibility = 'public' and current_language = 'html' order by ${ORDER_SQL.newest} offset 20000 limit 1`,
        ),
      )
    ).rows as { key: string; id: string }[];
    const cursor = encodeCursor({ key: row!.key, id: row!.id });
    const q = { sort: "newest" as const, language: "html" };
    const page1 = await timeIt("html page 1", () => run(q), { runs: 30 });
    const deep = await timeIt("html deep", () => run({ ...q, cursor }), { runs: 30 });
    const rows = (await run({ ...q, cursor })).items.length;
    console.log(
      `  ?language=html page 1 ${page1.medianMs.toFixed(2)} ms · row 20,000 ${deep.medianMs.toFixed(2)} ms (${rows} rows) · ratio ${(deep.medianMs / page1.medianMs).toFixed(2)}×`,
    );
  }

  // The OFFSET the app never uses, for comparison.
  const offset = await timeIt(
    "offset",
    () =>
      db.execute(
        sql.raw(
          `select id, title from artifacts where visibility = 'public' order by created_at desc, id desc offset ${DEEP_ROW} limit 25`,
        ),
      ),
    { runs: 5 },
  );
  console.log(
    `\n  (for comparison: OFFSET ${DEEP_ROW.toLocaleString("en")} costs ${offset.medianMs.toFixed(2)} ms)`,
  );

  console.log(
    "\nsearch (title + description + owner handle or display name, pg_trgm GIN), median of 15 runs, with the rows each returns:",
  );
  // Each returns rows on the benchmark dataset: titles are "<adjective> <noun>", descriptions end
  // in "(#<n>)", owners are bench_<n>. A search that answered "too broad" would be reported so.
  const searches: Omit<GalleryQuery, "database">[] = [
    { sort: "newest", q: "Neon Clock" },
    { sort: "newest", q: "bench_1" },
    { sort: "top", q: "@bench_42" },
    { sort: "newest", q: "(#123456)" },
    { sort: "newest", q: "Pixel", language: "jsx" },
    { sort: "newest", q: "zzqx no such thing" },
  ];
  for (const q of searches) {
    const t = await timeIt("search", () => run(q), { runs: 15 });
    const page = await run(q);
    // The same query with index scans disabled: what ILIKE costs without the trigram indexes.
    const ilike = await timeIt(
      "no index",
      () =>
        db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_bitmapscan = off`);
          await tx.execute(sql`set local enable_indexscan = off`);
          return galleryQuery({ ...q, database: tx as unknown as typeof db });
        }),
      { runs: 3, warmup: 1 },
    );
    console.log(
      `  ${JSON.stringify(q).padEnd(50)} ${t.medianMs.toFixed(2).padStart(8)} ms  ${String(page.items.length).padStart(2)} rows${page.tooBroad ? " (too broad)" : ""} · without indexes ${ilike.medianMs.toFixed(2)} ms`,
    );
  }
  await plan("search 'Neon Clock' (collected: few matches)", {
    sort: "newest",
    q: "Neon Clock",
    strategy: "collect",
  });
  await plan("search 'bench_1' (walked: more than COLLECT_CAP matches)", {
    sort: "newest",
    q: "bench_1",
    strategy: "walk",
  });
  await plan("language filter html, newest page 1", { sort: "newest", language: "html" });
  await plan("language filter python (none), newest", { sort: "newest", language: "python" });
});
