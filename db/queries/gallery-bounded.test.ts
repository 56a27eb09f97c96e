// Issue 13: a search takes its page's ids first — collected by the filters' own indexes when the
// matches are few, walked along the sort's index when they are many (more than COLLECT_CAP) — and
// joins only those rows; a search that cannot be answered within its budget is "too broad", never
// a statement timeout and a 500. Both strategies must return exactly the page a full sort would.
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeUsers } from "@/db/test/social-fixtures";
import { COLLECT_CAP, galleryQuery, listGallery } from "./gallery";

const [owner] = await makeUsers(1, "bounded");
// COLLECT_CAP + 200 public "Common pebble" artifacts, 40 public "Rare comet" ones, and private
// ones with both words, with distinct creation times and like counts.
await db.execute(sql`
  insert into artifacts (owner_user_id, title, visibility, created_at, likes_count)
  select ${owner!}, case when i <= 40 then 'Rare comet ' || i else 'Common pebble ' || i end,
         case when i % 7 = 0 then 'private' else 'public' end,
         now() - i * interval '1 minute', (i * 37) % 101
  from generate_series(1, ${COLLECT_CAP + 200 + Math.ceil((COLLECT_CAP + 200) / 6)}) i`);
await db.execute(sql`analyze artifacts`);

/** The reference: every public match, fully sorted, as ids. */
async function reference(word: string, order: "newest" | "top") {
  const by = order === "newest" ? "created_at desc, id desc" : "likes_count desc, id desc";
  const { rows } = await db.execute<{ id: string }>(
    sql.raw(`select id from artifacts where visibility = 'public' and hidden_at is null
      and title ilike '%${word}%' order by ${by}`),
  );
  return rows.map((r) => r.id);
}

/** Walks the pages of a search with its cursors. */
async function pages(q: string, sort: "newest" | "top", count: number) {
  const ids: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < count; i++) {
    const page = await listGallery({ sort, q, cursor, limit: 24 });
    expect(page.tooBroad).toBeUndefined();
    ids.push(...page.items.map((c) => c.id));
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return ids;
}

const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
await holder.connect();
afterAll(() => holder.end());

describe("search pages stay bounded", () => {
  it("a rare term is collected and sorted: every match once, in order, none private", async () => {
    for (const sort of ["newest", "top"] as const) {
      const expected = await reference("rare comet", sort);
      expect(expected.length).toBeGreaterThan(24);
      expect(await pages("rare comet", sort, 10)).toEqual(expected);
    }
    const collected = await galleryQuery({ sort: "newest", q: "rare comet", strategy: "collect" });
    expect(Number(collected[0]!.matches)).toBeLessThanOrEqual(COLLECT_CAP);
  });

  it("a term with more than COLLECT_CAP matches is walked in order: the first pages equal a full sort", async () => {
    const collected = await galleryQuery({ sort: "top", q: "pebble", strategy: "collect" });
    expect(Number(collected[0]!.matches)).toBe(COLLECT_CAP + 1);
    for (const sort of ["newest", "top"] as const) {
      const expected = (await reference("pebble", sort)).slice(0, 24 * 4);
      expect(await pages("pebble", sort, 4)).toEqual(expected);
    }
  });

  it("a term that matches nothing answers an empty page, not 'too broad'", async () => {
    const page = await listGallery({ sort: "newest", q: "zzqx nothing like it" });
    expect(page).toEqual({ items: [], nextCursor: null });
  });

  it("a search that cannot finish within its budget is 'too broad', and the pool keeps working", async () => {
    // Hold the table so the search cannot finish: its own statement timeout (the budget) ends it,
    // well before the pool's lock timeout would.
    await holder.query("begin");
    await holder.query("lock table artifacts in access exclusive mode");
    try {
      const page = await listGallery({ sort: "newest", q: "pebble", searchBudgetMs: 200 });
      expect(page).toEqual({ items: [], nextCursor: null, tooBroad: true });
    } finally {
      await holder.query("rollback");
    }
    expect((await listGallery({ sort: "newest", q: "pebble" })).items).toHaveLength(24);
  });
});
