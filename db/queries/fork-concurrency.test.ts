// Forks and imports under concurrency: double submits, many calls at once, a privacy change racing
// a fork, and counters that still equal a recount afterwards.
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { countersMatchRecount, row } from "@/db/test/fork-checks";
import { createFork } from "./forks";
import { importVersion } from "./imports";

describe("createFork", () => {
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
