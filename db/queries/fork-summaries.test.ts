// Issue 12 item 3: a fork's version 1 stored "Forked from @owner / <title> · v1" and a sync stored
// "Synced from @owner/<title> v2"; after the parent turned private, anonymous visitors still read
// its title on the fork's history and diff pages. Nothing stored in a fork may quote its parent;
// the label is derived per viewer from what they may see. 007_security.sql clears the old copies.
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { updateArtifactSettings, visibleArtifactTitles } from "@/db/queries/artifacts";
import { createFork } from "@/db/queries/forks";
import { importVersion } from "@/db/queries/imports";
import { listVersions } from "@/db/queries/version-history";
import { artifactVersions } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";

const SECRET_TITLE = "Canary parent 7f3a9c";

async function storedText(artifactId: string): Promise<string> {
  const rows = await db
    .select({ summary: artifactVersions.summary, label: artifactVersions.label })
    .from(artifactVersions)
    .where(eq(artifactVersions.artifactId, artifactId));
  return JSON.stringify(rows);
}

describe("fork and sync summaries", () => {
  it("never store the parent's title or owner, and the history names it only to viewers who may see it", async () => {
    const [alice, bob] = [await makeUser(`canary_${Date.now() % 1e6}`), await makeUser()];
    const parent = await makeArtifact(alice.id, { title: SECRET_TITLE, versions: 2 });
    const fork = await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      versionIndex: 1,
      title: "Bob's fork",
      visibility: "public",
      idempotencyKey: key(),
    });
    await importVersion({
      viewerId: bob.id,
      targetId: fork!.id,
      sourceId: parent.id,
      idempotencyKey: key(),
    });

    const stored = await storedText(fork!.id);
    expect(stored).not.toContain(SECRET_TITLE);
    expect(stored).not.toContain(alice.handle);

    // While public, the derived label names it for everyone.
    const history = await listVersions({ artifactId: fork!.id, viewerId: null });
    const sourceIds = history!.items.flatMap((i) =>
      i.source?.artifactId ? [i.source.artifactId] : [],
    );
    expect(
      (await visibleArtifactTitles({ ids: sourceIds, viewerId: null })).get(parent.id),
    ).toEqual({ title: SECRET_TITLE, ownerHandle: alice.handle });

    // Once private, nothing an anonymous visitor (or Bob) gets from the history names it.
    await updateArtifactSettings({
      id: parent.id,
      ownerUserId: alice.id,
      title: SECRET_TITLE,
      description: null,
      visibility: "private",
      versioningEnabled: true,
      chatHistoryPublic: false,
    });
    for (const viewerId of [null, bob.id]) {
      const after = await listVersions({ artifactId: fork!.id, viewerId });
      expect(JSON.stringify(after)).not.toContain(SECRET_TITLE);
      expect((await visibleArtifactTitles({ ids: sourceIds, viewerId })).size).toBe(0);
    }
  });

  it("clears summaries stored before the fix (007_security.sql)", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const parent = await makeArtifact(alice.id, { title: SECRET_TITLE });
    const fork = await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      title: "Old fork",
      visibility: "public",
      idempotencyKey: key(),
    });
    await db.execute(
      sql`update artifact_versions set summary = ${`Forked from @${alice.handle} / ${SECRET_TITLE} · v1`} where artifact_id = ${fork!.id}`,
    );
    const edited = await makeArtifact(bob.id, { title: "Own words" });
    await db.execute(
      sql`update artifact_versions set summary = 'Forked from nothing, just my words' where artifact_id = ${edited.id}`,
    );

    const migration = readFileSync(
      path.join(import.meta.dirname, "../../data/migrations/007_security.sql"),
      "utf8",
    );
    const statement = migration.slice(
      migration.indexOf("UPDATE artifact_versions"),
      migration.indexOf(";", migration.indexOf("UPDATE artifact_versions")),
    );
    await db.execute(sql.raw(statement));

    expect(await storedText(fork!.id)).not.toContain(SECRET_TITLE);
    // Only fork/import versions lose their summary; an owner's own words stay.
    expect(await storedText(edited.id)).toContain("just my words");
  });
});
