import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pgRefusal } from "@/db/test/pg-error";
import { db } from "@/db/index";
import * as schema from "@/db/schema";
import { createArtifact, getArtifactForViewer, type PublishInput } from "./artifacts";
import { createVersion, insertNextVersion, restoreVersion } from "./versions";
import { getVersionForViewer, listVersions } from "./version-history";

async function makeUser(handle: string) {
  const [user] = await db
    .insert(schema.users)
    .values({ email: `${handle}@example.test` })
    .returning();
  await db.insert(schema.profiles).values({ userId: user!.id, handle });
  return user!.id;
}

function publishInput(ownerUserId: string, overrides: Partial<PublishInput> = {}): PublishInput {
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

async function versionsOf(artifactId: string) {
  return db
    .select({ index: schema.artifactVersions.versionIndex, id: schema.artifactVersions.id })
    .from(schema.artifactVersions)
    .where(eq(schema.artifactVersions.artifactId, artifactId))
    .orderBy(schema.artifactVersions.versionIndex);
}

describe("publishing", () => {
  it("creates the artifact and version 1 with its derived fields, and points at it", async () => {
    const owner = await makeUser("pub-owner");
    const { id, created } = await createArtifact(publishInput(owner));
    expect(created).toBe(true);
    const [artifact] = await db.select().from(schema.artifacts).where(eq(schema.artifacts.id, id));
    const [v1] = await db
      .select()
      .from(schema.artifactVersions)
      .where(eq(schema.artifactVersions.artifactId, id));
    expect(artifact!.currentVersionId).toBe(v1!.id);
    expect(v1!.versionIndex).toBe(1);
    expect(v1!.parentVersionId).toBeNull();
    expect(v1!.codeBlobRef).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(v1!.codeReferences).toEqual([
      { ref: v1!.codeBlobRef, sha256: v1!.codeBlobRef.slice(7), bytes: 22 },
    ]);
    expect(v1!.stats).toEqual({ lines: 2, bytes: 22, added: 2, removed: 0 });
    expect(v1!.versionMetadata).toEqual({
      title: "Bouncing ball",
      visibility: "public",
      source: { kind: "publish" },
    });
    expect(v1!.chat).toEqual({ messages: [{ role: "user", content: "make a secret ball" }] });
  });

  it("a double submit (same idempotency key, even concurrently) creates one artifact", async () => {
    const owner = await makeUser("pub-double");
    const input = publishInput(owner);
    const results = await Promise.all([
      createArtifact(input),
      createArtifact(input),
      createArtifact(input),
    ]);
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const again = await createArtifact(input);
    expect(again).toEqual({ id: results[0]!.id, created: false });
    const count = await db.$count(schema.artifacts, eq(schema.artifacts.ownerUserId, owner));
    expect(count).toBe(1);
    expect(await versionsOf(results[0]!.id)).toHaveLength(1);
  });

  it("a database refusal inside the transaction leaves no artifact behind", async () => {
    const owner = await makeUser("pub-refused");
    // 1 MB + 1 byte passes no CHECK: the version insert fails after the artifact insert.
    await expect(
      createArtifact(publishInput(owner, { code: "x".repeat(1_048_577) })),
    ).rejects.toEqual(pgRefusal("23514", "artifact_versions_code_content_check"));
    expect(await db.$count(schema.artifacts, eq(schema.artifacts.ownerUserId, owner))).toBe(0);
  });
});

describe("new versions", () => {
  it("saves the next index against the opened version, with stats against the parent", async () => {
    const owner = await makeUser("ver-owner");
    const { id } = await createArtifact(publishInput(owner));
    const [v1] = await versionsOf(id);
    const saved = await createVersion({
      artifactId: id,
      ownerUserId: owner,
      baseVersionId: v1!.id,
      code: "<p>one</p>\n<p>three</p>\n<p>four</p>\n",
      summary: "More paragraphs",
      label: "beta",
    });
    expect(saved).toMatchObject({ status: "created", versionIndex: 2 });
    const [row] = await db
      .select()
      .from(schema.artifactVersions)
      .where(eq(schema.artifactVersions.id, (saved as { versionId: string }).versionId));
    expect(row!.parentVersionId).toBe(v1!.id);
    expect(row!.stats).toMatchObject({ lines: 3, added: 2, removed: 1 });
    expect(row!.versionMetadata).toMatchObject({ source: { kind: "edit" } });
    expect(row!.codeLanguage).toBe("html");
    const [artifact] = await db.select().from(schema.artifacts).where(eq(schema.artifacts.id, id));
    expect(artifact!.currentVersionId).toBe(row!.id);
  });

  it("refuses another user's artifact as not found, writing nothing", async () => {
    const owner = await makeUser("ver-victim");
    const other = await makeUser("ver-attacker");
    const { id } = await createArtifact(publishInput(owner));
    const [v1] = await versionsOf(id);
    const result = await createVersion({
      artifactId: id,
      ownerUserId: other,
      baseVersionId: v1!.id,
      code: "pwned",
    });
    expect(result).toEqual({ status: "not_found" });
    expect(await restoreVersion({ artifactId: id, ownerUserId: other, versionId: v1!.id })).toEqual(
      { status: "not_found" },
    );
    expect(await versionsOf(id)).toHaveLength(1);
  });

  it("twenty concurrent saves from the same base: exactly one wins, the others get the conflict", async () => {
    const owner = await makeUser("ver-race");
    const { id } = await createArtifact(publishInput(owner));
    const [v1] = await versionsOf(id);
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        createVersion({
          artifactId: id,
          ownerUserId: owner,
          baseVersionId: v1!.id,
          code: `<p>${i}</p>`,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "created")).toHaveLength(1);
    const conflicts = results.filter((r) => r.status === "conflict");
    expect(conflicts).toHaveLength(19);
    expect(conflicts[0]).toEqual({ status: "conflict", baseIndex: 1, currentIndex: 2 });
    expect((await versionsOf(id)).map((v) => v.index)).toEqual([1, 2]);
  });

  it("twenty concurrent chains that re-read their base keep indices 1..21 gapless and unique", async () => {
    const owner = await makeUser("ver-chain");
    const { id } = await createArtifact(publishInput(owner));
    // Each writer retries from the fresh current version after a conflict, like a user reloading.
    async function saveUntilDone(n: number) {
      for (;;) {
        const [a] = await db.select().from(schema.artifacts).where(eq(schema.artifacts.id, id));
        const result = await createVersion({
          artifactId: id,
          ownerUserId: owner,
          baseVersionId: a!.currentVersionId!,
          code: `<p>writer ${n}</p>`,
        });
        if (result.status === "created") return result.versionIndex;
        expect(result.status).toBe("conflict");
      }
    }
    const indices = await Promise.all(Array.from({ length: 20 }, (_, n) => saveUntilDone(n)));
    expect([...indices].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 2));
    expect((await versionsOf(id)).map((v) => v.index)).toEqual(
      Array.from({ length: 21 }, (_, i) => i + 1),
    );
  });

  it("a failure between the version insert and the pointer update leaves nothing", async () => {
    const owner = await makeUser("ver-crash");
    const { id } = await createArtifact(publishInput(owner));
    const [v1] = await versionsOf(id);
    await expect(
      db.transaction(async (tx) => {
        await insertNextVersion(tx, {
          artifactId: id,
          parent: { id: v1!.id, code: "" },
          code: "half-saved",
          language: "html",
          metadata: { title: "t", visibility: "public", source: { kind: "edit" } },
        });
        throw new Error("backend killed");
      }),
    ).rejects.toThrow("backend killed");
    expect((await versionsOf(id)).map((v) => v.index)).toEqual([1]);
    const [a] = await db.select().from(schema.artifacts).where(eq(schema.artifacts.id, id));
    expect(a!.currentVersionId).toBe(v1!.id);
  });

  it("restore makes a new version with the old content, parent = previous current", async () => {
    const owner = await makeUser("ver-restore");
    const { id } = await createArtifact(
      publishInput(owner, { language: "svg", code: "<svg>one</svg>" }),
    );
    const [v1] = await versionsOf(id);
    const v2 = await createVersion({
      artifactId: id,
      ownerUserId: owner,
      baseVersionId: v1!.id,
      code: "<svg>two</svg>",
    });
    expect(v2.status).toBe("created");
    const restored = await restoreVersion({
      artifactId: id,
      ownerUserId: owner,
      versionId: v1!.id,
    });
    expect(restored).toMatchObject({ status: "created", versionIndex: 3 });
    const [row] = await db
      .select()
      .from(schema.artifactVersions)
      .where(eq(schema.artifactVersions.id, (restored as { versionId: string }).versionId));
    expect(row!.codeContent).toBe("<svg>one</svg>");
    expect(row!.codeLanguage).toBe("svg");
    expect(row!.summary).toBe("Restored v1");
    expect(row!.parentVersionId).toBe(v2.status === "created" ? v2.versionId : null);
    expect(row!.versionMetadata).toMatchObject({
      source: { kind: "restore", version_id: v1!.id, version_index: 1 },
    });
  });
});

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
