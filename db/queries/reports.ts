import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import type { ReportReasonCode } from "@/domain/validation/moderation";
import { artifactsAs, visibleTo } from "./visibility";

// Reports on a public artifact or one of its comments. Who may report what is in the SQL: the
// artifact must be one the reporter can see AND public and not hidden (a report on a private,
// hidden, deleted or missing item is "not found", like an id that never existed). One open report
// per user per item is the unique partial index reports_one_open_idx, so concurrent duplicates
// collide in the database rather than in a check-then-insert race.

export type FileReportResult =
  { status: "ok"; id: string } | { status: "not-found" } | { status: "duplicate" };

async function fileReportUngated({
  reporterId,
  artifactId,
  commentId,
  reason,
  body,
}: {
  reporterId: string;
  artifactId: string;
  commentId?: string | null;
  reason: ReportReasonCode;
  body: string;
}): Promise<FileReportResult> {
  const comment = commentId ?? null;
  const result = await db.execute(sql`
    with target as (
      select a.id from artifacts a
      where a.id = ${artifactId} and ${visibleTo(artifactsAs("a"), reporterId)}
        and a.visibility = 'public' and a.hidden_at is null
        and (${comment}::uuid is null
             or exists (select 1 from comments c where c.id = ${comment}::uuid and c.artifact_id = a.id))
    ), ins as (
      insert into reports (reporter_user_id, artifact_id, comment_id, reason, body)
      select ${reporterId}, id, ${comment}::uuid, ${reason}, ${body} from target
      on conflict (reporter_user_id, artifact_id,
                   coalesce(comment_id, '00000000-0000-0000-0000-000000000000'::uuid))
        where resolved_at is null do nothing
      returning id
    )
    select (select count(*) from target)::int as found, (select id from ins) as id`);
  const row = result.rows[0] as { found: number; id: string | null } | undefined;
  if (!row || Number(row.found) === 0) return { status: "not-found" };
  return row.id ? { status: "ok", id: row.id } : { status: "duplicate" };
}

/** fileReport in a write slot (db/busy.ts). */
export const fileReport = (...args: Parameters<typeof fileReportUngated>) =>
  withWriteSlot(() => fileReportUngated(...args));
