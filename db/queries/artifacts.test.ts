import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import * as schema from "@/db/schema";
import {
  createArtifact,
  deleteArtifact,
  getArtifactForOwner,
  updateArtifactSettings,
} from "./artifacts";

async function makeUser(handle: string) {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `${handle}@example.test` })
    .returning();
  await db.insert(schema.profiles).values({ userId: user!.id, handle });
  return user!.id;
}

async function publish(ownerUserId: string, title = "Clock") {
  return createArtifact({
    ownerUserId,
    idempotencyKey: randomUUID(),
    title,
    description: null,
    visibility: "private",
    versioningEnabled: true,
    chatHistoryPublic: false,
    language: "html",
    code: "<p>tick</p>",
    chat: null,
  });
}

const settings = {
  title: "Renamed",
  description: "d",
  visibility: "public",
  versioningEnabled: false,
  chatHistoryPublic: true,
} as const;

describe("artifact settings and deletion (owner only, in SQL)", () => {
  it("the owner updates settings; another user changes nothing", async () => {
    const owner = await makeUser("set-owner");
    const other = await makeUser("set-other");
    const { id } = await publish(owner);
    expect(await updateArtifactSettings({ id, ownerUserId: other, ...settings })).toBe(false);
    expect((await getArtifactForOwner({ id, ownerUserId: owner }))!.title).toBe("Clock");
    expect(await updateArtifactSettings({ id, ownerUserId: owner, ...settings })).toBe(true);
    const after = await getArtifactForOwner({ id, ownerUserId: owner });
    expect(after).toMatchObject({
      title: "Renamed",
      visibility: "public",
      versioningEnabled: false,
      chatHistoryPublic: true,
    });
    expect(await getArtifactForOwner({ id, ownerUserId: other })).toBeNull();
  });

  it("deletes only with the exact title and only for the owner; versions go with it", async () => {
    const owner = await makeUser("del-owner");
    const other = await makeUser("del-other");
    const { id } = await publish(owner, "Exact Title");
    expect(await deleteArtifact({ id, ownerUserId: other, confirmTitle: "Exact Title" })).toBe(
      "not_found",
    );
    expect(await deleteArtifact({ id, ownerUserId: owner, confirmTitle: "exact title" })).toBe(
      "mismatch",
    );
    expect(await db.$count(schema.artifacts, eq(schema.artifacts.id, id))).toBe(1);
    expect(await deleteArtifact({ id, ownerUserId: owner, confirmTitle: "Exact Title" })).toBe(
      "deleted",
    );
    expect(await db.$count(schema.artifacts, eq(schema.artifacts.id, id))).toBe(0);
    expect(
      await db.$count(schema.artifactVersions, eq(schema.artifactVersions.artifactId, id)),
    ).toBe(0);
  });
});
