import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/domain/cursor";
import { versionContentFields, type VersionStats } from "@/lib/version-content";
import type { Chat } from "@/domain/validation/artifact";
import { historyVisibleTo, visibleTo } from "./visibility";

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
        return { status: "conflict", baseIndex: base?.versionIndex ?? null, currentIndex: current?.versionIndex ?? null } as const;
      }
      const version = await insertNextVersion(tx, {
        artifactId: artifact.id,
        parent: { id: base.id, code: base.code },
        code: input.code,
        language: base.language,
        summary: input.summary,
        label: input.label,
        metadata: { title: artifact.title, visibility: artifact.visibility, source: { kind: "edit" } },
      });
      return { status: "created", versionId: version.id, versionIndex: version.versionIndex } as const;
    });
  } catch (err) {
    // The row lock makes this unreachable in practice; if the unique index ever fires, it is a conflict.
    if (pgErrorCode(err) === "23505") return { status: "conflict", baseIndex: null, currentIndex: null };
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
      return { status: "created", versionId: version.id, versionIndex: version.versionIndex } as const;
    });
  } catch (err) {
    if (pgErrorCode(err) === "23505") return { status: "conflict", baseIndex: null, currentIndex: null };
    throw err;
  }
}

export const HISTORY_PAGE_SIZE = 50;

export type VersionListItem = {
  id: string;
  versionIndex: number;
  label: string | null;
  summary: string | null;
  createdAt: Date;
  stats: Partial<VersionStats>;
  language: string;
  parentIndex: number | null;
  source: { kind: string; versionIndex?: number; artifactId?: string } | null;
};

export type HistoryArtifact = {
  id: string;
  title: string;
  visibility: "public" | "private";
  ownerUserId: string;
  currentVersionId: string | null;
  currentIndex: number | null;
};

const parent = alias(artifactVersions, "parent");

/**
 * One page of an artifact's history, newest first, keyset on version_index — metadata only, never
 * code_content. Null when the viewer may not see the history (private, or versioning off for others).
 */
export async function listVersions({
  artifactId,
  viewerId,
  cursor,
  limit = HISTORY_PAGE_SIZE,
}: {
  artifactId: string;
  viewerId: string | null;
  cursor?: string | null;
  limit?: number;
}): Promise<{ artifact: HistoryArtifact; items: VersionListItem[]; nextCursor: string | null } | null> {
  const after = decodeCursor(cursor);
  const afterIndex = after && /^\d{1,9}$/.test(after.key) ? Number(after.key) : null;
  // Two independent reads in parallel; the list carries the same authorisation predicate, so
  // neither answer is usable without the check.
  const headerQuery = db
    .select({
      id: artifacts.id,
      title: artifacts.title,
      visibility: artifacts.visibility,
      ownerUserId: artifacts.ownerUserId,
      currentVersionId: artifacts.currentVersionId,
      currentIndex: sql<number | null>`(select v.version_index from artifact_versions v where v.id = ${artifacts.currentVersionId})`,
    })
    .from(artifacts)
    .where(and(eq(artifacts.id, artifactId), historyVisibleTo(artifacts, viewerId)));
  const rowsQuery = db
    .select({
      id: artifactVersions.id,
      versionIndex: artifactVersions.versionIndex,
      label: artifactVersions.label,
      summary: artifactVersions.summary,
      createdAt: artifactVersions.createdAt,
      // Three numbers instead of the whole jsonb: cheaper to ship and parse for every row.
      added: sql<number | null>`(${artifactVersions.stats} ->> 'added')::int`,
      removed: sql<number | null>`(${artifactVersions.stats} ->> 'removed')::int`,
      lines: sql<number | null>`(${artifactVersions.stats} ->> 'lines')::int`,
      language: artifactVersions.codeLanguage,
      parentIndex: parent.versionIndex,
      // Only the kind of source (and what it points at) leaves the owner-only version_metadata.
      sourceKind: sql<string | null>`${artifactVersions.versionMetadata} -> 'source' ->> 'kind'`,
      sourceIndex: sql<number | null>`(${artifactVersions.versionMetadata} -> 'source' ->> 'version_index')::int`,
      sourceArtifactId: sql<string | null>`${artifactVersions.versionMetadata} -> 'source' ->> 'artifact_id'`,
    })
    .from(artifactVersions)
    .innerJoin(artifacts, and(eq(artifacts.id, artifactVersions.artifactId), historyVisibleTo(artifacts, viewerId)))
    .leftJoin(parent, and(eq(parent.id, artifactVersions.parentVersionId), eq(parent.artifactId, artifactId)))
    .where(
      and(
        eq(artifactVersions.artifactId, artifactId),
        afterIndex !== null ? lt(artifactVersions.versionIndex, afterIndex) : undefined,
      ),
    )
    .orderBy(desc(artifactVersions.versionIndex))
    .limit(limit + 1);
  const [[allowed], rows] = await Promise.all([headerQuery, rowsQuery]);
  if (!allowed) return null;
  const items = rows.slice(0, limit).map(
    ({ sourceKind, sourceIndex, sourceArtifactId, added, removed, lines, ...row }): VersionListItem => ({
      ...row,
      stats: { added: added ?? undefined, removed: removed ?? undefined, lines: lines ?? undefined },
      source: sourceKind
        ? { kind: sourceKind, versionIndex: sourceIndex ?? undefined, artifactId: sourceArtifactId ?? undefined }
        : null,
    }),
  );
  const last = items[items.length - 1];
  return {
    artifact: allowed,
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: String(last.versionIndex), id: last.id }) : null,
  };
}

