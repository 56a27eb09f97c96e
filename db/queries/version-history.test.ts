import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/index";
import * as schema from "@/db/schema";
import { makeUser, publishInput, versionsOf } from "@/db/test/version-fixtures";
import { createArtifact, getArtifactForViewer } from "./artifacts";
import { createVersion, insertNextVersion, restoreVersion } from "./versions";
import { getVersionForViewer, listVersions } from "./version-history";

describe("history and visibility", () => {
  it("pages newest first by version_index, 50 at a time, without code", async () => {
    const owner = await makeUser("hist-owner");
    const { id } = await createArtifact(publishInput(owner));
    // 119 more versions, quickly, through the same locked-insert path.
    for (let i = 2; i <= 120; i++) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`select 1 from artifacts where id = ${id} for update`);
        await insertNextVersion(tx, {
          artifactId: id,
          parent: null,
          code: `v${i}`,
          language: "html",
          metadata: { title: "t", visibility: "public", source: { kind: "edit" } },
        });
      });
    }
    const page1 = await listVersions({ artifactId: id, viewerId: null });
    expect(page1!.items.map((v) => v.versionIndex).slice(0, 3)).toEqual([120, 119, 118]);
    expect(page1!.items).toHaveLength(50);
    expect(page1!.items[0]).not.toHaveProperty("codeContent");
    expect(JSON.stringify(page1)).not.toContain("v120");
    const page2 = await listVersions({ artifactId: id, viewerId: null, cursor: page1!.nextCursor });
    expect(page2!.items[0]!.versionIndex).toBe(70);
    const page3 = await listVersions({ artifactId: id, viewerId: null, cursor: page2!.nextCursor });
    expect(page3!.items.map((v) => v.versionIndex)).toEqual(
      Array.from({ length: 20 }, (_, i) => 20 - i),
    );
    expect(page3!.nextCursor).toBeNull();
  });

  it("shows parent index and restore markers in the list", async () => {
    const owner = await makeUser("hist-markers");
    const { id } = await createArtifact(publishInput(owner));
    const [v1] = await versionsOf(id);
    await createVersion({ artifactId: id, ownerUserId: owner, baseVersionId: v1!.id, code: "two" });
    await restoreVersion({ artifactId: id, ownerUserId: owner, versionId: v1!.id });
    const list = await listVersions({ artifactId: id, viewerId: owner });
    expect(list!.items.map((v) => [v.versionIndex, v.parentIndex, v.source?.kind])).toEqual([
      [3, 2, "restore"],
      [2, 1, "edit"],
      [1, null, "publish"],
    ]);
    expect(list!.items[0]!.source).toMatchObject({ versionIndex: 1 });
  });

  it("private artifacts are absent for everyone but the owner", async () => {
    const owner = await makeUser("vis-owner");
    const other = await makeUser("vis-other");
    const { id } = await createArtifact(publishInput(owner, { visibility: "private" }));
    expect(await getArtifactForViewer({ id, viewerId: null })).toBeNull();
    expect(await getArtifactForViewer({ id, viewerId: other })).toBeNull();
    expect(
      await getVersionForViewer({ artifactId: id, versionIndex: 1, viewerId: other }),
    ).toBeNull();
    expect(await listVersions({ artifactId: id, viewerId: other })).toBeNull();
    expect((await getArtifactForViewer({ id, viewerId: owner }))?.artifact.id).toBe(id);
    expect(await listVersions({ artifactId: id, viewerId: owner })).not.toBeNull();
  });

  it("versioning off: others see only the current version, the owner sees everything", async () => {
    const owner = await makeUser("vis-nohist");
    const { id } = await createArtifact(publishInput(owner, { versioningEnabled: false }));
    const [v1] = await versionsOf(id);
    await createVersion({ artifactId: id, ownerUserId: owner, baseVersionId: v1!.id, code: "two" });
    expect(await listVersions({ artifactId: id, viewerId: null })).toBeNull();
    expect(
      await getVersionForViewer({ artifactId: id, versionIndex: 1, viewerId: null }),
    ).toBeNull();
    expect(
      (await getVersionForViewer({ artifactId: id, versionIndex: 2, viewerId: null }))?.isCurrent,
    ).toBe(true);
    expect(
      await getVersionForViewer({ artifactId: id, versionIndex: 1, viewerId: owner }),
    ).not.toBeNull();
    expect(
      await getVersionForViewer({ artifactId: id, versionIndex: 99, viewerId: owner }),
    ).toBeNull();
  });

  it("chat is selected only for the owner or when the chat is public; source_session stays the owner's", async () => {
    const owner = await makeUser("chat-owner");
    const other = await makeUser("chat-other");
    const { id } = await createArtifact(publishInput(owner));
    const forOther = await getArtifactForViewer({ id, viewerId: other });
    expect(forOther!.chat).toBeNull();
    expect(forOther!.artifact.sourceSession).toBeNull();
    expect(JSON.stringify(forOther)).not.toContain("secret ball");
    expect(JSON.stringify(await getArtifactForViewer({ id, viewerId: null }))).not.toContain(
      "secret ball",
    );
    expect((await getArtifactForViewer({ id, viewerId: owner }))!.chat?.messages[0]?.content).toBe(
      "make a secret ball",
    );
    await db
      .update(schema.artifacts)
      .set({ chatHistoryPublic: true })
      .where(eq(schema.artifacts.id, id));
    expect((await getArtifactForViewer({ id, viewerId: null }))!.chat?.messages).toHaveLength(1);
  });
});
