import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { createFork } from "./forks";
import { listForksByOwner } from "./fork-lists";
import { importVersion } from "./imports";
import { getProfileStats } from "./profiles";

async function row(id: string) {
  const [a] = await db.select().from(artifacts).where(eq(artifacts.id, id));
  return a!;
}

async function countersMatchRecount() {
  const result = await db.execute<{
    id: string;
    forks_count: number;
    forks: number;
    imports_count: number;
    imports: number;
  }>(sql`
    select a.id, a.forks_count, a.imports_count,
      (select count(*)::int from artifacts f where f.forked_from_id = a.id) as forks,
      (select count(*)::int from artifact_versions v
        where v.version_metadata -> 'source' ->> 'kind' = 'import'
          and v.version_metadata -> 'source' ->> 'artifact_id' = a.id::text) as imports
    from artifacts a`);
  return result.rows.filter((r) => r.forks_count !== r.forks || r.imports_count !== r.imports);
}

describe("createFork", () => {
  it("records the lineage across three generations and copies the source version only", async () => {
    const [alice, bob, carol] = [await makeUser(), await makeUser(), await makeUser()];
    const root = await makeArtifact(alice.id, { title: "Root", versions: 3 });
    await db
      .update(artifactVersions)
      .set({ label: "beta", chat: { messages: [{ role: "user", content: "hi" }] } })
      .where(eq(artifactVersions.id, root.currentVersionId));

    const f1 = await createFork({
      viewerId: bob.id,
      artifactId: root.id,
      versionIndex: 2,
      title: "Root (fork)",
      visibility: "public",
      idempotencyKey: key(),
    });
    const f2 = await createFork({
      viewerId: carol.id,
      artifactId: f1!.id,
      title: "Grandchild",
      visibility: "public",
      idempotencyKey: key(),
    });

    const [a1, a2] = [await row(f1!.id), await row(f2!.id)];
    const [rootV2] = await db
      .select()
      .from(artifactVersions)
      .where(
        sql`${artifactVersions.artifactId} = ${root.id} and ${artifactVersions.versionIndex} = 2`,
      );
    expect(a1).toMatchObject({
      ownerUserId: bob.id,
      title: "Root (fork)",
      visibility: "public",
      forkedFromId: root.id,
      forkedFromOwnerUserId: alice.id,
      forkedFromVersionId: rootV2!.id,
      forkedFromVersionLabel: "v2",
      originArtifactId: root.id,
      originOwnerUserId: alice.id,
      forksCount: 1,
    });
    expect(a2).toMatchObject({
      forkedFromId: f1!.id,
      forkedFromOwnerUserId: bob.id,
      forkedFromVersionLabel: "v1",
      originArtifactId: root.id,
      originOwnerUserId: alice.id,
      forksCount: 0,
    });
    const [v1] = await db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.artifactId, f1!.id));
    expect(v1).toMatchObject({
      versionIndex: 1,
      codeContent: rootV2!.codeContent,
      codeLanguage: "html",
      parentVersionId: rootV2!.id,
      chat: null,
      codeVersions: null,
      versionMetadata: {
        title: "Root (fork)",
        visibility: "public",
        source: { kind: "fork", artifact_id: root.id, version_id: rootV2!.id, version_index: 2 },
      },
    });
    expect(v1!.stats).toMatchObject({ added: 0, removed: 0 });
    expect(a1.currentVersionId).toBe(v1!.id);
    expect((await row(root.id)).forksCount).toBe(1);

    // The label of the source version is kept when it has one.
    const f3 = await createFork({
      viewerId: bob.id,
      artifactId: root.id,
      title: "Labelled",
      visibility: "private",
      idempotencyKey: key(),
    });
    expect((await row(f3!.id)).forkedFromVersionLabel).toBe("beta");
    expect(await countersMatchRecount()).toEqual([]);
  });

  it("refuses what the viewer may not see: private parents and hidden history, writing nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const priv = await makeArtifact(alice.id, { visibility: "private" });
    const closed = await makeArtifact(alice.id, { versions: 2, versioningEnabled: false });
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(artifacts))[0]!.n;
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: priv.id,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        versionIndex: 1,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        versionIndex: 9,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(artifacts))[0]!.n).toBe(before);
    expect((await row(priv.id)).forksCount).toBe(0);
    // The current version of a closed-history artifact is forkable, and owners may fork their own.
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        title: "ok",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).not.toBeNull();
    expect(
      await createFork({
        viewerId: alice.id,
        artifactId: priv.id,
        versionIndex: 1,
        title: "mine",
        visibility: "private",
        idempotencyKey: key(),
      }),
    ).not.toBeNull();
  });

  it("makes one fork from a double submit with the same key", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const a = await makeArtifact(alice.id);
    const k = key();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        createFork({
          viewerId: bob.id,
          artifactId: a.id,
          title: "dup",
          visibility: "public",
          idempotencyKey: k,
        }),
      ),
    );
    expect(new Set(results.map((r) => r!.id)).size).toBe(1);
    expect(results.filter((r) => r!.created)).toHaveLength(1);
    expect((await row(a.id)).forksCount).toBe(1);
  });

  it("20 concurrent forks of one artifact make 20 forks and forks_count = 20", async () => {
    const alice = await makeUser();
    const forkers = await Promise.all(Array.from({ length: 20 }, () => makeUser()));
    const a = await makeArtifact(alice.id);
    const results = await Promise.all(
      forkers.map((u) =>
        createFork({
          viewerId: u.id,
          artifactId: a.id,
          title: "c",
          visibility: "public",
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.every((r) => r?.created)).toBe(true);
    expect((await row(a.id)).forksCount).toBe(20);
    expect(
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(artifacts)
          .where(eq(artifacts.forkedFromId, a.id))
      )[0]!.n,
    ).toBe(20);
  });
});