/**
 * One version of an artifact (the current one when `versionIndex` is omitted), code included, or
 * null when the viewer may not see it: the artifact is invisible to them, the index does not exist,
 * or it is an old version and the history is not theirs to see. Chat and drafts are selected only
 * for the owner or when the chat is public — for others they never leave the database.
 */
export async function getVersionForViewer({
  artifactId,
  versionIndex,
  viewerId,
}: {
  artifactId: string;
  versionIndex?: number;
  viewerId: string | null;
}) {
  const chatAllowed = viewerId
    ? sql`(${artifacts.ownerUserId} = ${viewerId} or ${artifacts.chatHistoryPublic})`
    : sql`${artifacts.chatHistoryPublic}`;
  const [row] = await db
    .select({
      artifact: artifacts,
      owner: { handle: profiles.handle, displayName: profiles.displayName, avatarUrl: profiles.avatarUrl },
      version: {
        id: artifactVersions.id,
        versionIndex: artifactVersions.versionIndex,
        label: artifactVersions.label,
        summary: artifactVersions.summary,
        createdAt: artifactVersions.createdAt,
        codeLanguage: artifactVersions.codeLanguage,
        codeContent: artifactVersions.codeContent,
        stats: artifactVersions.stats,
        parentVersionId: artifactVersions.parentVersionId,
      },
      chat: sql<Chat | null>`case when ${chatAllowed} then ${artifactVersions.chat} end`,
      historyVisible: sql<boolean>`${historyVisibleTo(artifacts, viewerId)}`,
    })
    .from(artifacts)
    .innerJoin(
      artifactVersions,
      versionIndex === undefined
        ? eq(artifactVersions.id, artifacts.currentVersionId)
        : and(eq(artifactVersions.artifactId, artifacts.id), eq(artifactVersions.versionIndex, versionIndex)),
    )
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(
      and(
        eq(artifacts.id, artifactId),
        visibleTo(artifacts, viewerId),
        sql`(${artifactVersions.id} = ${artifacts.currentVersionId} or ${historyVisibleTo(artifacts, viewerId)})`,
      ),
    )
    .limit(1);
  if (!row) return null;
  const isOwner = row.artifact.ownerUserId === viewerId;
  // source_session is the owner's (DESIGN.md): others get the row without it.
  const artifact = isOwner ? row.artifact : { ...row.artifact, sourceSession: null };
  return {
    ...row,
    artifact,
    isOwner,
    isCurrent: row.version.id === row.artifact.currentVersionId,
    chat: row.chat as Chat | null,
    stats: (row.version.stats ?? {}) as Partial<VersionStats>,
  };
}

export type ViewedVersion = NonNullable<Awaited<ReturnType<typeof getVersionForViewer>>>;

/** createVersion in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const createVersion = (...args: Parameters<typeof createVersionUngated>) => withWriteSlot(() => createVersionUngated(...args));

/** restoreVersion in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const restoreVersion = (...args: Parameters<typeof restoreVersionUngated>) => withWriteSlot(() => restoreVersionUngated(...args));
