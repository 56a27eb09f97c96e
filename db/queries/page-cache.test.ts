// The shared page cache's validity rule and its triggers, on the real PostgreSQL (017_page_cache.sql).
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { likeArtifact } from "./likes";
import {
  beginPageRender,
  lookupPageCacheEntry,
  prunePageCache,
  storePageCacheEntry,
} from "./page-cache";

const clients: pg.Client[] = [];
afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
});

/** A second connection: a writer whose transaction we hold open. */
async function writer(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  clients.push(client);
  return client;
}

let keys = 0;
async function cachePage(artifactId: string, extra: string[] = []) {
  const key = `/test/${++keys}`;
  const start = await beginPageRender({
    artifactIds: [artifactId],
    handle: null,
    fixedTags: ["people", ...extra],
  });
  const stored = await storePageCacheEntry({
    key,
    body: Buffer.from(`<p>page ${keys}</p>`),
    contentType: "text/html; charset=utf-8",
    headers: {},
    scriptHashes: ["sha256-abc="],
    etag: `"e${keys}"`,
    tags: start.tags,
    snapshot: start.snapshot,
  });
  expect(stored).toBe(true);
  return { key, start };
}

/** The tags one committed transaction emitted. */
async function tagsOf(statements: (c: pg.Client) => Promise<unknown>): Promise<string[]> {
  const c = await writer();
  await c.query("begin");
  await statements(c);
  const { rows } = await c.query<{ xid: string }>("select pg_current_xact_id()::text as xid");
  await c.query("commit");
  const result = await db.execute(
    sql`select tag from page_cache_invalidations where xid = ${rows[0]!.xid}::xid8 order by tag`,
  );
  return (result.rows as { tag: string }[]).map((r) => r.tag);
}

