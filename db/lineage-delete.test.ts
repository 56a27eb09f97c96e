// Deleting an artifact (or its owner's account) never breaks on the forks that point at it: the
// forks stay, their links become null, and the stored version label survives (DESIGN.md "Forks").
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts, users } from "@/db/schema";

async function artifactWithVersion(
  ownerUserId: string,
  title: string,
  fork?: { id: string; versionId: string },
) {
  const [a] = await db
    .insert(artifacts)
    .values({
      ownerUserId,
      title,
      visibility: "public",
      forkedFromId: fork?.id,
      forkedFromVersionId: fork?.versionId,
      forkedFromVersionLabel: fork ? "v1" : undefined,
      originArtifactId: fork?.id,
    })
    .returning();
  const [v] = await db
    .insert(artifactVersions)
    .values({
      artifactId: a!.id,
      versionIndex: 1,
      codeBlobRef: "sha256:x",
      codeLanguage: "html",
      codeContent: "<p>x</p>",
      parentVersionId: fork?.versionId,
    })
    .returning();
  await db.update(artifacts).set({ currentVersionId: v!.id }).where(eq(artifacts.id, a!.id));
  return { id: a!.id, versionId: v!.id };
}

describe("deleting a forked artifact", () => {
  it("keeps every fork, nulls its links and keeps the stored label", async () => {
    const [alice] = await db.insert(users).values({ email: "alice@example.test" }).returning();
    const [bob] = await db.insert(users).values({ email: "bob@example.test" }).returning();
    const parent = await artifactWithVersion(alice!.id, "Parent");
    const fork = await artifactWithVersion(bob!.id, "Fork", parent);
    const grandchild = await artifactWithVersion(bob!.id, "Grandchild", fork);

    await db.delete(artifacts).where(eq(artifacts.id, parent.id));

    const [f] = await db.select().from(artifacts).where(eq(artifacts.id, fork.id));
    expect(f).toMatchObject({
      forkedFromId: null,
      forkedFromVersionId: null,
      forkedFromVersionLabel: "v1",
    });
    const [fv] = await db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.id, fork.versionId));
    expect(fv!.parentVersionId).toBeNull();
    const [g] = await db.select().from(artifacts).where(eq(artifacts.id, grandchild.id));
    expect(g!.forkedFromId).toBe(fork.id);
  });

  it("lets a user whose work was forked delete their account", async () => {
    const [carol] = await db.insert(users).values({ email: "carol@example.test" }).returning();
    const [dan] = await db.insert(users).values({ email: "dan@example.test" }).returning();
    const parent = await artifactWithVersion(carol!.id, "Carol's");
    const fork = await artifactWithVersion(dan!.id, "Dan's fork", parent);
    await db.delete(users).where(eq(users.id, carol!.id));
    const rows = await db.execute(
      sql`select count(*)::int as n from artifacts where owner_user_id = ${carol!.id}`,
    );
    expect(rows.rows[0]).toEqual({ n: 0 });
    const [f] = await db.select().from(artifacts).where(eq(artifacts.id, fork.id));
    expect(f).toMatchObject({
      forkedFromId: null,
      forkedFromOwnerUserId: null,
      forkedFromVersionLabel: "v1",
    });
  });
});
