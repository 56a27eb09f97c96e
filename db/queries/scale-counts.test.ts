// Issue 13: the profile and lineage counts are kept by triggers in the write transactions
// (019_bounded_queries.sql) instead of being recounted on every view. They must always equal the
// recount — through publish, likes, forks, visibility changes, moderation and deletion, and under
// concurrent writes — and private or hidden artifacts never count ("private means absent … in
// every count").
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { deleteArtifact, updateArtifactSettings } from "@/db/queries/artifacts";
import { countVisibleDescendants } from "@/db/queries/fork-tree";
import { createFork } from "@/db/queries/forks";
import { likeArtifact, unlikeArtifact } from "@/db/queries/likes";
import { moderate } from "@/db/queries/moderation";
import { getProfileStats } from "@/db/queries/profiles";
import { grantRole } from "@/db/queries/roles";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";

const settings = (id: string, ownerUserId: string, visibility: "public" | "private") =>
  updateArtifactSettings({
    id,
    ownerUserId,
    title: "Counted",
    description: null,
    visibility,
    versioningEnabled: true,
    chatHistoryPublic: false,
  });

/** What the profile page showed before 019: a recount of public, unhidden things. */
async function recount(userId: string) {
  const { rows } = await db.execute<{ n: number; likes: number; forks: number }>(sql`
    select count(*)::int n, coalesce(sum(a.likes_count), 0)::int likes,
      coalesce(sum((select count(*) from artifacts f where f.forked_from_id = a.id
        and f.visibility = 'public' and f.hidden_at is null)), 0)::int forks
    from artifacts a where a.owner_user_id = ${userId} and a.visibility = 'public' and a.hidden_at is null`);
  const r = rows[0]!;
  return { publicArtifacts: r.n, likesReceived: r.likes, forksReceived: r.forks };
}

/** Every profile and every origin against its recount: the rows that drifted. */
async function drift() {
  const profiles = await db.execute(sql`
    select p.handle from profiles p left join lateral (
      select count(*)::int n, coalesce(sum(likes_count), 0)::int likes, coalesce(sum(public_forks_count), 0)::int forks
      from artifacts where owner_user_id = p.user_id and visibility = 'public' and hidden_at is null) c on true
    where (p.public_artifacts_count, p.likes_received_count, p.forks_received_count) <> (c.n, c.likes, c.forks)`);
  const origins = await db.execute(sql`
    select o.id from artifacts o
    where o.public_lineage_count <> (select count(*) from artifacts m where m.origin_artifact_id = o.id
      and m.visibility = 'public' and m.hidden_at is null)`);
  return { profiles: profiles.rows, origins: origins.rows };
}

const fork = (viewerId: string, artifactId: string, visibility: "public" | "private") =>
  createFork({ viewerId, artifactId, title: "Counted", visibility, idempotencyKey: key() });

describe("profile and lineage counts kept in the write transactions", () => {
  it("equal the recount through likes, forks, visibility, moderation and deletion; private never counts", async () => {
    const [alice, bob, carol, mod] = [
      await makeUser(),
      await makeUser(),
      await makeUser(),
      await makeUser(),
    ];
    await grantRole(mod.handle, "moderator");
    const root = await makeArtifact(alice.id, { title: "Origin" });
    await makeArtifact(alice.id, { title: "Secret", visibility: "private" });
    expect(await getProfileStats(alice.id)).toEqual({
      publicArtifacts: 1,
      likesReceived: 0,
      forksReceived: 0,
    });

    await likeArtifact({ userId: bob.id, artifactId: root.id });
    await likeArtifact({ userId: carol.id, artifactId: root.id });
    const privateFork = await fork(bob.id, root.id, "private");
    const publicFork = await fork(carol.id, root.id, "public");
    const grandchild = await fork(bob.id, publicFork!.id, "public");
    expect(await getProfileStats(alice.id)).toEqual({
      publicArtifacts: 1,
      likesReceived: 2,
      forksReceived: 1,
    });
    // The private fork is absent from bob's numbers and from the lineage, for anyone but bob.
    expect(await getProfileStats(bob.id)).toEqual(await recount(bob.id));
    expect((await getProfileStats(bob.id)).publicArtifacts).toBe(1);
    expect(await countVisibleDescendants({ originId: root.id, viewerId: null })).toBe(2);
    expect(await countVisibleDescendants({ originId: root.id, viewerId: bob.id })).toBe(3);
    expect(await countVisibleDescendants({ originId: root.id, viewerId: carol.id })).toBe(2);

    await settings(privateFork!.id, bob.id, "public");
    expect(await getProfileStats(alice.id)).toMatchObject({ forksReceived: 2 });
    expect(await countVisibleDescendants({ originId: root.id, viewerId: null })).toBe(3);

    await unlikeArtifact({ userId: bob.id, artifactId: root.id });
    expect(await getProfileStats(alice.id)).toMatchObject({ likesReceived: 1 });

    expect(
      await moderate({
        moderatorId: mod.id,
        action: "hide",
        artifactId: publicFork!.id,
        reason: "Spam",
      }),
    ).toMatchObject({ status: "ok" });
    expect(await getProfileStats(alice.id)).toMatchObject({ forksReceived: 1 });
    expect(await getProfileStats(carol.id)).toMatchObject({ publicArtifacts: 0 });
    expect(await countVisibleDescendants({ originId: root.id, viewerId: null })).toBe(2);
    // Moderators see hidden artifacts: the hidden fork counts for them.
    expect(await countVisibleDescendants({ originId: root.id, viewerId: mod.id })).toBe(3);

    await settings(root.id, alice.id, "private");
    expect(await getProfileStats(alice.id)).toEqual({
      publicArtifacts: 0,
      likesReceived: 0,
      forksReceived: 0,
    });
    await settings(root.id, alice.id, "public");
    await deleteArtifact({ id: grandchild!.id, ownerUserId: bob.id, confirmTitle: "Counted" });
    expect(await getProfileStats(bob.id)).toEqual(await recount(bob.id));
    expect(await drift()).toEqual({ profiles: [], origins: [] });
  });

  it("stay exact under concurrent likes, unlikes and forks of one owner's artifacts", async () => {
    const owner = await makeUser();
    const targets = [
      await makeArtifact(owner.id, { title: "One" }),
      await makeArtifact(owner.id, { title: "Two" }),
    ];
    const fans = await Promise.all(Array.from({ length: 24 }, () => makeUser()));
    // Every fan likes both artifacts and forks one (a third privately), all at once; then a third
    // of them take a like back, concurrently with the rest still landing.
    const writes = fans.flatMap((fan, i) => [
      likeArtifact({ userId: fan.id, artifactId: targets[0]!.id }),
      likeArtifact({ userId: fan.id, artifactId: targets[1]!.id }),
      fork(fan.id, targets[i % 2]!.id, i % 3 === 0 ? "private" : "public"),
    ]);
    const results = await Promise.allSettled(writes);
    // A write may be refused as "busy" (a bounded lock wait): then it did nothing, and the counts
    // must still equal the recount. Anything else is a failure.
    for (const r of results) if (r.status === "rejected") throw r.reason;
    await Promise.all(
      fans
        .filter((_, i) => i % 3 === 1)
        .map((fan) => unlikeArtifact({ userId: fan.id, artifactId: targets[0]!.id })),
    );
    const stats = await getProfileStats(owner.id);
    expect(stats).toEqual(await recount(owner.id));
    expect(stats.likesReceived).toBe(24 * 2 - 8);
    expect(stats.forksReceived).toBe(16);
    expect(await drift()).toEqual({ profiles: [], origins: [] });
  });
});
