import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactsAs, visibleTo } from "./visibility";

// The owner's stats page (/a/<id>/stats): views and forks per UTC day over the last weeks. Views come
// from the per-day aggregates (closed days) plus the raw visitor rows of today and yesterday; forks
// from the activity log, counting only forks the owner may see (public ones and their own), so a
// stranger's private fork never shows in anyone's numbers.

export const STATS_DAYS = 30;

export type DayCount = { day: string; views: number; forks: number };

export type ArtifactStats = {
  artifactId: string;
  title: string;
  viewsCount: number;
  viewsWeek: number;
  forksCount: number;
  days: DayCount[];
};

/** Stats of an artifact its owner asks about; null for anyone else (and for a missing id). */
export async function getArtifactStats(
  artifactId: string,
  ownerId: string,
  days = STATS_DAYS,
): Promise<ArtifactStats | null> {
  const a = artifactsAs("a");
  const fork = artifactsAs("fork");
  const head = await db.execute(sql`
    select a.id, a.title, a.views_count, a.views_week, a.public_forks_count
    from artifacts a
    where a.id = ${artifactId} and a.owner_user_id = ${ownerId} and ${visibleTo(a, ownerId)}`);
  const artifact = head.rows[0] as
    | {
        id: string;
        title: string;
        views_count: number;
        views_week: number;
        public_forks_count: number;
      }
    | undefined;
  if (!artifact) return null;
  const series = await db.execute(sql`
    with span as (
      select generate_series((now() at time zone 'UTC')::date - ${days - 1}::int,
                             (now() at time zone 'UTC')::date, interval '1 day')::date as day
    ), views as (
      select day, views from artifact_view_days where artifact_id = ${artifactId}
      union all
      select day, count(*)::int from artifact_views where artifact_id = ${artifactId} group by day
    ), forks as (
      select (e.created_at at time zone 'UTC')::date as day, count(*)::int as n
      from activity_events e join artifacts fork on fork.id = e.artifact_id and ${visibleTo(fork, ownerId)}
      where e.source_artifact_id = ${artifactId} and e.kind = 'fork'
        and e.created_at >= (((now() at time zone 'UTC')::date - ${days - 1}::int)::timestamp at time zone 'UTC')
      group by 1
    )
    select span.day::text as day,
      coalesce((select sum(views) from views where views.day = span.day), 0)::int as views,
      coalesce((select n from forks where forks.day = span.day), 0)::int as forks
    from span order by span.day`);
  return {
    artifactId: artifact.id,
    title: artifact.title,
    viewsCount: Number(artifact.views_count),
    viewsWeek: Number(artifact.views_week),
    forksCount: Number(artifact.public_forks_count),
    days: (series.rows as { day: string; views: number; forks: number }[]).map((r) => ({
      day: r.day,
      views: Number(r.views),
      forks: Number(r.forks),
    })),
  };
}
