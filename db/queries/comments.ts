import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { artifacts } from "@/db/schema";
import { artifactsAs, visibleTo } from "./visibility";
import { withWriteSlot } from "@/db/busy";

// Comments and comments_count move in one statement each (data-modifying CTEs), so the counter
// equals a recount under any concurrency. Who may do what is in the SQL: posting and reading need
// an artifact the viewer can see (public, or their own); deleting needs the comment's author or the
// artifact's owner. Zero rows is "not found", exactly like an id that never existed.

export const COMMENTS_PAGE_SIZE = 20;
export type CommentOrder = "newest" | "oldest";

export type CommentView = {
  id: string;
  body: string;
  createdAt: string;
  authorUserId: string;
  authorHandle: string | null;
  authorDisplayName: string | null;
  authorAvatarUrl: string | null;
  versionIndex: number | null;
  versionLabel: string | null;
  /** The viewer may delete it: their own, or on their artifact. */
  canDelete: boolean;
};

export type CommentsPage = { items: CommentView[]; nextCursor: string | null; total: number };

type RawComment = {
  id: string;
  body: string;
  created_at: string;
  cursor_key: string;
  author_user_id: string;
  author_handle: string | null;
  author_display_name: string | null;
  author_avatar_url: string | null;
  version_index: number | null;
  version_label: string | null;
  can_delete: boolean;
};

/** A page of an artifact's comments, or null when the viewer may not see the artifact. */
export async function listComments({
  artifactId,
  viewerId,
  order = "newest",
  cursor,
  limit = COMMENTS_PAGE_SIZE,
}: {
  artifactId: string;
  viewerId: string | null;
  order?: CommentOrder;
  cursor?: string | null;
  limit?: number;
}): Promise<CommentsPage | null> {
  const target = await db.execute(sql`
    select owner_user_id, comments_count from artifacts
    where id = ${artifactId} and ${visibleTo(artifacts, viewerId)}`);
  const artifact = target.rows[0] as { owner_user_id: string; comments_count: number } | undefined;
  if (!artifact) return null;

  const valid = decodeTypedCursor(cursor, "timestamptz");
  const desc = order === "newest";
  // Both orders walk comments_artifact_idx (artifact_id, created_at desc, id desc), one backwards.
  const keyset = valid
    ? desc
      ? sql`and (c.created_at, c.id) < (${valid.key}::timestamptz, ${valid.id}::uuid)`
      : sql`and (c.created_at, c.id) > (${valid.key}::timestamptz, ${valid.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    select c.id, c.body, c.author_user_id,
      to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key,
      c.created_at::text as created_at,
      p.handle as author_handle, p.display_name as author_display_name, p.avatar_url as author_avatar_url,
      v.version_index, v.label as version_label,
      (c.author_user_id = ${viewerId} or ${artifact.owner_user_id}::uuid = ${viewerId}) is true as can_delete
    from comments c
    left join profiles p on p.user_id = c.author_user_id
    left join artifact_versions v on v.id = c.version_id
    where c.artifact_id = ${artifactId} ${keyset}
    order by c.created_at ${desc ? sql`desc` : sql`asc`}, c.id ${desc ? sql`desc` : sql`asc`}
    limit ${limit + 1}`);
  const rows = result.rows as RawComment[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id,
      body: r.body,
      createdAt: new Date(r.created_at).toISOString(),
      authorUserId: r.author_user_id,
      authorHandle: r.author_handle,
      authorDisplayName: r.author_display_name,
      authorAvatarUrl: r.author_avatar_url,
      versionIndex: r.version_index,
      versionLabel: r.version_label,
      canDelete: r.can_delete,
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursor_key, id: last.id }) : null,
    total: artifact.comments_count,
  };
}

export type PostCommentResult = { status: "ok"; id: string } | { status: "not-found" };

/** Posts a comment on an artifact the author can see, recording its current version. */
async function postCommentUngated({
  artifactId,
  authorUserId,
  body,
}: {
  artifactId: string;
  authorUserId: string;
  body: string;
}): Promise<PostCommentResult> {
  const result = await db.execute(sql`
    with target as (
      select id, current_version_id from artifacts
      where id = ${artifactId} and ${visibleTo(artifacts, authorUserId)}
    ), ins as (
      insert into comments (artifact_id, author_user_id, version_id, body)
      select id, ${authorUserId}, current_version_id, ${body} from target
      returning id, artifact_id
    ), upd as (
      update artifacts set comments_count = comments_count + 1
      where id = (select artifact_id from ins)
      returning id
    )
    select (select id from ins) as id, (select count(*) from upd)::int as updated`);
  const row = result.rows[0] as { id: string | null } | undefined;
  return row?.id ? { status: "ok", id: row.id } : { status: "not-found" };
}

/**
 * Deletes a comment if the viewer wrote it or owns the artifact (and can still see the artifact).
 * Returns the artifact id, or null for "not found" (nothing deleted).
 */
async function deleteCommentUngated({
  commentId,
  viewerId,
}: {
  commentId: string;
  viewerId: string;
}): Promise<string | null> {
  const result = await db.execute(sql`
    with del as (
      delete from comments c using artifacts a
      where c.id = ${commentId} and a.id = c.artifact_id
        and (c.author_user_id = ${viewerId} or a.owner_user_id = ${viewerId})
        and ${visibleTo(artifactsAs("a"), viewerId)}
      returning c.artifact_id
    ), upd as (
      update artifacts set comments_count = comments_count - 1
      where id = (select artifact_id from del)
      returning id
    )
    select (select id from upd) as artifact_id`);
  const row = result.rows[0] as { artifact_id: string | null } | undefined;
  return row?.artifact_id ?? null;
}

/** postComment in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const postComment = (...args: Parameters<typeof postCommentUngated>) =>
  withWriteSlot(() => postCommentUngated(...args));

/** deleteComment in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const deleteComment = (...args: Parameters<typeof deleteCommentUngated>) =>
  withWriteSlot(() => deleteCommentUngated(...args));
