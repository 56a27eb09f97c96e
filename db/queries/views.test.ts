import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { listGallery, recomputeTrendingScores } from "./gallery";
import { getProfileViews, getViewCounts, recordView, rollViewDay } from "./views";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36";

/** Stored counters next to a recount of the visitor rows and the day aggregates. */
async function viewCounts(artifactId: string) {
  const result = await db.execute(sql`
    select views_count, views_week,
      (select count(*) from artifact_views where artifact_id = a.id)::int
        + (select coalesce(sum(views), 0) from artifact_view_days where artifact_id = a.id)::int as recount
    from artifacts a where id = ${artifactId}`);
  return result.rows[0] as { views_count: number; views_week: number; recount: number };
}

describe("views", () => {
  it("500 concurrent views from 250 visitors (each twice) leave views_count equal to a recount", async () => {
    const [owner, ...readers] = await makeUsers(101, "viewer");
    const { id } = await makeArtifact({ ownerUserId: owner! });
    // 100 signed-in readers and 150 anonymous visitors (distinct addresses), every one of them twice.
    const visits = [
      ...readers.map((viewerId) => ({ viewerId, ip: "10.0.0.1" })),
      ...Array.from({ length: 150 }, (_, i) => ({
        viewerId: null,
        ip: `10.1.${i >> 8}.${i & 255}`,
      })),
    ];
    const outcomes = await Promise.all(
      [...visits, ...visits].map((v) =>
        recordView({ artifactId: id, viewerId: v.viewerId, ip: v.ip, userAgent: BROWSER }),
      ),
    );
    expect(outcomes.filter((o) => o === "counted")).toHaveLength(250);
    expect(outcomes.filter((o) => o === "repeat")).toHaveLength(250);
    const c = await viewCounts(id);
    expect(c).toEqual({ views_count: 250, views_week: 250, recount: 250 });
    // Views feed trending in the same statement; a recomputation from the rows agrees.
    const score = async () =>
      Number(
        (
          (await db.execute(sql`select trending_score from artifacts where id = ${id}`))
            .rows[0] as { trending_score: number }
        ).trending_score,
      );
    const maintained = await score();
    await recomputeTrendingScores();
    const recomputed = await score();
    expect(recomputed).toBeGreaterThan(0);
    expect(Math.abs(maintained - recomputed) / recomputed).toBeLessThan(1e-9);
  });

  it("counts a visitor once per day: same address + browser is one visitor, another browser another", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const visit = (ip: string, userAgent: string) =>
      recordView({ artifactId: id, viewerId: null, ip, userAgent });
    expect(await visit("192.0.2.7", BROWSER)).toBe("counted");
    expect(await visit("192.0.2.7", BROWSER)).toBe("repeat");
    expect(await visit("192.0.2.7", `${BROWSER} Edg/142`)).toBe("counted");
    expect(await visit("192.0.2.8", BROWSER)).toBe("counted");
    expect((await viewCounts(id)).views_count).toBe(3);
    // No address is stored: only the hash of the day's salt with it.
    const stored = await db.execute(
      sql`select visitor from artifact_views where artifact_id = ${id}`,
    );
    for (const { visitor } of stored.rows as { visitor: string }[]) {
      expect(visitor).toMatch(/^a:[0-9a-f]{64}$/);
      expect(visitor).not.toContain("192.0.2");
    }
  });

  it("does not count the owner, bots, headless browsers or link-preview fetchers", async () => {
    const [owner, reader] = await makeUsers(2);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const agents = [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.0.0 Safari/537.36",
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1",
      "Discordbot/2.0",
      "WhatsApp/2.23.20.0",
      "curl/8.5.0",
      "",
    ];
    for (const userAgent of agents)
      expect(
        await recordView({ artifactId: id, viewerId: reader!, ip: "198.51.100.1", userAgent }),
      ).toBe("not-counted");
    expect(
      await recordView({
        artifactId: id,
        viewerId: owner!,
        ip: "198.51.100.1",
        userAgent: BROWSER,
      }),
    ).toBe("not-counted");
    expect(await viewCounts(id)).toEqual({ views_count: 0, views_week: 0, recount: 0 });
    expect(
      await recordView({
        artifactId: id,
        viewerId: reader!,
        ip: "198.51.100.1",
        userAgent: BROWSER,
      }),
    ).toBe("counted");
  });

  it("private artifacts: no view is counted, no count is shown to others, no profile stat, not in most viewed", async () => {
    const [owner, reader] = await makeUsers(2);
    const pub = await makeArtifact({ ownerUserId: owner!, title: "Public one" });
    const priv = await makeArtifact({ ownerUserId: owner!, visibility: "private" });
    await recordView({ artifactId: pub.id, viewerId: reader!, ip: "x", userAgent: BROWSER });
    expect(
      await recordView({ artifactId: priv.id, viewerId: reader!, ip: "x", userAgent: BROWSER }),
    ).toBe("not-counted");
    // Views it had while public stay with it, but nobody else sees them, nor does the profile stat.
    await db.execute(
      sql`update artifacts set views_count = 40, views_week = 40 where id = ${priv.id}`,
    );
    expect(await getViewCounts(priv.id, reader!)).toBeNull();
    expect(await getViewCounts(priv.id, null)).toBeNull();
    expect(await getViewCounts(priv.id, owner!)).toEqual({ viewsCount: 40, viewsWeek: 40 });
    expect(await getProfileViews(owner!)).toBe(1);
    const viewed = await listGallery({ sort: "viewed", limit: 100 });
    expect(viewed.items.map((i) => i.id)).not.toContain(priv.id);
    expect(viewed.items.find((i) => i.id === pub.id)?.viewsCount).toBe(1);
  });

  it("the daily roll-over keeps views_week to the last seven days and views_count whole", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    // Ten days of history as the view statement would have left it: raw rows, counters moved.
    const start = "2026-03-01";
    await db.execute(sql`
      insert into artifact_views (artifact_id, day, visitor)
      select ${id}, ${start}::date + d, 'u:' || n
      from generate_series(0, 9) d, generate_series(1, d + 1) n`);
    await db.execute(sql`update artifacts set views_count = 55, views_week = 55 where id = ${id}`);
    // On 2026-03-10 the window is 03-04 … 03-10: days 3..9 → 4+5+…+10 = 49 views.
    await rollViewDay(db, "2026-03-10");
    expect(await viewCounts(id)).toEqual({ views_count: 55, views_week: 49, recount: 55 });
    // Idempotent: a second process rolling the same day changes nothing.
    await rollViewDay(db, "2026-03-10");
    expect((await viewCounts(id)).views_week).toBe(49);
    // Two days later: 03-06 … 03-12 → 6+7+8+9+10 = 40 (nothing new after 03-10).
    await rollViewDay(db, "2026-03-12");
    expect(await viewCounts(id)).toEqual({ views_count: 55, views_week: 40, recount: 55 });
    // Older salts are deleted with the roll-over.
    const salts = await db.execute(sql`select day::text from view_salts where day < '2026-03-12'`);
    expect(salts.rows).toEqual([]);
    await rollViewDay(db); // back to the real today for the other tests
  });

  it("most viewed this week is a keyset walk: every public artifact once, in order", async () => {
    const [owner] = await makeUsers(1);
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      const { id } = await makeArtifact({ ownerUserId: owner! });
      await db.execute(
        sql`update artifacts set views_week = ${1_000_000 + (i % 3)} where id = ${id}`,
      );
      ids.push(id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listGallery({ sort: "viewed", cursor, limit: 3 });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.items.some((i) => ids.includes(i.id)) ? page.nextCursor : null;
    } while (cursor);
    const ours = seen.filter((id) => ids.includes(id));
    expect(new Set(ours).size).toBe(7);
    const weeks = await db.execute(
      sql`select id, views_week from artifacts where id = any(${sql.raw(`array[${ids.map((i) => `'${i}'::uuid`).join(",")}]`)})`,
    );
    const week = new Map(
      (weeks.rows as { id: string; views_week: number }[]).map((r) => [r.id, r.views_week]),
    );
    const order = ours.map((id) => week.get(id)!);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  });
});
