import "server-only";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/domain/cursor";
import { type VersionStats } from "@/lib/version-content";
import type { Chat } from "@/domain/validation/artifact";
import { historyVisibleTo, visibleTo } from "./visibility";

// Reading versions for a viewer: the history list and one version with its artifact, both behind
// the visibility and history rules. Writes are in versions.ts.

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
}): Promise<{
  artifact: HistoryArtifact;
  items: VersionListItem[];
  nextCursor: string | null;
} | null> {
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
      currentIndex: sql<
        number | null
      >`(select v.version_index from artifact_versions v where v.id = ${artifacts.currentVersionId})`,
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
      sourceIndex: sql<
        number | null
      >`(${artifactVersions.versionMetadata} -> 'source' ->> 'version_index')::int`,
      sourceArtifactId: sql<
        string | null
      >`${artifactVersions.versionMetadata} -> 'source' ->> 'artifact_id'`,
    })
    .from(artifactVersions)
    .innerJoin(
      artifacts,
      and(eq(artifacts.id, artifactVersions.artifactId), historyVisibleTo(artifacts, viewerId)),
    )
    .leftJoin(
      parent,
      and(eq(parent.id, artifactVersions.parentVersionId), eq(parent.artifactId, artifactId)),
    )
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
  const items = rows
    .slice(0, limit)
    .map(
      ({
        sourceKind,
        sourceIndex,
        sourceArtifactId,
        added,
        removed,
        lines,
        ...row
      }): VersionListItem => ({
        ...row,
        stats: {
          added: added ?? undefined,
          removed: removed ?? undefined,
          lines: lines ?? undefined,
        },
        source: sourceKind
          ? {
              kind: sourceKind,
              versionIndex: sourceIndex ?? undefined,
              artifactId: sourceArtifactId ?? undefined,
            }
          : null,
      }),
    );
  const last = items[items.length - 1];
  return {
    artifact: allowed,
    items,
    nextCursor:
      rows.length > limit && last
        ? encodeCursor({ key: String(last.versionIndex), id: last.id })
        : null,
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
      owner: {
        handle: profiles.handle,
        displayName: profiles.displayName,
        avatarUrl: profiles.avatarUrl,
      },
      version: {
        id: artifactVersions.id,
        versionIndex: artifactVersions.versionIndex,
        label: artifactVersions.label,
        summary: artifactVersions.summary,
        createdAt: artifactVersions.createdAt,
        codeLanguage: artifactVersions.codeLanguage,
        codeContent: artifactVersions.codeContent,
        codeBlobRef: artifactVersions.codeBlobRef,
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
        : and(
            eq(artifactVersions.artifactId, artifacts.id),
            eq(artifactVersions.versionIndex, versionIndex),
          ),
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