describe("page cache validity", () => {
  it("tags a page with its artifact, owner and fork family; hits until a write to it commits", async () => {
    const [owner, fan] = await makeUsers(2);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const { key, start } = await cachePage(id);
    expect(start.tags).toEqual(
      [`artifact:${id}`, `family:${id}`, "people", `user:${owner}`].sort(),
    );
    expect((await lookupPageCacheEntry(key))?.body.toString()).toContain("<p>page");
    await likeArtifact({ userId: fan!, artifactId: id });
    expect(await lookupPageCacheEntry(key)).toBeNull();
  });

  it("a write in progress while the snapshot was taken makes the entry stale once it commits", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const w = await writer();
    await w.query("begin");
    await w.query("update artifacts set title = 'Renamed' where id = $1", [id]);
    // A later transaction commits meanwhile, so the rename's xid sits below the snapshot's xmax, in
    // its list of transactions in progress: "after the snapshot" is not "xid >= xmax".
    const other = await makeArtifact({ ownerUserId: owner! });
    await db.execute(sql`update artifacts set title = 'Other' where id = ${other.id}`);
    // The render starts now: it cannot see the rename, which has not committed.
    const { key } = await cachePage(id);
    expect(await lookupPageCacheEntry(key)).not.toBeNull(); // uncommitted: old page still served
    await w.query("commit");
    expect(await lookupPageCacheEntry(key)).toBeNull(); // the very next lookup after the commit
  });

  it("an uncommitted write does not invalidate, and a rolled-back one never does", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const { key } = await cachePage(id);
    const w = await writer();
    await w.query("begin");
    await w.query("update artifacts set title = 'Never' where id = $1", [id]);
    expect(await lookupPageCacheEntry(key)).not.toBeNull();
    await w.query("rollback");
    expect(await lookupPageCacheEntry(key)).not.toBeNull();
  });

  it("a write committed before the snapshot does not invalidate; another artifact's write does not either", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const other = await makeArtifact({ ownerUserId: (await makeUsers(1))[0]! });
    await db.execute(sql`update artifacts set title = 'Before' where id = ${id}`);
    const { key } = await cachePage(id);
    await db.execute(sql`update artifacts set title = 'Elsewhere' where id = ${other.id}`);
    expect(await lookupPageCacheEntry(key)).not.toBeNull();
  });

  it("a view count moving does not invalidate; the owner's profile edit does", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const { key } = await cachePage(id);
    await db.execute(
      sql`update artifacts set views_count = views_count + 1, views_week = views_week + 1, trending_score = trending_score + 0.2 where id = ${id}`,
    );
    expect(await lookupPageCacheEntry(key)).not.toBeNull();
    await db.execute(sql`update profiles set display_name = 'New name' where user_id = ${owner}`);
    expect(await lookupPageCacheEntry(key)).toBeNull();
  });

  it("a view invalidates the lists ordered by views (Trending, Most viewed) and no other page", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const { key: artifactPage } = await cachePage(id);
    const { key: trending } = await cachePage(id, ["lists", "views"]);
    const { key: newest } = await cachePage(id, ["lists"]);
    await db.execute(
      sql`update artifacts set views_count = views_count + 1, views_week = views_week + 1, trending_score = trending_score + 0.2 where id = ${id}`,
    );
    expect(await lookupPageCacheEntry(trending)).toBeNull();
    expect(await lookupPageCacheEntry(newest)).not.toBeNull();
    expect(await lookupPageCacheEntry(artifactPage)).not.toBeNull();
  });

  it("pruning keeps valid entries, drops stale ones, and refuses entries older than its watermark", async () => {
    const [owner] = await makeUsers(1);
    const a = await makeArtifact({ ownerUserId: owner! });
    const b = await makeArtifact({ ownerUserId: owner! });
    await cachePage(a.id);
    await cachePage(b.id);
    // A render that takes its snapshot, then waits while writes happen and pruning runs.
    const slow = await beginPageRender({ artifactIds: [b.id], handle: null, fixedTags: [] });
    await db.execute(sql`update artifacts set title = 'Changed' where id = ${b.id}`);
    // Other tests' entries would hold the watermark back: start from an empty cache.
    await db.execute(sql`delete from page_cache`);
    const again = await cachePage(a.id);
    const pruned = await prunePageCache(3600);
    expect(pruned.invalidations).toBeGreaterThan(0);
    expect(await lookupPageCacheEntry(again.key)).not.toBeNull();
    const refused = await storePageCacheEntry({
      key: "/test/slow",
      body: Buffer.from("old"),
      contentType: "text/html",
      headers: {},
      scriptHashes: [],
      etag: '"slow"',
      tags: slow.tags,
      snapshot: slow.snapshot,
    });
    expect(refused).toBe(false);
    // A stale entry is removed by the pruner.
    const doomed = await cachePage(a.id);
    await db.execute(sql`update artifacts set title = 'Again' where id = ${a.id}`);
    await prunePageCache(3600);
    const left = await db.execute(sql`select 1 from page_cache where key = ${doomed.key}`);
    expect(left.rows).toHaveLength(0);
  });
});