describe("the owner makes the parent private while someone forks it", () => {
  async function withOwnerTx<T>(fn: (c: pg.Client) => Promise<T>) {
    const c = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.end();
    }
  }
  async function waitForLockWaiters(n: number) {
    for (let i = 0; i < 200; i++) {
      const r = await db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
      );
      if (r.rows[0]!.n >= n) return;
      await new Promise((res) => setTimeout(res, 10));
    }
    throw new Error("nobody waited for the lock");
  }

  it("the privacy change commits first → no fork, no counter change", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const a = await makeArtifact(alice.id);
    await withOwnerTx(async (owner) => {
      await owner.query("begin");
      await owner.query(
        "update artifacts set visibility = 'private' where id = $1 and owner_user_id = $2",
        [a.id, alice.id],
      );
      const fork = createFork({
        viewerId: bob.id,
        artifactId: a.id,
        title: "race",
        visibility: "public",
        idempotencyKey: key(),
      });
      await waitForLockWaiters(1);
      await owner.query("commit");
      expect(await fork).toBeNull();
    });
    expect((await row(a.id)).forksCount).toBe(0);
    expect(await db.select().from(artifacts).where(eq(artifacts.forkedFromId, a.id))).toHaveLength(
      0,
    );
  });

  it("the fork commits first → the fork exists, and the change waits for it", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const a = await makeArtifact(alice.id);
    await withOwnerTx(async (blocker) => {
      // Hold the parent row so the fork queues first, then the owner's update queues behind it.
      await blocker.query("begin");
      await blocker.query("select 1 from artifacts where id = $1 for no key update", [a.id]);
      const fork = createFork({
        viewerId: bob.id,
        artifactId: a.id,
        title: "race",
        visibility: "public",
        idempotencyKey: key(),
      });
      await waitForLockWaiters(1);
      await withOwnerTx(async (owner) => {
        const change = owner.query("update artifacts set visibility = 'private' where id = $1", [
          a.id,
        ]);
        await waitForLockWaiters(2);
        await blocker.query("commit");
        expect((await fork)?.created).toBe(true);
        await change;
      });
    });
    expect(await row(a.id)).toMatchObject({ forksCount: 1, visibility: "private" });
  });
});

describe("importVersion", () => {
  it("brings the parent's newest version in as the next version and counts it", async () => {
    const [alice, bob] = [await makeUser("alice_imp"), await makeUser()];
    const parent = await makeArtifact(alice.id, { title: "Upstream", versions: 2 });
    const fork = await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      versionIndex: 1,
      title: "Mine",
      visibility: "public",
      idempotencyKey: key(),
    });
    const result = await importVersion({
      viewerId: bob.id,
      targetId: fork!.id,
      sourceId: parent.id,
      idempotencyKey: key(),
    });
    expect(result).toMatchObject({ versionIndex: 2, created: true });
    const [v] = await db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.id, result!.versionId));
    const [forkV1] = await db
      .select()
      .from(artifactVersions)
      .where(
        sql`${artifactVersions.artifactId} = ${fork!.id} and ${artifactVersions.versionIndex} = 1`,
      );
    expect(v).toMatchObject({
      summary: null,
      parentVersionId: forkV1!.id,
      versionMetadata: {
        source: {
          kind: "import",
          artifact_id: parent.id,
          version_id: parent.currentVersionId,
          version_index: 2,
        },
      },
    });
    expect(v!.stats).toMatchObject({ added: 2, removed: 2 });
    expect((await row(fork!.id)).currentVersionId).toBe(v!.id);
    expect((await row(parent.id)).importsCount).toBe(1);
  });

  it("refuses targets the viewer does not own and sources they may not see, writing nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const theirs = await makeArtifact(alice.id);
    const hidden = await makeArtifact(alice.id, { visibility: "private" });
    const mine = await makeArtifact(bob.id);
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: theirs.id,
        sourceId: mine.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: mine.id,
        sourceId: hidden.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: mine.id,
        sourceId: mine.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect((await row(hidden.id)).importsCount).toBe(0);
    expect(
      await db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, mine.id)),
    ).toHaveLength(1);
  });

  it("20 concurrent imports give gapless versions 2..21 and imports_count = 20", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const source = await makeArtifact(alice.id);
    const target = await makeArtifact(bob.id);
    const results = await Promise.all(
      Array.from({ length: 20 }, () =>
        importVersion({
          viewerId: bob.id,
          targetId: target.id,
          sourceId: source.id,
          idempotencyKey: key(),
        }),
      ),
    );
    expect(results.map((r) => r!.versionIndex).sort((x, y) => x - y)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    expect((await row(source.id)).importsCount).toBe(20);
    const [newest] = await db
      .select()
      .from(artifactVersions)
      .where(
        sql`${artifactVersions.artifactId} = ${target.id} and ${artifactVersions.versionIndex} = 21`,
      );
    expect((await row(target.id)).currentVersionId).toBe(newest!.id);
  });
});

