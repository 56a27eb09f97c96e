// Fixtures shared by the version tests (db/queries/versions.test.ts, version-history.test.ts): a
// user with a profile, a complete publish input, and an artifact's versions in index order.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/index";
import * as schema from "@/db/schema";
import type { PublishInput } from "@/db/queries/artifacts";

export async function makeUser(handle: string) {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `${handle}@example.test` })
    .returning();
  await db.insert(schema.profiles).values({ userId: user!.id, handle });
  return user!.id;
}

export function publishInput(
  ownerUserId: string,
  overrides: Partial<PublishInput> = {},
): PublishInput {
  return {
    ownerUserId,
    idempotencyKey: randomUUID(),
    title: "Bouncing ball",
    description: "A *ball*.",
    visibility: "public",
    versioningEnabled: true,
    chatHistoryPublic: false,
    language: "html",
    code: "<p>one</p>\n<p>two</p>\n",
    chat: { messages: [{ role: "user", content: "make a secret ball" }] },
    ...overrides,
  };
}

export async function versionsOf(artifactId: string) {
  return db
    .select({ index: schema.artifactVersions.versionIndex, id: schema.artifactVersions.id })
    .from(schema.artifactVersions)
    .where(eq(schema.artifactVersions.artifactId, artifactId))
    .orderBy(schema.artifactVersions.versionIndex);
}
