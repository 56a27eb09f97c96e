import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { artifacts } from "@/db/schema";
import { isCountableUserAgent, MAX_USER_AGENT, utcDay } from "@/domain/social/visitors";
import { visibleTo } from "./visibility";

// View counts (014_social_graph.sql). A view is counted once per visitor per artifact per UTC day:
// the insert into artifact_views hits its primary key on a repeat and does nothing, and views_count
// and views_week move in the SAME statement only when a row was inserted — exact under any
// concurrency, like likes. Anonymous visitors are a salted hash of address + user agent; the salt is
// the day's row in view_salts, so the hash is computed inside PostgreSQL and the address is never
// stored. The owner, bots and anything the visitor may not see are not counted.

export type ViewInput = {
  artifactId: string;
  viewerId: string | null;
  /** Client address (lib/auth/client-ip.ts); used only inside the hash. */
  ip: string;
  userAgent: string | null;
};

/**
 * What one counted view adds to trending, against a like's 1 and a fork's 2 (004_create_social.sql):
 * a visitor is a weak signal, and anonymous ones are cheap to multiply. Dated at the start of its
 * UTC day, so gallery.ts recomputeTrendingScores can rebuild it from the per-day counts exactly.
 */
export const VIEW_TREND_WEIGHT = 0.2;

export type ViewOutcome = "counted" | "repeat" | "not-counted";

/**
 * The daily roll-over, idempotent and safe to run from every process: today's salt (older ones
 * deleted); raw visitor rows older than yesterday aggregated into artifact_view_days and deleted;
 * days that left the seven-day window taken off views_week, each exactly once (left_week).
 * `today` is for tests; by default PostgreSQL's UTC date.
 */
export async function rollViewDay(database: Database = db, today?: string): Promise<string> {
  return database.transaction(async (tx) => {
    // One roll-over at a time across processes; the steps are idempotent anyway.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('vitrine:view-day'))`);
    const day = today
      ? today
      : String(
          (await tx.execute(sql`select ((now() at time zone 'UTC')::date)::text as d`)).rows[0]!.d,
        );
    await tx.execute(sql`insert into view_salts (day, salt) values (${day}::date, ${randomBytes(32)})
      on conflict do nothing`);
    await tx.execute(sql`delete from view_salts where day < ${day}::date`);
    await tx.execute(sql`
      with moved as (
        delete from artifact_views where day < ${day}::date - 1 returning artifact_id, day
      )
      insert into artifact_view_days (artifact_id, day, views)
      select artifact_id, day, count(*)::int from moved group by artifact_id, day
      on conflict (artifact_id, day) do update set views = artifact_view_days.views + excluded.views`);
    await tx.execute(sql`
      with gone as (
        update artifact_view_days set left_week = true
        where day <= ${day}::date - 7 and not left_week
        returning artifact_id, views
      ), per_artifact as (
        select artifact_id, sum(views)::int as views from gone group by artifact_id
      )
      update artifacts a set views_week = a.views_week - p.views
      from per_artifact p where a.id = p.artifact_id`);
    return day;
  });
}

let rolledDay: string | null = null;

/** Runs the roll-over once per process per UTC day (a few milliseconds, then nothing until tomorrow). */
export async function ensureViewDay(): Promise<void> {
  const today = utcDay(new Date());
  if (rolledDay === today) return;
  await rollViewDay();
  rolledDay = today;
}

async function insertView(input: ViewInput, database: Database) {
  const ua = (input.userAgent ?? "").slice(0, MAX_USER_AGENT);
  const result = await database.execute(sql`
    with today as (
      select (now() at time zone 'UTC')::date as day
    ), target as (
      select id from artifacts
      where id = ${input.artifactId} and ${visibleTo(artifacts, null)}
        and owner_user_id is distinct from ${input.viewerId}::uuid
    ), visitor as (
      select case when ${input.viewerId}::uuid is not null then 'u:' || ${input.viewerId}::text
        else (select 'a:' || encode(sha256(s.salt || convert_to(${input.ip} || E'\n' || ${ua}, 'UTF8')), 'hex')
              from view_salts s, today where s.day = today.day) end as key
    ), ins as (
      insert into artifact_views (artifact_id, day, visitor)
      select target.id, today.day, visitor.key from target, today, visitor where visitor.key is not null
      on conflict do nothing
      returning artifact_id
    ), upd as (
      update artifacts set views_count = views_count + 1, views_week = views_week + 1,
        trending_score = trending_score + ${VIEW_TREND_WEIGHT} * vitrine_trend_weight((select day from today)::timestamp at time zone 'UTC')
      where id = (select artifact_id from ins)
      returning views_count
    ), async_commit as (
      select set_config('synchronous_commit', 'off', true)
    )
    select exists (select 1 from target) as found, exists (select 1 from upd) as counted,
      (select key is not null from visitor) as keyed, (select count(*) from async_commit) as _`);
  return result.rows[0] as { found: boolean; counted: boolean; keyed: boolean };
}

async function recordViewUngated(input: ViewInput, database: Database = db): Promise<ViewOutcome> {
  if (!isCountableUserAgent(input.userAgent)) return "not-counted";
  if (database === db) await ensureViewDay();
  let row = await insertView(input, database);
  // No salt for today yet (another process's first view of the day raced midnight): roll, retry.
  if (row.found && !row.keyed) {
    await rollViewDay(database);
    row = await insertView(input, database);
  }
  if (!row.found || !row.keyed) return "not-counted";
  return row.counted ? "counted" : "repeat";
}

/** Per artifact, what its counted views add to trending (for gallery.ts recomputeTrendingScores). */
export function viewTrendScores() {
  return sql`
    select artifact_id, ${VIEW_TREND_WEIGHT} * sum(views * vitrine_trend_weight(day::timestamp at time zone 'UTC')) as score
    from (select artifact_id, day, views from artifact_view_days
          union all
          select artifact_id, day, count(*) from artifact_views group by artifact_id, day) per_day
    group by artifact_id`;
}

/** Counts a view, in a write slot (db/busy.ts). Called after the response (next/server after()). */
export const recordView = (...args: Parameters<typeof recordViewUngated>) =>
  withWriteSlot(() => recordViewUngated(...args));

/** The counted views of an artifact the viewer may see (null: no such artifact for them). */
export async function getViewCounts(
  artifactId: string,
  viewerId: string | null,
): Promise<{ viewsCount: number; viewsWeek: number } | null> {
  const result = await db.execute(sql`
    select views_count, views_week from artifacts
    where id = ${artifactId} and ${visibleTo(artifacts, viewerId)}`);
  const row = result.rows[0] as { views_count: number; views_week: number } | undefined;
  return row ? { viewsCount: Number(row.views_count), viewsWeek: Number(row.views_week) } : null;
}

/** Views of a profile's public artifacts (the profile stat): private work never counts. */
export async function getProfileViews(ownerUserId: string): Promise<number> {
  const result = await db.execute(sql`
    select coalesce(sum(views_count), 0)::int as views from artifacts
    where owner_user_id = ${ownerUserId} and ${visibleTo(artifacts, null)}`);
  return Number((result.rows[0] as { views: number }).views);
}
