import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import { decodeCursor, encodeCursor } from "@/lib/cursor";
import { visibleTo } from "./visibility";

export const PAGE_SIZE = 24;

/** Columns a card needs. Never code_content: lists stay cheap however large the code is. */
const cardColumns = {
  id: artifacts.id,
  title: artifacts.title,
  description: artifacts.description,
  visibility: artifacts.visibility,
  createdAt: artifacts.createdAt,
  updatedAt: artifacts.updatedAt,
  likesCount: artifacts.likesCount,
  forksCount: artifacts.forksCount,
  commentsCount: artifacts.commentsCount,
  ownerUserId: artifacts.ownerUserId,
  ownerHandle: profiles.handle,
  ownerDisplayName: profiles.displayName,
  ownerAvatarUrl: profiles.avatarUrl,
  language: artifactVersions.codeLanguage,
  cursorKey: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
};

export type ArtifactCard = {
  id: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  createdAt: Date;
  updatedAt: Date;
  likesCount: number;
  forksCount: number;
  commentsCount: number;
  ownerUserId: string;
  ownerHandle: string | null;
  ownerDisplayName: string | null;
  ownerAvatarUrl: string | null;
  language: string | null;
  cursorKey: string;
};

export type Page<T> = { items: T[]; nextCursor: string | null };

function toPage(rows: ArtifactCard[], limit: number): Page<ArtifactCard> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null,
  };
}

/** Public artifacts, newest first, keyset-paginated on (created_at, id) — never OFFSET. */
export async function listRecentPublicArtifacts({
  cursor,
  limit = PAGE_SIZE,
}: {
  cursor?: string | null;
  limit?: number;
}): Promise<Page<ArtifactCard>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select(cardColumns)
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(
      and(
        eq(artifacts.visibility, "public"),
        after ? sql`(${artifacts.createdAt}, ${artifacts.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(artifacts.createdAt), desc(artifacts.id))
    .limit(limit + 1);
  return toPage(rows as ArtifactCard[], limit);
}

/** A user's artifacts, newest first: public ones for everyone, private ones too for the owner. */
export async function listArtifactsByOwner({
  ownerUserId,
  viewerId,
  cursor,
  limit = PAGE_SIZE,
}: {
  ownerUserId: string;
  viewerId: string | null;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<ArtifactCard>> {
  const after = decodeCursor(cursor);
  const rows = await db
    .select(cardColumns)
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(
      and(
        eq(artifacts.ownerUserId, ownerUserId),
        visibleTo(viewerId),
        after ? sql`(${artifacts.createdAt}, ${artifacts.id}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(artifacts.createdAt), desc(artifacts.id))
    .limit(limit + 1);
  return toPage(rows as ArtifactCard[], limit);
}

/**
 * One artifact with its owner and current version (code included), or null when it does not
 * exist or the viewer may not see it — the two are indistinguishable on purpose.
 */
export async function getArtifactForViewer({ id, viewerId }: { id: string; viewerId: string | null }) {
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
      },
    })
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .leftJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .where(and(eq(artifacts.id, id), visibleTo(viewerId)))
    .limit(1);
  if (!row) return null;
  const { sourceSession: _ownerOnly, ...artifact } = row.artifact;
  return {
    artifact: row.artifact.ownerUserId === viewerId ? row.artifact : { ...artifact, sourceSession: null },
    owner: row.owner,
    version: row.version?.id ? row.version : null,
  };
}
