import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { counts, makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { recomputeTrendingScores } from "./gallery";
import { likeArtifact, unlikeArtifact } from "./likes";

describe("likes", () => {
  it("200 users like while 100 others unlike, all at once: likes_count equals a recount", async () => {
    const [owner] = await makeUsers(1, "owner");
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const likers = await makeUsers(200, "liker");
    const unlikers = await makeUsers(100, "unliker");
    for (const userId of unlikers) await likeArtifact({ userId, artifactId: id });
    expect((await counts(id)).likes_count).toBe(100);

    await Promise.all([
      ...likers.map((userId) => likeArtifact({ userId, artifactId: id })),
      ...unlikers.map((userId) => unlikeArtifact({ userId, artifactId: id })),
    ]);
    const c = await counts(id);
    expect(c.likes).toBe(200);
    expect(c.likes_count).toBe(c.likes);
  });

  it("one user liking 50 times at once counts once; unliking 50 times at once counts once", async () => {
    const [owner, fan] = await makeUsers(2);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const results = await Promise.all(
      Array.from({ length: 50 }, () => likeArtifact({ userId: fan!, artifactId: id })),
    );
    expect(results.every((r) => r.status === "ok" && r.liked)).toBe(true);
    expect(await counts(id)).toMatchObject({ likes_count: 1, likes: 1 });
    await Promise.all(
      Array.from({ length: 50 }, () => unlikeArtifact({ userId: fan!, artifactId: id })),
    );
    expect(await counts(id)).toMatchObject({ likes_count: 0, likes: 0 });
  });

  it("mixed like/unlike storms by the same users stay exact", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const people = await makeUsers(20);
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        i % 3 === 0
          ? unlikeArtifact({ userId: people[i % 20]!, artifactId: id })
          : likeArtifact({ userId: people[i % 20]!, artifactId: id }),
      ),
    );
    const c = await counts(id);
    expect(c.likes_count).toBe(c.likes);
  });

  it("returns the new count and refuses another user's private artifact with nothing written", async () => {
    const [owner, other] = await makeUsers(2);
    const pub = await makeArtifact({ ownerUserId: owner! });
    expect(await likeArtifact({ userId: other!, artifactId: pub.id })).toEqual({
      status: "ok",
      liked: true,
      likesCount: 1,
    });
    expect(await likeArtifact({ userId: other!, artifactId: pub.id })).toEqual({
      status: "ok",
      liked: true,
      likesCount: 1,
    });
    expect(await unlikeArtifact({ userId: other!, artifactId: pub.id })).toEqual({
      status: "ok",
      liked: false,
      likesCount: 0,
    });

    const priv = await makeArtifact({ ownerUserId: owner!, visibility: "private" });
    expect(await likeArtifact({ userId: other!, artifactId: priv.id })).toEqual({
      status: "not-found",
    });
    expect(await likeArtifact({ userId: other!, artifactId: crypto.randomUUID() })).toEqual({
      status: "not-found",
    });
    expect(await counts(priv.id)).toMatchObject({ likes_count: 0, likes: 0 });
    // The owner may like their own private work.
    expect(await likeArtifact({ userId: owner!, artifactId: priv.id })).toMatchObject({
      status: "ok",
      likesCount: 1,
    });
  });

  it("keeps trending_score equal to a recomputation from the likes table", async () => {
    const [owner] = await makeUsers(1);
    const { id } = await makeArtifact({ ownerUserId: owner! });
    const people = await makeUsers(30);
    await Promise.all(people.map((userId) => likeArtifact({ userId, artifactId: id })));
    await Promise.all(
      people.slice(0, 10).map((userId) => unlikeArtifact({ userId, artifactId: id })),
    );
    const before = await db.execute(sql`select trending_score from artifacts where id = ${id}`);
    await recomputeTrendingScores();
    const after = await db.execute(sql`select trending_score from artifacts where id = ${id}`);
    const maintained = Number((before.rows[0] as { trending_score: number }).trending_score);
    const recomputed = Number((after.rows[0] as { trending_score: number }).trending_score);
    expect(recomputed).toBeGreaterThan(0);
    expect(Math.abs(maintained - recomputed) / recomputed).toBeLessThan(1e-9);
  });
});