describe("counters", () => {
  it("equal a recount after a randomized sequence of forks, imports and deletions", async () => {
    const users = await Promise.all(Array.from({ length: 4 }, () => makeUser()));
    const live: { id: string; owner: string }[] = [];
    for (const u of users)
      live.push({ id: (await makeArtifact(u.id, { versions: 2 })).id, owner: u.id });
    let seed = 42;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let step = 0; step < 60; step++) {
      const op = rand(10);
      const pick = live[rand(live.length)]!;
      const user = users[rand(users.length)]!;
      if (op < 5) {
        const f = await createFork({
          viewerId: user.id,
          artifactId: pick.id,
          title: "r",
          visibility: rand(2) ? "public" : "private",
          idempotencyKey: key(),
        });
        if (f) live.push({ id: f.id, owner: user.id });
      } else if (op < 8) {
        const mine = live.filter((a) => a.owner === user.id);
        const target = mine[rand(Math.max(1, mine.length))];
        if (target)
          await importVersion({
            viewerId: user.id,
            targetId: target.id,
            sourceId: pick.id,
            idempotencyKey: key(),
          });
      } else if (live.length > 3) {
        await db.delete(artifacts).where(eq(artifacts.id, pick.id));
        live.splice(live.indexOf(pick), 1);
      }
    }
    expect(await countersMatchRecount()).toEqual([]);
  });
});

describe("listForksByOwner and profile stats", () => {
  it("lists forks with their parents as visible, private or deleted, and counts only public forks received", async () => {
    const [alice, bob, eve] = [await makeUser(), await makeUser(), await makeUser()];
    const pub = await makeArtifact(alice.id, { title: "Public parent" });
    const willHide = await makeArtifact(alice.id, { title: "Secret parent" });
    const willGo = await makeArtifact(alice.id, { title: "Gone parent" });
    const f = async (id: string, visibility: "public" | "private" = "public") =>
      (await createFork({
        viewerId: bob.id,
        artifactId: id,
        title: "f",
        visibility,
        idempotencyKey: key(),
      }))!.id;
    const [f1, f2, f3, fPrivate] = [
      await f(pub.id),
      await f(willHide.id),
      await f(willGo.id),
      await f(pub.id, "private"),
    ];
    expect((await getProfileStats(alice.id)).forksReceived).toBe(3);
    await db.update(artifacts).set({ visibility: "private" }).where(eq(artifacts.id, willHide.id));
    await db.delete(artifacts).where(eq(artifacts.id, willGo.id));

    const page = await listForksByOwner({ ownerUserId: bob.id, viewerId: eve.id });
    const byId = new Map(page.items.map((i) => [i.id, i]));
    expect(byId.has(fPrivate)).toBe(false);
    expect(byId.get(f1)!.parent).toEqual({
      state: "visible",
      id: pub.id,
      title: "Public parent",
      ownerHandle: alice.handle,
    });
    expect(byId.get(f2)!.parent).toEqual({ state: "private" });
    expect(byId.get(f3)!).toMatchObject({
      parent: { state: "deleted" },
      forkedFromVersionLabel: "v1",
    });
    expect(JSON.stringify(page)).not.toContain("Secret parent");
    // The owner sees their private fork; alice (owner of the private parent) sees its title.
    expect(
      (await listForksByOwner({ ownerUserId: bob.id, viewerId: bob.id })).items.map((i) => i.id),
    ).toContain(fPrivate);
    expect(
      (await listForksByOwner({ ownerUserId: bob.id, viewerId: alice.id })).items.find(
        (i) => i.id === f2,
      )!.parent.state,
    ).toBe("visible");
    // Paging: two per page, no repeats.
    const p1 = await listForksByOwner({ ownerUserId: bob.id, viewerId: bob.id, limit: 2 });
    const p2 = await listForksByOwner({
      ownerUserId: bob.id,
      viewerId: bob.id,
      limit: 2,
      cursor: p1.nextCursor,
    });
    expect([...p1.items, ...p2.items].map((i) => i.id).sort()).toEqual(
      [f1, f2, f3, fPrivate].sort(),
    );
    expect((await getProfileStats(alice.id)).forksReceived).toBe(1);
  });
});
