import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { db } from "@/db/index";
import { artifacts, profiles } from "@/db/schema";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { visibleTo } from "./visibility";

// The forks a profile shows (its "Forks" tab), each with its parent as the viewer may see it.

const parentArtifact = alias(artifacts, "parent_artifact");
const parentOwner = alias(profiles, "parent_owner");

export type ForksPage = { items: ForkListItem[]; nextCursor: string | null };

export type ForkListItem = {
  id: string;
  title: string;
  visibility: "public" | "private";
  createdAt: Date;
  likesCount: number;
  forksCount: number;
  forkedFromVersionLabel: string | null;
  cursorKey: string;
  parent:
    | { state: "visible"; id: string; title: string; ownerHandle: string | null }
    | { state: "private" }
    | { state: "deleted" };
};

/**
 * A user's forks (profile "forks" tab), newest first, keyset-paginated, each with its parent shown
 * per the lineage rules: a parent the viewer may not see is "private", a removed one "deleted".
 */
export async function listForksByOwner({
  ownerUserId,
  viewerId,
  sort = "newest",
  cursor,
  limit = 24,
}: {
  ownerUserId: string;
  viewerId: string | null;
  /** The profile's sorts: newest on (created_at, id), most liked on (likes_count, id). */
  sort?: "newest" | "liked";
  cursor?: string | null;
  limit?: number;
}): Promise<ForksPage> {
  const after = decodeTypedCursor(cursor, sort === "liked" ? "int4" : "timestamptz");
  const keyset = !after
    ? undefined
    : sort === "liked"
      ? sql`(${artifacts.likesCount}, ${artifacts.id}) < (${Number(after.key)}::int, ${after.id}::uuid)`
      : sql`(${artifacts.createdAt}, ${artifacts.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
  const parentVisible = sql<boolean>`${visibleTo(parentArtifact, viewerId)}`;
  const rows = await db
    .select({
      id: artifacts.id,
      title: artifacts.title,
      visibility: artifacts.visibility,
      createdAt: artifacts.createdAt,
      likesCount: artifacts.likesCount,
      forksCount: artifacts.publicForksCount,
      forkedFromVersionLabel: artifacts.forkedFromVersionLabel,
      cursorKey: sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      parentId: parentArtifact.id,
      parentTitle: parentArtifact.title,
      parentVisible,
      parentOwnerHandle: parentOwner.handle,
    })
    .from(artifacts)
    .leftJoin(parentArtifact, eq(parentArtifact.id, artifacts.forkedFromId))
    .leftJoin(parentOwner, eq(parentOwner.userId, parentArtifact.ownerUserId))
    .where(
      and(
        eq(artifacts.ownerUserId, ownerUserId),
        visibleTo(artifacts, viewerId),
        // A fork is anything that was forked, even if its parent has since been deleted.
        sql`(${artifacts.forkedFromId} is not null or ${artifacts.forkedFromVersionLabel} is not null)`,
        keyset,
      ),
    )
    .orderBy(
      ...(sort === "liked"
        ? [desc(artifacts.likesCount), desc(artifacts.id)]
        : [desc(artifacts.createdAt), desc(artifacts.id)]),
    )
    .limit(limit + 1);
  const items: ForkListItem[] = rows.slice(0, limit).map((r) => ({
    id: r.id,
    title: r.title,
    visibility: r.visibility,
    createdAt: r.createdAt,
    likesCount: r.likesCount,
    forksCount: r.forksCount,
    forkedFromVersionLabel: r.forkedFromVersionLabel,
    cursorKey: r.cursorKey,
    parent: !r.parentId
      ? { state: "deleted" }
      : r.parentVisible
        ? {
            state: "visible",
            id: r.parentId,
            title: r.parentTitle!,
            ownerHandle: r.parentOwnerHandle,
          }
        : { state: "private" },
  }));
  const last = items[items.length - 1];
  const nextKey = last && (sort === "liked" ? String(last.likesCount) : last.cursorKey);
  return {
    items,
    nextCursor:
      rows.length > limit && last && nextKey ? encodeCursor({ key: nextKey, id: last.id }) : null,
  };
}
