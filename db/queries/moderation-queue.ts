import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import type { ReportReasonCode } from "@/domain/validation/moderation";
import { isModerator } from "./roles";
import { artifactsAs, visibleTo } from "./visibility";

// The moderation queue: every item (an artifact, or one comment) with open reports or an open
// appeal, oldest first by its oldest open entry, keyset-paged on (since, item id). Moderators only:
// anyone else gets null (the page answers 404). Items are read through visibleTo for the moderator
// and must be public: an artifact its owner made private or deleted leaves the queue.

export const QUEUE_PAGE_SIZE = 20;

export type QueueReport = {
  id: string;
  reason: ReportReasonCode;
  body: string;
  reporterHandle: string | null;
  createdAt: string;
};

export type QueueItem = {
  /** The comment's id for a comment, the artifact's otherwise. */
  key: string;
  since: string;
  artifact: {
    id: string;
    title: string;
    ownerHandle: string | null;
    hiddenAt: string | null;
  };
  comment: { id: string; body: string; authorHandle: string | null } | null;
  reports: QueueReport[];
  appeal: { id: string; body: string; createdAt: string } | null;
};

export type QueuePage = { items: QueueItem[]; nextCursor: string | null };

type ItemRow = {
  artifact_id: string;
  comment_id: string | null;
  item_id: string;
  since: string;
  cursor_key: string;
  title: string;
  hidden_at: string | null;
  owner_handle: string | null;
  comment_body: string | null;
  comment_author: string | null;
};

const iso = (value: string | null) => (value ? new Date(value).toISOString() : null);

export async function listModerationQueue({
  moderatorId,
  cursor,
  limit = QUEUE_PAGE_SIZE,
}: {
  moderatorId: string | null;
  cursor?: string | null;
  limit?: number;
}): Promise<QueuePage | null> {
  if (!(await isModerator(moderatorId))) return null;
  const after = decodeTypedCursor(cursor, "timestamptz");
  const keyset = after
    ? sql`where (i.since, i.item_id) > (${after.key}::timestamptz, ${after.id}::uuid)`
    : sql``;
  const result = await db.execute(sql`
    with open_entries as (
      select artifact_id, comment_id, created_at from reports where resolved_at is null
      union all
      select artifact_id, null::uuid, created_at from moderation_appeals where resolved_at is null
    ), items as (
      select artifact_id, comment_id, coalesce(comment_id, artifact_id) as item_id,
             min(created_at) as since
      from open_entries group by artifact_id, comment_id
    )
    select i.artifact_id, i.comment_id, i.item_id, i.since::text as since,
      to_char(i.since at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key,
      a.title, a.hidden_at::text as hidden_at, op.handle as owner_handle,
      c.body as comment_body, cp.handle as comment_author
    from items i
    join artifacts a on a.id = i.artifact_id and a.visibility = 'public'
      and ${visibleTo(artifactsAs("a"), moderatorId)}
    left join profiles op on op.user_id = a.owner_user_id
    left join comments c on c.id = i.comment_id
    left join profiles cp on cp.user_id = c.author_user_id
    ${keyset}
    order by i.since, i.item_id
    limit ${limit + 1}`);
  const rows = (result.rows as ItemRow[]).slice(0, limit);
  const more = result.rows.length > limit;
  const artifactIds = [...new Set(rows.map((r) => r.artifact_id))];
  const [reports, appeals] = artifactIds.length
    ? await Promise.all([openReports(artifactIds), openAppeals(artifactIds)])
    : [[], []];
  const items = rows.map((r): QueueItem => ({
    key: r.item_id,
    since: iso(r.since)!,
    artifact: {
      id: r.artifact_id,
      title: r.title,
      ownerHandle: r.owner_handle,
      hiddenAt: iso(r.hidden_at),
    },
    comment: r.comment_id
      ? { id: r.comment_id, body: r.comment_body ?? "", authorHandle: r.comment_author }
      : null,
    reports: reports
      .filter((p) => p.artifact_id === r.artifact_id && p.comment_id === r.comment_id)
      .map((p) => ({
        id: p.id,
        reason: p.reason,
        body: p.body,
        reporterHandle: p.reporter_handle,
        createdAt: iso(p.created_at)!,
      })),
    appeal: r.comment_id
      ? null
      : (appeals
          .filter((p) => p.artifact_id === r.artifact_id)
          .map((p) => ({ id: p.id, body: p.body, createdAt: iso(p.created_at)! }))[0] ?? null),
  }));
  const last = rows[rows.length - 1];
  return {
    items,
    nextCursor: more && last ? encodeCursor({ key: last.cursor_key, id: last.item_id }) : null,
  };
}

type ReportRow = {
  id: string;
  artifact_id: string;
  comment_id: string | null;
  reason: ReportReasonCode;
  body: string;
  reporter_handle: string | null;
  created_at: string;
};

async function openReports(artifactIds: string[]): Promise<ReportRow[]> {
  const result = await db.execute(sql`
    select r.id, r.artifact_id, r.comment_id, r.reason, r.body, p.handle as reporter_handle,
      r.created_at::text as created_at
    from reports r left join profiles p on p.user_id = r.reporter_user_id
    where r.resolved_at is null and r.artifact_id in (${sql.join(
      artifactIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by r.created_at, r.id`);
  return result.rows as ReportRow[];
}

async function openAppeals(artifactIds: string[]) {
  const result = await db.execute(sql`
    select id, artifact_id, body, created_at::text as created_at from moderation_appeals
    where resolved_at is null and artifact_id in (${sql.join(
      artifactIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})
    order by created_at`);
  return result.rows as { id: string; artifact_id: string; body: string; created_at: string }[];
}
