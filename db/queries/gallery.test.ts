import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { GALLERY_SORTS } from "@/domain/gallery/params";
import { listGallery, listLikedArtifacts } from "./gallery";
import { likeArtifact } from "./likes";

async function walk(params: Parameters<typeof listGallery>[0]) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page = await listGallery({ ...params, cursor });
    ids.push(...page.items.map((i) => i.id));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return ids;
}

describe("gallery", async () => {
  const [alice, bob] = await makeUsers(2, "gal");
  const base = Date.parse("2026-06-01T00:00:00Z");
  const made: { id: string; visibility: string }[] = [];
  // Equal timestamps and equal counts on purpose: ties must be broken by id, never skipped.
  for (let i = 0; i < 40; i++) {
    const visibility = i % 5 === 0 ? "private" : "public";
    const a = await makeArtifact({
      ownerUserId: i % 2 ? alice! : bob!,
      title: i === 7 ? "Weather dashboard" : `Thing ${i}`,
      description: i === 9 ? "a tiny weather widget" : null,
      visibility: visibility as "public" | "private",
      language: i % 3 === 0 ? "svg" : "html",
      createdAt: new Date(base + Math.floor(i / 3) * 1000),
      likesCount: i % 4,
      forksCount: i % 2,
    });
    made.push({ id: a.id, visibility });
  }
  const publicIds = made.filter((m) => m.visibility === "public").map((m) => m.id);

  it("every sort walks all public artifacts exactly once, in order, and never a private one", async () => {
    for (const sort of GALLERY_SORTS) {
      const ids = await walk({ sort, limit: 7 });
      expect(new Set(ids).size, sort).toBe(ids.length);
      expect([...ids].sort(), sort).toEqual([...publicIds].sort());
      const whole = await listGallery({ sort, limit: 100 });
      expect(ids, `${sort}: walking pages equals one big page`).toEqual(
        whole.items.map((i) => i.id),
      );
    }
  });

  it("a deep page equals the same rows reached by walking", async () => {
    const whole = (await listGallery({ sort: "top", limit: 100 })).items.map((i) => i.id);
    let cursor: string | null = null;
    for (let p = 0; p < 3; p++)
      cursor = (await listGallery({ sort: "top", limit: 5, cursor })).nextCursor;
    const page4 = await listGallery({ sort: "top", limit: 5, cursor });
    expect(page4.items.map((i) => i.id)).toEqual(whole.slice(15, 20));
  });

  it("filters by language and searches title, description and owner handle", async () => {
    const svg = await walk({ sort: "newest", language: "svg", limit: 50 });
    expect(svg.length).toBeGreaterThan(0);
    const langs = await db.execute(
      sql`select distinct v.code_language from artifacts a join artifact_versions v on v.id = a.current_version_id where a.id in ${sql.raw(`('${svg.join("','")}')`)}`,
    );
    expect(langs.rows).toEqual([{ code_language: "svg" }]);

    const weather = await listGallery({ sort: "newest", q: "weather" });
    expect(weather.items.map((i) => i.title).sort()).toEqual(["Thing 9", "Weather dashboard"]);
    const handle = (await db.execute(sql`select handle from profiles where user_id = ${alice!}`))
      .rows[0] as { handle: string };
    const byHandle = await listGallery({ sort: "newest", q: handle.handle, limit: 100 });
    expect(byHandle.items.length).toBe(
      made.filter((m, i) => i % 2 && m.visibility === "public").length,
    );
    expect(byHandle.items.every((i) => i.ownerHandle === handle.handle)).toBe(true);
    // LIKE wildcards are literal.
    expect((await listGallery({ sort: "newest", q: "%" })).items).toEqual([]);
    // "Thing 9" (svg, matched by its description) yes; "Weather dashboard" (html) no.
    expect(
      (await listGallery({ sort: "newest", q: "weather", language: "svg" })).items.map(
        (i) => i.title,
      ),
    ).toEqual(["Thing 9"]);
  });

  it("a cursor from another sort, or garbage, is the first page rather than an error", async () => {
    const first = await listGallery({ sort: "trending", limit: 5 });
    const newestCursor = (await listGallery({ sort: "newest", limit: 5 })).nextCursor;
    expect((await listGallery({ sort: "trending", limit: 5, cursor: newestCursor })).items).toEqual(
      first.items,
    );
    expect((await listGallery({ sort: "trending", limit: 5, cursor: "%%%" })).items).toEqual(
      first.items,
    );
  });

  it("trending puts recent likes above older, larger piles", async () => {
    const [owner] = await makeUsers(1, "trend");
    const fans = await makeUsers(12, "fan");
    const old = await makeArtifact({ ownerUserId: owner!, title: "Old hit" });
    const fresh = await makeArtifact({ ownerUserId: owner!, title: "Fresh" });
    // Ten likes two weeks ago vs three likes now.
    for (const userId of fans.slice(0, 10)) {
      await db.execute(
        sql`insert into likes (user_id, artifact_id, created_at) values (${userId}, ${old.id}, now() - interval '14 days')`,
      );
    }
    await db.execute(
      sql`update artifacts set likes_count = 10, trending_score = (select sum(vitrine_trend_weight(created_at)) from likes where artifact_id = ${old.id}) where id = ${old.id}`,
    );
    for (const userId of fans.slice(0, 3)) await likeArtifact({ userId, artifactId: fresh.id });
    const trending = (await listGallery({ sort: "trending", limit: 100 })).items.map(
      (i) => i.title,
    );
    expect(trending.indexOf("Fresh")).toBeLessThan(trending.indexOf("Old hit"));
    const top = (await listGallery({ sort: "top", limit: 100 })).items.map((i) => i.title);
    expect(top.indexOf("Old hit")).toBeLessThan(top.indexOf("Fresh"));
    // A fork (trigger) counts too, twice a like.
    await db.execute(
      sql`insert into artifacts (owner_user_id, title, visibility, forked_from_id) values (${owner!}, 'Old hit (fork)', 'public', ${old.id})`,
    );
    const after = (await db.execute(sql`select trending_score from artifacts where id = ${old.id}`))
      .rows[0] as { trending_score: number };
    expect(Number(after.trending_score)).toBeGreaterThan(0);
  });

  it("the liked tab lists public artifacts the user liked, newest like first, never private ones", async () => {
    const [owner, fan] = await makeUsers(2, "liked");
    const a = await makeArtifact({ ownerUserId: owner!, title: "Liked A" });
    const b = await makeArtifact({ ownerUserId: owner!, title: "Liked B" });
    const c = await makeArtifact({ ownerUserId: owner!, title: "Liked C" });
    for (const x of [a, b, c]) await likeArtifact({ userId: fan!, artifactId: x.id });
    await db.execute(sql`update artifacts set visibility = 'private' where id = ${b.id}`);
    const page = await listLikedArtifacts({ userId: fan!, viewerId: fan! });
    expect(page.items.map((i) => i.title)).toEqual(["Liked C", "Liked A"]);
    expect(page.items.every((i) => i.likedByViewer)).toBe(true);
  });
});
