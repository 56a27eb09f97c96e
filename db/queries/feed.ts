import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { artifactsAs, visibleTo } from "./visibility";

// The feed (/feed): what the people I follow published and saved, newest first. It reads the
// activity log (014: triggers write it in the same transaction as the artifact or version), through
// visibleTo(…, null) on the artifact: a private artifact's events never show, however the viewer is
// related to it, and a deleted artifact's events are gone with it (ON DELETE CASCADE).

export const FEED_PAGE_SIZE = 20;

export type FeedItem = {
  id: string;
  kind: "publish" | "version" | "import";
  createdAt: Date;
  artifactId: string;
  title: string;
  description: string | null;
  versionIndex: number | null;
  language: string | null;
  actorHandle: string;
  actorDisplayName: string | null;
  actorAvatarUrl: string | null;
  thumbVersion: string | null;
  viewsCount: number;
  likesCount: number;
};

export type FeedPage = { items: FeedItem[]; nextCursor: string | null };

type Row = {
  id: string;
  kind: FeedItem["kind"];
  created_at: string;
  artifact_id: string;
  title: string;
  description: string | null;
  version_index: number | null;
  language: string | null;
  handle: string;
  display_name: string | null;
  avatar_url: string | null;
  thumb_version: string | null;
  views_count: number;
  likes_count: number;
  cursor_key: string;
};

/**
 * One page of the viewer's feed, keyset-paged on (event time, event id). A fork that is public has
 * its own "publish" event, so fork events themselves are left out (no item twice).
 */
export async function listFeed({
  viewerId,
  cursor,
  limit = FEED_PAGE_SIZE,
}: {
  viewerId: string;
  cursor?: string | null;
  limit?: number;
}): Promise<FeedPage> {
  const after = decodeTypedCursor(cursor, "timestamptz");
  const a = artifactsAs("a");
  const result = await db.execute(sql`
    select e.id, e.kind, e.created_at, a.id as artifact_id, a.title, a.description,
      v.version_index, cv.code_language as language, p.handle, p.display_name, p.avatar_url,
      case when m.thumb_url is not null then extract(epoch from m.updated_at)::bigint::text end as thumb_version,
      a.views_count, a.likes_count,
      to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key
    from follows f
    join activity_events e on e.actor_user_id = f.followee_user_id
    join artifacts a on a.id = e.artifact_id and ${visibleTo(a, null)}
    join profiles p on p.user_id = e.actor_user_id
    left join artifact_versions v on v.id = e.version_id
    left join artifact_versions cv on cv.id = a.current_version_id
    left join artifact_media m on m.artifact_id = a.id
    where f.follower_user_id = ${viewerId}
      and e.kind in ('publish', 'version', 'import')
      ${after ? sql`and (e.created_at, e.id) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``}
    order by e.created_at desc, e.id desc
    limit ${limit + 1}`);
  const rows = result.rows as Row[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: new Date(r.created_at),
      artifactId: r.artifact_id,
      title: r.title,
      description: r.description,
      versionIndex: r.version_index === null ? null : Number(r.version_index),
      language: r.language,
      actorHandle: r.handle,
      actorDisplayName: r.display_name,
      actorAvatarUrl: r.avatar_url,
      thumbVersion: r.thumb_version,
      viewsCount: Number(r.views_count),
      likesCount: Number(r.likes_count),
    })),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursor_key, id: last.id }) : null,
  };
}
