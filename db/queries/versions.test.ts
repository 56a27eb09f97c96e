// Publishing and saving versions: derived fields, idempotency, conflicts and atomicity. Reading
// the history (paging, visibility) is in version-history.test.ts.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { pgRefusal } from "@/db/test/pg-error";
import { db } from "@/db/index";
import * as schema from "@/db/schema";
import { makeUser, publishInput, versionsOf } from "@/db/test/version-fixtures";
import { createArtifact } from "./artifacts";
import { createVersion, insertNextVersion, restoreVersion } from "./versions";

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