describe("page cache triggers emit the tags of what changed", () => {
  it("artifacts, likes, comments, versions, media, profiles, users, follows, tag counts", async () => {
    const [owner, fan] = await makeUsers(2);
    const root = await makeArtifact({ ownerUserId: owner! });
    const art = (id: string) => [`artifact:${id}`, `family:${id}`, "lists", `user:${owner}`];
    expect(
      await tagsOf((c) => c.query("update artifacts set title = 'T' where id = $1", [root.id])),
    ).toEqual(art(root.id).sort());
    expect(
      await tagsOf((c) =>
        c.query("update artifacts set views_count = views_count + 1 where id = $1", [root.id]),
      ),
    ).toEqual([]);
    expect(
      await tagsOf((c) =>
        c.query("insert into likes (user_id, artifact_id) values ($1, $2)", [fan, root.id]),
      ),
    ).toEqual([...art(root.id), `user:${fan}`].sort());
    expect(
      await tagsOf((c) =>
        c.query("insert into comments (artifact_id, author_user_id, body) values ($1, $2, 'hi')", [
          root.id,
          fan,
        ]),
      ),
    ).toEqual([...art(root.id), `user:${fan}`].sort());
    expect(
      await tagsOf((c) =>
        c.query(
          `insert into artifact_versions (artifact_id, version_index, code_blob_ref, code_language, code_content)
           values ($1, 2, 'sha256:01', 'html', '<p>2</p>')`,
          [root.id],
        ),
      ),
    ).toEqual(art(root.id).sort());
    expect(
      await tagsOf((c) =>
        c.query("insert into artifact_media (artifact_id, thumb_url) values ($1, '/x')", [root.id]),
      ),
    ).toEqual(art(root.id).sort());
    // A fork: its own tags, its parent's page, and the family of the origin (and the parent's
    // owner: the parent's forks_count moves in the same transaction), and the view-ordered lists
    // (a fork adds to the parent's trending score).
    const forkId = crypto.randomUUID();
    expect(
      await tagsOf((c) =>
        c.query(
          `insert into artifacts (id, owner_user_id, title, visibility, forked_from_id, origin_artifact_id)
           values ($1, $2, 'Fork', 'public', $3, $3)`,
          [forkId, fan, root.id],
        ),
      ),
    ).toEqual(
      [
        `artifact:${forkId}`,
        `artifact:${root.id}`,
        `family:${root.id}`,
        "lists",
        `user:${fan}`,
        `user:${owner}`,
        "views",
      ].sort(),
    );
    // A sign-up (user and profile rows) invalidates only the newcomer's own pages.
    const [newcomer] = await makeUsers(1);
    const signUp = await db.execute(
      sql`select tag from page_cache_invalidations where xid =
            (select max(xid) from page_cache_invalidations where tag = ${`user:${newcomer}`})`,
    );
    expect((signUp.rows as { tag: string }[]).map((r) => r.tag)).toEqual([`user:${newcomer}`]);
    expect(
      await tagsOf((c) =>
        c.query("update profiles set followers_count = followers_count + 1 where user_id = $1", [
          owner,
        ]),
      ),
    ).toEqual([`user:${owner}`]);
    expect(
      await tagsOf((c) => c.query("update profiles set bio = 'b' where user_id = $1", [owner])),
    ).toEqual(["lists", "people", `user:${owner}`]);
    expect(
      await tagsOf((c) => c.query("update users set name = 'N' where id = $1", [owner])),
    ).toEqual(["lists", "people", `user:${owner}`]);
    expect(
      await tagsOf((c) =>
        c.query("update users set session_version = session_version + 1 where id = $1", [owner]),
      ),
    ).toEqual([]);
    expect(
      await tagsOf((c) =>
        c.query("insert into follows (follower_user_id, followee_user_id) values ($1, $2)", [
          fan,
          owner,
        ]),
      ),
    ).toEqual([`user:${fan}`, `user:${owner}`].sort());
    expect(
      await tagsOf((c) =>
        c.query("insert into tag_counts (tag, public_count) values ('cachetest', 1)"),
      ),
    ).toEqual(["lists"]);
    // Deleting the artifact (cascading to its likes, comments, versions, media): its tags.
    const deleted = await tagsOf((c) => c.query("delete from artifacts where id = $1", [root.id]));
    expect(deleted).toEqual(expect.arrayContaining(art(root.id)));
  });

  it("the lookup is one index-bounded probe (plan)", async () => {
    const plan = await db.execute(sql`explain
      select 1 from page_cache c where c.key = '/x' and not exists (
        select 1 from page_cache_invalidations i where i.tag = any (c.tags)
          and i.xid >= pg_snapshot_xmin(c.snapshot) and not pg_visible_in_snapshot(i.xid, c.snapshot))`);
    const text = (plan.rows as { "QUERY PLAN": string }[]).map((r) => r["QUERY PLAN"]).join("\n");
    expect(text).toMatch(/page_cache_pkey/);
  });
});
