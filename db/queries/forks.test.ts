// Creating forks and importing versions: lineage, copies and refusals. The races and concurrent
// calls are in fork-concurrency.test.ts; the fork lists and profile stats in fork-lists.test.ts.
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { artifactVersions, artifacts } from "@/db/schema";
import { key, makeArtifact, makeUser } from "@/db/test/lineage-fixtures";
import { countersMatchRecount, row } from "@/db/test/fork-checks";
import { createFork } from "./forks";
import { importVersion } from "./imports";

describe("createFork", () => {
  it("records the lineage across three generations and copies the source version only", async () => {
    const [alice, bob, carol] = [await makeUser(), await makeUser(), await makeUser()];
    const root = await makeArtifact(alice.id, { title: "Root", versions: 3 });
    await db
      .update(artifactVersions)
      .set({ label: "beta", chat: { messages: [{ role: "user", content: "hi" }] } })
      .where(eq(artifactVersions.id, root.currentVersionId));

    const f1 = await createFork({
      viewerId: bob.id,
      artifactId: root.id,
      versionIndex: 2,
      title: "Root (fork)",
      visibility: "public",
      idempotencyKey: key(),
    });
    const f2 = await createFork({
      viewerId: carol.id,
      artifactId: f1!.id,
      title: "Grandchild",
      visibility: "public",
      idempotencyKey: key(),
    });

    const [a1, a2] = [await row(f1!.id), await row(f2!.id)];
    const [rootV2] = await db
      .select()
      .from(artifactVersions)
      .where(
        sql`${artifactVersions.artifactId} = ${root.id} and ${artifactVersions.versionIndex} = 2`,
      );
    expect(a1).toMatchObject({
      ownerUserId: bob.id,
      title: "Root (fork)",
      visibility: "public",
      forkedFromId: root.id,
      forkedFromOwnerUserId: alice.id,
      forkedFromVersionId: rootV2!.id,
      forkedFromVersionLabel: "v2",
      originArtifactId: root.id,
      originOwnerUserId: alice.id,
      forksCount: 1,
    });
    expect(a2).toMatchObject({
      forkedFromId: f1!.id,
      forkedFromOwnerUserId: bob.id,
      forkedFromVersionLabel: "v1",
      originArtifactId: root.id,
      originOwnerUserId: alice.id,
      forksCount: 0,
    });
    const [v1] = await db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.artifactId, f1!.id));
    expect(v1).toMatchObject({
      versionIndex: 1,
      codeContent: rootV2!.codeContent,
      codeLanguage: "html",
      parentVersionId: rootV2!.id,
      chat: null,
      codeVersions: null,
      versionMetadata: {
        title: "Root (fork)",
        visibility: "public",
        source: { kind: "fork", artifact_id: root.id, version_id: rootV2!.id, version_index: 2 },
      },
    });
    expect(v1!.stats).toMatchObject({ added: 0, removed: 0 });
    expect(a1.currentVersionId).toBe(v1!.id);
    expect((await row(root.id)).forksCount).toBe(1);

    // The label of the source version is kept when it has one.
    const f3 = await createFork({
      viewerId: bob.id,
      artifactId: root.id,
      title: "Labelled",
      visibility: "private",
      idempotencyKey: key(),
    });
    expect((await row(f3!.id)).forkedFromVersionLabel).toBe("beta");
    expect(await countersMatchRecount()).toEqual([]);
  });

  it("refuses what the viewer may not see: private parents and hidden history, writing nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const priv = await makeArtifact(alice.id, { visibility: "private" });
    const closed = await makeArtifact(alice.id, { versions: 2, versioningEnabled: false });
    const before = (await db.select({ n: sql<number>`count(*)::int` }).from(artifacts))[0]!.n;
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: priv.id,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        versionIndex: 1,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        versionIndex: 9,
        title: "x",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(artifacts))[0]!.n).toBe(before);
    expect((await row(priv.id)).forksCount).toBe(0);
    // The current version of a closed-history artifact is forkable, and owners may fork their own.
    expect(
      await createFork({
        viewerId: bob.id,
        artifactId: closed.id,
        title: "ok",
        visibility: "public",
        idempotencyKey: key(),
      }),
    ).not.toBeNull();
    expect(
      await createFork({
        viewerId: alice.id,
        artifactId: priv.id,
        versionIndex: 1,
        title: "mine",
        visibility: "private",
        idempotencyKey: key(),
      }),
    ).not.toBeNull();
  });
});

describe("importVersion", () => {
  it("brings the parent's newest version in as the next version and counts it", async () => {
    const [alice, bob] = [await makeUser("alice_imp"), await makeUser()];
    const parent = await makeArtifact(alice.id, { title: "Upstream", versions: 2 });
    const fork = await createFork({
      viewerId: bob.id,
      artifactId: parent.id,
      versionIndex: 1,
      title: "Mine",
      visibility: "public",
      idempotencyKey: key(),
    });
    const result = await importVersion({
      viewerId: bob.id,
      targetId: fork!.id,
      sourceId: parent.id,
      idempotencyKey: key(),
    });
    expect(result).toMatchObject({ versionIndex: 2, created: true });
    const [v] = await db
      .select()
      .from(artifactVersions)
      .where(eq(artifactVersions.id, result!.versionId));
    const [forkV1] = await db
      .select()
      .from(artifactVersions)
      .where(
        sql`${artifactVersions.artifactId} = ${fork!.id} and ${artifactVersions.versionIndex} = 1`,
      );
    expect(v).toMatchObject({
      summary: null,
      parentVersionId: forkV1!.id,
      versionMetadata: {
        source: {
          kind: "import",
          artifact_id: parent.id,
          version_id: parent.currentVersionId,
          version_index: 2,
        },
      },
    });
    expect(v!.stats).toMatchObject({ added: 2, removed: 2 });
    expect((await row(fork!.id)).currentVersionId).toBe(v!.id);
    expect((await row(parent.id)).importsCount).toBe(1);
  });

  it("refuses targets the viewer does not own and sources they may not see, writing nothing", async () => {
    const [alice, bob] = [await makeUser(), await makeUser()];
    const theirs = await makeArtifact(alice.id);
    const hidden = await makeArtifact(alice.id, { visibility: "private" });
    const mine = await makeArtifact(bob.id);
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: theirs.id,
        sourceId: mine.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: mine.id,
        sourceId: hidden.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect(
      await importVersion({
        viewerId: bob.id,
        targetId: mine.id,
        sourceId: mine.id,
        idempotencyKey: key(),
      }),
    ).toBeNull();
    expect((await row(hidden.id)).importsCount).toBe(0);
    expect(
      await db.select().from(artifactVersions).where(eq(artifactVersions.artifactId, mine.id)),
    ).toHaveLength(1);
  });
});
