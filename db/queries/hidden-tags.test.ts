// Tags (012) and moderation (013) together: a hidden artifact is absent like a private one, so its
// tags leave the tag counts and the suggestions when a moderator hides it, and come back on restore
// (migration 016). The counts always equal a recount of visible artifacts.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { makeUsers } from "@/db/test/social-fixtures";
import { createArtifact } from "./artifacts";
import { moderate } from "./moderation";
import { grantRole } from "./roles";
import { publicTagCount, suggestTags } from "./tags";

async function recount(tag: string): Promise<number> {
  const { rows } = await db.execute<{ n: number }>(sql`
    select count(*)::int n from artifacts
    where visibility = 'public' and hidden_at is null and ${tag} = any(tags)`);
  return rows[0]!.n;
}

describe("tag counts of hidden artifacts", () => {
  it("a hidden artifact leaves its tags' counts and suggestions; restoring brings it back", async () => {
    const [owner, moderator] = await makeUsers(2, "hidtag");
    const { rows } = await db.execute<{ handle: string }>(
      sql`select handle from profiles where user_id = ${moderator!}`,
    );
    await grantRole(rows[0]!.handle, "moderator");
    const tag = `hid-${randomUUID().slice(0, 8)}`;
    const { id } = await createArtifact({
      ownerUserId: owner!,
      idempotencyKey: randomUUID(),
      title: "Tagged, then hidden",
      description: null,
      visibility: "public",
      versioningEnabled: true,
      chatHistoryPublic: false,
      language: "html",
      code: "<p>x</p>",
      chat: null,
      tags: [tag],
    });
    expect(await publicTagCount(tag)).toBe(1);
    expect(await suggestTags(tag)).toEqual([tag]);

    const hidden = await moderate({
      moderatorId: moderator!,
      action: "hide",
      artifactId: id,
      reason: "spam",
    });
    expect(hidden.status).toBe("ok");
    expect(await publicTagCount(tag)).toBe(0);
    expect(await recount(tag)).toBe(0);
    expect(await suggestTags(tag)).toEqual([]);

    const restored = await moderate({
      moderatorId: moderator!,
      action: "restore",
      artifactId: id,
      reason: "ok",
    });
    expect(restored.status).toBe("ok");
    expect(await publicTagCount(tag)).toBe(1);
    expect(await recount(tag)).toBe(1);
  });
});
