import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { deleteUser } from "./users";
import { makeUsers } from "@/db/test/social-fixtures";
import { listFollows, setFollow, suggestPeopleToFollow, viewerFollows } from "./follows";

/** Stored counters next to a recount from the follows table, for each user. */
async function followCounts(userIds: string[]) {
  const result = await db.execute(sql`
    select p.user_id, p.followers_count, p.following_count,
      (select count(*) from follows where followee_user_id = p.user_id)::int as followers,
      (select count(*) from follows where follower_user_id = p.user_id)::int as following
    from profiles p where p.user_id = any(${sql.raw(`array[${userIds.map((id) => `'${id}'::uuid`).join(",")}]`)})`);
  return result.rows as {
    user_id: string;
    followers_count: number;
    following_count: number;
    followers: number;
    following: number;
  }[];
}

describe("follows", () => {
  it("200 concurrent follows and unfollows, crossing pairs included: both counters equal a recount", async () => {
    const people = await makeUsers(20, "fol");
    // Half the ordered pairs start followed, so the storm both adds and removes.
    const pairs = people.flatMap((a, i) =>
      people.filter((_, j) => j !== i).map((b, j) => ({ a, b, start: (i + j) % 2 === 0 })),
    );
    for (const p of pairs.filter((p) => p.start).slice(0, 100))
      await setFollow({ followerId: p.a!, followeeId: p.b!, follow: true });
    const ops = Array.from({ length: 200 }, (_, k) => {
      const p = pairs[(k * 7) % pairs.length]!;
      // Each pair is hit from both sides at once (A→B and B→A), and repeats collide.
      return k % 2 === 0
        ? { followerId: p.a!, followeeId: p.b!, follow: k % 3 !== 0 }
        : { followerId: p.b!, followeeId: p.a!, follow: k % 5 !== 0 };
    });
    const results = await Promise.all(ops.map((op) => setFollow(op)));
    expect(results.every((r) => r.status === "ok")).toBe(true);
    const rows = await followCounts(people);
    expect(rows).toHaveLength(20);
    for (const r of rows) {
      expect(r.followers_count, r.user_id).toBe(r.followers);
      expect(r.following_count, r.user_id).toBe(r.following);
    }
    expect(rows.reduce((s, r) => s + r.followers, 0)).toBeGreaterThan(0);
  });

  it("one person following the same profile 50 times at once counts once; unfollowing likewise", async () => {
    const [star, fan] = await makeUsers(2);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        setFollow({ followerId: fan!, followeeId: star!, follow: true }),
      ),
    );
    expect(await followCounts([star!, fan!])).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user_id: star, followers_count: 1, followers: 1 }),
        expect.objectContaining({ user_id: fan, following_count: 1, following: 1 }),
      ]),
    );
    expect(await viewerFollows(fan!, star!)).toBe(true);
    await Promise.all(
      Array.from({ length: 50 }, () =>
        setFollow({ followerId: fan!, followeeId: star!, follow: false }),
      ),
    );
    const after = await followCounts([star!, fan!]);
    expect(after.every((r) => r.followers_count === 0 && r.following_count === 0)).toBe(true);
  });

  it("refuses following yourself and an unknown person, writing nothing", async () => {
    const [me] = await makeUsers(1);
    expect(await setFollow({ followerId: me!, followeeId: me!, follow: true })).toEqual({
      status: "self",
    });
    expect(
      await setFollow({ followerId: me!, followeeId: crypto.randomUUID(), follow: true }),
    ).toEqual({ status: "not-found" });
    const [row] = await followCounts([me!]);
    expect(row).toMatchObject({ followers_count: 0, following_count: 0, following: 0 });
  });

  it("deleting an account takes its follows off the other people's counters", async () => {
    const [gone, a, b] = await makeUsers(3);
    await setFollow({ followerId: gone!, followeeId: a!, follow: true });
    await setFollow({ followerId: b!, followeeId: gone!, follow: true });
    await deleteUser(gone!);
    const rows = await followCounts([a!, b!]);
    for (const r of rows) {
      expect(r.followers_count).toBe(r.followers);
      expect(r.following_count).toBe(r.following);
    }
    expect(rows.find((r) => r.user_id === a)?.followers_count).toBe(0);
    expect(rows.find((r) => r.user_id === b)?.following_count).toBe(0);
  });

  it("lists followers and following newest first, keyset-paged without gaps or repeats", async () => {
    const [star, ...fans] = await makeUsers(7, "fan");
    for (const fan of fans) await setFollow({ followerId: fan, followeeId: star!, follow: true });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await listFollows({ userId: star!, direction: "followers", cursor, limit: 4 });
      seen.push(...page.items.map((p) => p.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...fans].reverse());
    const following = await listFollows({ userId: fans[0]!, direction: "following" });
    expect(following.items.map((p) => p.userId)).toEqual([star]);
    expect(following.nextCursor).toBeNull();
  });

  it("suggests people with public work whom the viewer does not follow yet", async () => {
    const [me, followed, privateOnly] = await makeUsers(3, "sug");
    const { makeArtifact } = await import("@/db/test/social-fixtures");
    await makeArtifact({ ownerUserId: followed! });
    await makeArtifact({ ownerUserId: privateOnly!, visibility: "private" });
    const before = (await suggestPeopleToFollow(me!, 500)).map((p) => p.userId);
    expect(before).toContain(followed);
    expect(before).not.toContain(privateOnly);
    expect(before).not.toContain(me);
    await setFollow({ followerId: me!, followeeId: followed!, follow: true });
    expect((await suggestPeopleToFollow(me!, 500)).map((p) => p.userId)).not.toContain(followed);
  });
});
