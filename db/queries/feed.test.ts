import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { getArtifactStats } from "./activity-stats";
import { listFeed } from "./feed";
import { setFollow } from "./follows";
import { recordView } from "./views";

const BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/142.0.0.0 Safari/537.36";

/** A later version, inserted the way versions.ts does (the activity trigger records it). */
async function addVersion(artifactId: string, index: number) {
  await db.execute(sql`
    insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
    values (${artifactId}, ${index}, 'sha256:00', 'html', ${`<p>v${index}</p>`})`);
}

describe("feed", () => {
  it("shows new public artifacts and versions of the people I follow, newest first; never private or deleted ones", async () => {
    const [me, alice, bob, stranger] = await makeUsers(4, "feed");
    await setFollow({ followerId: me!, followeeId: alice!, follow: true });
    await setFollow({ followerId: me!, followeeId: bob!, follow: true });
    const a1 = await makeArtifact({ ownerUserId: alice!, title: "Alice one" });
    const secret = await makeArtifact({
      ownerUserId: alice!,
      title: "Secret",
      visibility: "private",
    });
    await addVersion(secret.id, 2);
    const b1 = await makeArtifact({ ownerUserId: bob!, title: "Bob one" });
    await addVersion(a1.id, 2);
    const doomed = await makeArtifact({ ownerUserId: bob!, title: "Doomed" });
    await db.execute(sql`delete from artifacts where id = ${doomed.id}`);
    await makeArtifact({ ownerUserId: stranger!, title: "Not followed" });

    const page = await listFeed({ viewerId: me! });
    expect(page.items.map((i) => [i.kind, i.title, i.versionIndex])).toEqual([
      ["version", "Alice one", 2],
      ["publish", "Bob one", null],
      ["publish", "Alice one", null],
    ]);
    expect(page.nextCursor).toBeNull();
    // Going public is news then (once), and its earlier versions become visible with it.
    await db.execute(sql`update artifacts set visibility = 'public' where id = ${secret.id}`);
    await db.execute(sql`update artifacts set visibility = 'private' where id = ${secret.id}`);
    expect((await listFeed({ viewerId: me! })).items.map((i) => i.title)).not.toContain("Secret");
    await db.execute(sql`update artifacts set visibility = 'public' where id = ${secret.id}`);
    const titles = (await listFeed({ viewerId: me! })).items.map((i) => `${i.kind}:${i.title}`);
    expect(titles[0]).toBe("publish:Secret");
    expect(titles.filter((t) => t === "publish:Secret")).toHaveLength(1);
    expect(b1.id).toBeTruthy();
  });

  it("pages by keyset without gaps or repeats, even when events share a timestamp", async () => {
    const [me, alice] = await makeUsers(2, "page");
    await setFollow({ followerId: me!, followeeId: alice!, follow: true });
    const same = new Date("2026-05-01T12:00:00.000Z");
    const made: string[] = [];
    for (let i = 0; i < 9; i++)
      made.push((await makeArtifact({ ownerUserId: alice!, title: `T${i}`, createdAt: same })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listFeed({ viewerId: me!, cursor, limit: 4 });
      seen.push(...page.items.map((i) => i.artifactId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(9);
    expect(new Set(seen)).toEqual(new Set(made));
  });

  it("someone who follows nobody gets an empty feed", async () => {
    const [me, alice] = await makeUsers(2);
    await makeArtifact({ ownerUserId: alice! });
    expect(await listFeed({ viewerId: me! })).toEqual({ items: [], nextCursor: null });
  });
});

describe("activity stats", () => {
  it("the owner sees today's views and public forks; nobody else gets stats; a private fork is not counted", async () => {
    const [owner, reader, forker] = await makeUsers(3, "stats");
    const { id } = await makeArtifact({ ownerUserId: owner! });
    await recordView({ artifactId: id, viewerId: reader!, ip: "x", userAgent: BROWSER });
    await recordView({ artifactId: id, viewerId: null, ip: "203.0.113.9", userAgent: BROWSER });
    for (const visibility of ["public", "private"] as const)
      await db.execute(sql`insert into artifacts (owner_user_id, title, visibility, forked_from_id)
        values (${forker}, 'fork', ${visibility}, ${id})`);
    expect(await getArtifactStats(id, reader!)).toBeNull();
    const stats = await getArtifactStats(id, owner!);
    expect(stats).toMatchObject({ viewsCount: 2, viewsWeek: 2, forksCount: 1 });
    expect(stats!.days).toHaveLength(30);
    const today = stats!.days[stats!.days.length - 1]!;
    expect(today).toMatchObject({ views: 2, forks: 1 });
    expect(stats!.days.slice(0, -1).every((d) => d.views === 0 && d.forks === 0)).toBe(true);
  });

  it("records publishes, versions, forks and imports in the activity log", async () => {
    const [owner, other] = await makeUsers(2);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    await addVersion(id, 2);
    const target = await makeArtifact({ ownerUserId: other! });
    await db.execute(sql`
      insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content, version_metadata)
      values (${target.id}, 2, 'sha256:00', 'html', '<p/>',
              ${JSON.stringify({ source: { kind: "import", artifact_id: id } })}::jsonb)`);
    await db.execute(sql`insert into artifacts (owner_user_id, title, visibility, forked_from_id)
      values (${other}, 'fork', 'private', ${id})`);
    const events = await db.execute(sql`
      select kind, (artifact_id = ${id}) as on_source, (source_artifact_id = ${id}) as from_source
      from activity_events where artifact_id = ${id} or source_artifact_id = ${id} order by kind`);
    expect(events.rows).toEqual([
      { kind: "fork", on_source: false, from_source: true },
      { kind: "import", on_source: false, from_source: true },
      { kind: "publish", on_source: true, from_source: null },
      { kind: "version", on_source: true, from_source: null },
    ]);
  });
});
