import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { seedDemo } from "./seed";

describe("demo seed: likes and comments", () => {
  it("adds likes and comments whose counters equal recounts, on public artifacts only", async () => {
    await seedDemo(db);
    const result = await db.execute(sql`
      select
        (select count(*) from likes)::int as likes,
        (select count(*) from comments)::int as comments,
        (select count(*) from artifacts a where likes_count <> (select count(*) from likes l where l.artifact_id = a.id)
           or comments_count <> (select count(*) from comments c where c.artifact_id = a.id))::int as wrong,
        (select count(*) from likes l join artifacts a on a.id = l.artifact_id where a.visibility = 'private')::int as private_likes,
        (select count(*) from likes l join artifacts a on a.id = l.artifact_id where a.owner_user_id = l.user_id)::int as self_likes,
        (select count(*) from artifacts where trending_score > 0)::int as trending`);
    const row = result.rows[0] as Record<string, number>;
    expect(row.likes).toBeGreaterThan(50);
    expect(row.comments).toBeGreaterThan(10);
    expect(row).toMatchObject({ wrong: 0, private_likes: 0, self_likes: 0 });
    expect(row.trending).toBeGreaterThan(5);
  });
});
