import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { counts, makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { postComment } from "./comments";
import { likeArtifact } from "./likes";
import { deleteUser } from "./users";

// A deleted account's likes and comments disappear by cascade; the counters the pages show
// (likes_count, comments_count, trending_score) must fall with them, exactly like an unlike would.

async function trendingScore(id: string): Promise<number> {
  const result = await db.execute(sql`select trending_score from artifacts where id = ${id}`);
  return Number((result.rows[0] as { trending_score: number }).trending_score);
}

let stayer: string;
let leaver: string;
let piece: string;

beforeAll(async () => {
  const [owner, ...others] = await makeUsers(3, "deletion");
  [stayer, leaver] = others as [string, string];
  piece = (await makeArtifact({ ownerUserId: owner!, title: "Counted piece" })).id;
});

describe("deleting an account", () => {
  it("lowers the like and comment counts of artifacts the leaver liked and commented on", async () => {
    await likeArtifact({ userId: stayer, artifactId: piece });
    await likeArtifact({ userId: leaver, artifactId: piece });
    await postComment({ artifactId: piece, authorUserId: stayer, body: "Lovely" });
    await postComment({ artifactId: piece, authorUserId: leaver, body: "First" });
    await postComment({ artifactId: piece, authorUserId: leaver, body: "Second" });
    expect(await counts(piece)).toMatchObject({ likes_count: 2, comments_count: 3 });
    const trendingBefore = await trendingScore(piece);

    expect(await deleteUser(leaver)).toEqual({ fileUrls: [] });

    expect(await counts(piece)).toEqual({
      likes_count: 1,
      likes: 1,
      comments_count: 1,
      comments: 1,
    });
    // Trending loses the leaver's like term, as an unlike would, and keeps the stayer's.
    const trendingAfter = await trendingScore(piece);
    expect(trendingAfter).toBeLessThan(trendingBefore);
    expect(trendingAfter).toBeGreaterThan(0);
  });
});
