import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifacts } from "@/db/schema";
import { postComment } from "./comments";
import { likeArtifact } from "./likes";
import { createUserWithPassword, deleteUser } from "./users";

// A deleted account's likes and comments disappear by cascade; the counters the pages show
// (likes_count, comments_count, trending_score) must fall with them, exactly like an unlike would.

async function makeUser(handle: string) {
  const created = await createUserWithPassword({
    email: `${handle}@example.test`,
    handle,
    passwordHash: "x",
  });
  if (!created.ok) throw new Error(created.reason);
  return created.userId;
}

async function counters(id: string) {
  const result = await db.execute(sql`
    select likes_count, comments_count, trending_score,
      (select count(*)::int from likes where artifact_id = a.id) as likes_recount,
      (select count(*)::int from comments where artifact_id = a.id) as comments_recount
    from artifacts a where id = ${id}`);
  return result.rows[0] as {
    likes_count: number;
    comments_count: number;
    trending_score: number;
    likes_recount: number;
    comments_recount: number;
  };
}

let owner: string;
let stayer: string;
let leaver: string;
let piece: string;

beforeAll(async () => {
  owner = await makeUser("deletion-owner");
  stayer = await makeUser("deletion-stayer");
  leaver = await makeUser("deletion-leaver");
  const [row] = await db
    .insert(artifacts)
    .values({ ownerUserId: owner, title: "Counted piece", visibility: "public" })
    .returning({ id: artifacts.id });
  piece = row!.id;
});

describe("deleting an account", () => {
  it("lowers the like and comment counts of artifacts the leaver liked and commented on", async () => {
    await likeArtifact({ userId: stayer, artifactId: piece });
    await likeArtifact({ userId: leaver, artifactId: piece });
    await postComment({ artifactId: piece, authorUserId: stayer, body: "Lovely" });
    await postComment({ artifactId: piece, authorUserId: leaver, body: "First" });
    await postComment({ artifactId: piece, authorUserId: leaver, body: "Second" });
    const before = await counters(piece);
    expect(before).toMatchObject({ likes_count: 2, comments_count: 3 });

    expect(await deleteUser(leaver)).toEqual({ fileUrls: [] });

    const after = await counters(piece);
    expect(after).toMatchObject({
      likes_count: 1,
      likes_recount: 1,
      comments_count: 1,
      comments_recount: 1,
    });
    // Trending loses the leaver's like term, as an unlike would, and keeps the stayer's.
    expect(after.trending_score).toBeLessThan(before.trending_score);
    expect(after.trending_score).toBeGreaterThan(0);
  });
});
