import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactVersions, artifacts } from "@/db/schema";
import { versionContentFields } from "@/lib/version-content";
import type { Chat } from "@/domain/validation/artifact";

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

export type VersionSource =
  | { kind: "publish" }
  | { kind: "edit" }
  | { kind: "restore"; version_id: string; version_index: number }
  | { kind: "import"; artifact_id: string; version_id: string }
  | { kind: "fork"; artifact_id: string; version_id: string };

/** The Postgres error code of a failed query (drizzle wraps the pg error in `cause`). */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } } | null;
  const code = e?.code ?? e?.cause?.code;
  return typeof code === "string" ? code : undefined;
}

/**
 * Inserts the next version of an artifact whose row the caller has locked (`for update`), and points
 * the artifact at it — always inside the caller's transaction, so a crash between the two leaves
 * nothing. The lock is what makes `max + 1` gapless; the unique index backs it.
 */
export async function insertNextVersion(
  tx: Tx,
  input: {
    artifactId: string;
    parent: { id: string; code: string } | null;
    code: string;
    language: string;
    summary?: string | null;
    label?: string | null;
    chat?: Chat | null;
    metadata: { title: string; visibility: string; source: VersionSource };
  },
) {
  const [next] = await tx
    .select({ index: sql<number>`coalesce(max(${artifactVersions.versionIndex}), 0) + 1` })
    .from(artifactVersions)
    .where(eq(artifactVersions.artifactId, input.artifactId));
  const fields = versionContentFields(input.code, input.parent?.code ?? null);
  const [version] = await tx
    .insert(artifactVersions)
    .values({
      artifactId: input.artifactId,
      versionIndex: Number(next!.index),
      codeLanguage: input.language,
      codeContent: input.code,
      codeBlobRef: fields.codeBlobRef,
      codeReferences: fields.codeReferences,
      stats: fields.stats,
      summary: input.summary ?? null,
      label: input.label ?? null,
      chat: input.chat ?? null,
      parentVersionId: input.parent?.id ?? null,
      versionMetadata: input.metadata,
    })
    .returning({ id: artifactVersions.id, versionIndex: artifactVersions.versionIndex });
  await tx
    .update(artifacts)
    .set({ currentVersionId: version!.id, updatedAt: sql`now()` })
    .where(eq(artifacts.id, input.artifactId));
  return version!;
}

/** Locks the owner's artifact row; null when it does not exist or is someone else's. */
async function lockOwnedArtifact(tx: Tx, artifactId: string, ownerUserId: string) {
  const [row] = await tx
    .select({
      id: artifacts.id,
      title: artifacts.title,
      visibility: artifacts.visibility,
      currentVersionId: artifacts.currentVersionId,
    })
    .from(artifacts)
    .where(and(eq(artifacts.id, artifactId), eq(artifacts.ownerUserId, ownerUserId)))
    .for("update");
  return row ?? null;
}

async function versionOf(tx: Tx, artifactId: string, versionId: string | null) {
  if (!versionId) return null;
  const [row] = await tx
    .select({
      id: artifactVersions.id,
      versionIndex: artifactVersions.versionIndex,
      code: artifactVersions.codeContent,
      language: artifactVersions.codeLanguage,
    })
    .from(artifactVersions)
    .where(and(eq(artifactVersions.id, versionId), eq(artifactVersions.artifactId, artifactId)));
  return row ?? null;
}

export type SaveResult =
  | { status: "created"; versionId: string; versionIndex: number }
  | { status: "conflict"; baseIndex: number | null; currentIndex: number | null }
  | { status: "not_found" };

/**
 * Saves a new version edited from `baseVersionId`. Refused with "conflict" when another save got in
 * first (the artifact's current version is no longer the one the editor opened).
 */
async function createVersionUngated(input: {
  artifactId: string;
  ownerUserId: string;
  baseVersionId: string;
  code: string;
  summary?: string | null;
  label?: string | null;
  /** The conversation that produced this version (MCP's save_version sends it). */
  chat?: Chat | null;
}): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const artifact = await lockOwnedArtifact(tx, input.artifactId, input.ownerUserId);
      if (!artifact) return { status: "not_found" } as const;
      const [base, current] = await Promise.all([
        versionOf(tx, artifact.id, input.baseVersionId),
        versionOf(tx, artifact.id, artifact.currentVersionId),
      ]);
      if (!base || artifact.currentVersionId !== base.id) {
        return {
          status: "conflict",
          baseIndex: base?.versionIndex ?? null,
          currentIndex: current?.versionIndex ?? null,
        } as const;
      }
      const version = await insertNextVersion(tx, {
        artifactId: artifact.id,
        parent: { id: base.id, code: base.code },
        code: input.code,
        language: base.language,
        summary: input.summary,
        label: input.label,
        chat: input.chat,
        metadata: {
          title: artifact.title,
          visibility: artifact.visibility,
          source: { kind: "edit" },
        },
      });
      return {
        status: "created",
        versionId: version.id,
        versionIndex: version.versionIndex,
      } as const;
    });
  } catch (err) {
    // The row lock makes this unreachable in practice; if the unique index ever fires, it is a conflict.
    if (pgErrorCode(err) === "23505")
      return { status: "conflict", baseIndex: null, currentIndex: null };
    throw err;
  }
}

/** A new version with an old version's content (and language); its parent is the previous current. */
async function restoreVersionUngated(input: {
  artifactId: string;
  ownerUserId: string;
  versionId: string;
}): Promise<SaveResult> {
  try {
    return await db.transaction(async (tx) => {
      const artifact = await lockOwnedArtifact(tx, input.artifactId, input.ownerUserId);
      if (!artifact) return { status: "not_found" } as const;
      const [old, current] = await Promise.all([
        versionOf(tx, artifact.id, input.versionId),
        versionOf(tx, artifact.id, artifact.currentVersionId),
      ]);
      if (!old) return { status: "not_found" } as const;
      const version = await insertNextVersion(tx, {
        artifactId: artifact.id,
        parent: current ? { id: current.id, code: current.code } : null,
        code: old.code,
        language: old.language,
        summary: `Restored v${old.versionIndex}`,
        metadata: {
          title: artifact.title,
          visibility: artifact.visibility,
          source: { kind: "restore", version_id: old.id, version_index: old.versionIndex },
        },
      });
      return {
        status: "created",
        versionId: version.id,
        versionIndex: version.versionIndex,
      } as const;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505")
      return { status: "conflict", baseIndex: null, currentIndex: null };
    throw err;
  }
}

/** createVersion in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const createVersion = (...args: Parameters<typeof createVersionUngated>) =>
  withWriteSlot(() => createVersionUngated(...args));

/** restoreVersion in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const restoreVersion = (...args: Parameters<typeof restoreVersionUngated>) =>
  withWriteSlot(() => restoreVersionUngated(...args));
