import "server-only";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";
import { artifacts } from "@/db/schema";
import { visibleTo } from "./visibility";
import { withWriteSlot } from "@/db/busy";

// Likes and likes_count move in ONE statement (a data-modifying CTE): the counter changes only when
// the like row was really inserted / deleted, so likes_count equals a recount under any
// concurrency — duplicates hit ON CONFLICT and never increment (reference: "Concurrent likes on one
// row"). The same statement keeps trending_score (004_create_social.sql) in step. Authorisation is
// in the SQL too: only an artifact the user can see (public, or their own) can be liked; anything
// else answers not-found with nothing written.
//
// Both statements commit asynchronously (synchronous_commit off for that transaction only, set inside
// the statement so it stays one round trip): on one hot artifact the ceiling is commit latency while
// the row is locked (PERFORMANCE.md: ~1.1k/s synchronous, ~1.9k/s asynchronous). A database crash can
// lose the last fraction of a second of likes — the like row and its counter together, so the count
// stays exact; nothing else in Vitrine commits this way.

export type LikeResult =
  { status: "ok"; liked: boolean; likesCount: number } | { status: "not-found" };

type Row = { found: boolean; likes_count: number | null; liked: boolean };

function toResult(row: Row | undefined): LikeResult {
  if (!row?.found) return { status: "not-found" };
  return { status: "ok", liked: row.liked, likesCount: Number(row.likes_count ?? 0) };
}

async function likeArtifactUngated(
  { userId, artifactId }: { userId: string; artifactId: string },
  database: Database = db,
): Promise<LikeResult> {
  const result = await database.execute(sql`
    with target as (
      select id, likes_count from artifacts
      where id = ${artifactId} and ${visibleTo(artifacts, userId)}
    ), ins as (
      insert into likes (user_id, artifact_id)
      select ${userId}, id from target
      on conflict do nothing
      returning artifact_id, created_at
    ), upd as (
      update artifacts set likes_count = likes_count + 1,
        trending_score = trending_score + vitrine_trend_weight((select created_at from ins))
      where id = (select artifact_id from ins)
      returning likes_count
    ), async_commit as (
      select set_config('synchronous_commit', 'off', true)
    )
    select exists (select 1 from target) as found, true as liked, (select count(*) from async_commit) as _,
      coalesce((select likes_count from upd), (select likes_count from target)) as likes_count`);
  return toResult(result.rows[0] as Row | undefined);
}

async function unlikeArtifactUngated(
  { userId, artifactId }: { userId: string; artifactId: string },
  database: Database = db,
): Promise<LikeResult> {
  const result = await database.execute(sql`
    with target as (
      select id, likes_count from artifacts
      where id = ${artifactId} and ${visibleTo(artifacts, userId)}
    ), del as (
      delete from likes
      where artifact_id = (select id from target) and user_id = ${userId}
      returning artifact_id, created_at
    ), upd as (
      update artifacts set likes_count = likes_count - 1,
        trending_score = greatest(0, trending_score - vitrine_trend_weight((select created_at from del)))
      where id = (select artifact_id from del)
      returning likes_count
    ), async_commit as (
      select set_config('synchronous_commit', 'off', true)
    )
    select exists (select 1 from target) as found, false as liked, (select count(*) from async_commit) as _,
      coalesce((select likes_count from upd), (select likes_count from target)) as likes_count`);
  return toResult(result.rows[0] as Row | undefined);
}

/** Whether the viewer likes this artifact (for the heart's first render). */
export async function viewerLikes({
  userId,
  artifactId,
}: {
  userId: string | null;
  artifactId: string;
}): Promise<boolean> {
  if (!userId) return false;
  const result = await db.execute(
    sql`select 1 from likes where artifact_id = ${artifactId} and user_id = ${userId} limit 1`,
  );
  return result.rows.length > 0;
}

/** likeArtifact in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const likeArtifact = (...args: Parameters<typeof likeArtifactUngated>) =>
  withWriteSlot(() => likeArtifactUngated(...args));

/** unlikeArtifact in a write slot (db/busy.ts): overload is "busy, try again", never a pool-wide outage. */
export const unlikeArtifact = (...args: Parameters<typeof unlikeArtifactUngated>) =>
  withWriteSlot(() => unlikeArtifactUngated(...args));
