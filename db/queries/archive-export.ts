import "server-only";
import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/index";
import { artifactVersions, artifacts, profiles } from "@/db/schema";
import type { Chat } from "@/domain/validation/artifact";
import { historyVisibleTo, visibleTo } from "./visibility";

// Reads for a zip export (lib/archive/artifact-zip.ts), behind the same rules as the pages: the
// artifact only when visibleTo the viewer, old versions only when historyVisibleTo them, chat only
// for the owner or when the owner made it public (as getVersionForViewer). Versions come in pages,
// so an export of a long history never holds every version's code at once.

export type ExportHeader = {
  id: string;
  title: string;
  description: string | null;
  visibility: "public" | "private";
  versioningEnabled: boolean;
  chatHistoryPublic: boolean;
  createdAt: string;
  ownerUserId: string;
  ownerHandle: string | null;
  historyVisible: boolean;
  chatVisible: boolean;
  currentIndex: number;
};

/** µs-precise UTC text of a timestamptz: a JS Date would drop the microseconds PostgreSQL keeps. */
const isoText = (column: typeof artifacts.createdAt | typeof artifactVersions.createdAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** What the viewer may export of an artifact, or null when it is not theirs to see (private = missing). */
export async function getExportHeader({
  artifactId,
  viewerId,
}: {
  artifactId: string;
  viewerId: string | null;
}): Promise<ExportHeader | null> {
  const chatAllowed = viewerId
    ? sql<boolean>`(${artifacts.ownerUserId} = ${viewerId} or ${artifacts.chatHistoryPublic})`
    : sql<boolean>`${artifacts.chatHistoryPublic}`;
  const [row] = await db
    .select({
      id: artifacts.id,
      title: artifacts.title,
      description: artifacts.description,
      visibility: artifacts.visibility,
      versioningEnabled: artifacts.versioningEnabled,
      chatHistoryPublic: artifacts.chatHistoryPublic,
      createdAt: isoText(artifacts.createdAt),
      ownerUserId: artifacts.ownerUserId,
      ownerHandle: profiles.handle,
      historyVisible: sql<boolean>`${historyVisibleTo(artifacts, viewerId)}`,
      chatVisible: chatAllowed,
      currentIndex: artifactVersions.versionIndex,
    })
    .from(artifacts)
    .innerJoin(artifactVersions, eq(artifactVersions.id, artifacts.currentVersionId))
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(and(eq(artifacts.id, artifactId), visibleTo(artifacts, viewerId)));
  return row ?? null;
}

export type ExportVersion = {
  versionIndex: number;
  parentIndex: number | null;
  createdAt: string;
  language: string;
  summary: string | null;
  label: string | null;
  chat: Chat | null;
  code: string | null;
  sha256: string;
};

const parent = alias(artifactVersions, "parent");

/**
 * One page of the versions the viewer may export, oldest first, after `afterIndex` and up to
 * `upToIndex` (the current version when the export started: a version saved meanwhile is not
 * half-included). `code` and `chat` are selected only when asked for (and chat only when allowed).
 */
export async function listExportVersions({
  artifactId,
  viewerId,
  afterIndex,
  upToIndex,
  limit,
  withCode,
  withChat,
}: {
  artifactId: string;
  viewerId: string | null;
  afterIndex: number;
  upToIndex: number;
  limit: number;
  withCode: boolean;
  withChat: boolean;
}): Promise<ExportVersion[]> {
  const chatAllowed = viewerId
    ? sql`(${artifacts.ownerUserId} = ${viewerId} or ${artifacts.chatHistoryPublic})`
    : sql`${artifacts.chatHistoryPublic}`;
  const rows = await db
    .select({
      versionIndex: artifactVersions.versionIndex,
      parentIndex: parent.versionIndex,
      createdAt: isoText(artifactVersions.createdAt),
      language: artifactVersions.codeLanguage,
      summary: artifactVersions.summary,
      label: artifactVersions.label,
      chat: withChat
        ? sql<Chat | null>`case when ${chatAllowed} then ${artifactVersions.chat} end`
        : sql<null>`null`,
      code: withCode ? artifactVersions.codeContent : sql<null>`null`,
      // Hashed where the code is, so the manifest pass never ships the code itself.
      sha256: sql<string>`encode(sha256(convert_to(${artifactVersions.codeContent}, 'UTF8')), 'hex')`,
    })
    .from(artifactVersions)
    .innerJoin(
      artifacts,
      and(eq(artifacts.id, artifactVersions.artifactId), visibleTo(artifacts, viewerId)),
    )
    .leftJoin(
      parent,
      and(eq(parent.id, artifactVersions.parentVersionId), eq(parent.artifactId, artifactId)),
    )
    .where(
      and(
        eq(artifactVersions.artifactId, artifactId),
        gt(artifactVersions.versionIndex, afterIndex),
        lte(artifactVersions.versionIndex, upToIndex),
        // Old versions only for a viewer who may see the history; the current one for anyone.
        sql`(${artifactVersions.id} = ${artifacts.currentVersionId} or ${historyVisibleTo(artifacts, viewerId)})`,
      ),
    )
    .orderBy(asc(artifactVersions.versionIndex))
    .limit(limit);
  return rows as ExportVersion[];
}

/** The ids of every artifact the user owns (public and private), oldest first, for an account export. */
export async function listOwnArtifactIds(ownerUserId: string): Promise<string[]> {
  const rows = await db
    .select({ id: artifacts.id })
    .from(artifacts)
    .where(and(eq(artifacts.ownerUserId, ownerUserId), visibleTo(artifacts, ownerUserId)))
    .orderBy(asc(artifacts.createdAt), asc(artifacts.id));
  return rows.map((r) => r.id);
}

/** How big an account export would be: artifacts, versions and the bytes of code and chat. */
export async function measureOwnArtifacts(ownerUserId: string) {
  const [row] = await db
    .select({
      artifacts: sql<number>`count(distinct ${artifacts.id})::int`,
      versions: sql<number>`count(${artifactVersions.id})::int`,
      bytes: sql<number>`coalesce(sum(octet_length(${artifactVersions.codeContent}) + coalesce(octet_length(${artifactVersions.chat}::text), 0)), 0)::bigint`,
    })
    .from(artifacts)
    .leftJoin(artifactVersions, eq(artifactVersions.artifactId, artifacts.id))
    .where(and(eq(artifacts.ownerUserId, ownerUserId), visibleTo(artifacts, ownerUserId)));
  return {
    artifacts: Number(row?.artifacts ?? 0),
    versions: Number(row?.versions ?? 0),
    bytes: Number(row?.bytes ?? 0),
  };
}
