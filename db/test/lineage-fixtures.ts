// Test fixtures for lineage tests: real rows in the per-file test database (no mocks).
import { randomBytes, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles, users } from "@/db/schema";
import { versionContentFields } from "@/lib/version-content";

export async function makeUser(handle = `u${randomBytes(4).toString("hex")}`) {
  const [user] = await db
    .insert(users)
    .values({ email: `${handle}@test.local` })
    .returning({ id: users.id });
  await db.insert(profiles).values({ userId: user!.id, handle });
  return { id: user!.id, handle };
}

/** An artifact with `versions` versions (v1..vN), the last one current. */
export async function makeArtifact(
  ownerUserId: string,
  opts: {
    title?: string;
    visibility?: "public" | "private";
    versions?: number;
    versioningEnabled?: boolean;
  } = {},
) {
  const [a] = await db
    .insert(artifacts)
    .values({
      ownerUserId,
      title: opts.title ?? `Artifact ${randomBytes(3).toString("hex")}`,
      visibility: opts.visibility ?? "public",
      versioningEnabled: opts.versioningEnabled ?? true,
    })
    .returning({ id: artifacts.id });
  let parent: string | null = null;
  let parentCode: string | null = null;
  let currentId = "";
  for (let i = 1; i <= (opts.versions ?? 1); i++) {
    const code = `<p>version ${i}</p>\n<p>${randomUUID()}</p>\n`;
    const fields = versionContentFields(code, parentCode);
    const [v]: { id: string }[] = await db
      .insert(artifactVersions)
      .values({
        artifactId: a!.id,
        versionIndex: i,
        codeLanguage: "html",
        codeContent: code,
        parentVersionId: parent,
        ...fields,
      })
      .returning({ id: artifactVersions.id });
    parent = v!.id;
    parentCode = code;
    currentId = v!.id;
  }
  await db.update(artifacts).set({ currentVersionId: currentId }).where(eq(artifacts.id, a!.id));
  return { id: a!.id, currentVersionId: currentId };
}

export const key = () => randomBytes(16).toString("hex");
