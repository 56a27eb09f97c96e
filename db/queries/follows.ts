import "server-only";
import { sql } from "drizzle-orm";
import { db, type Database } from "@/db/index";
import { withWriteSlot } from "@/db/busy";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { artifactsAs, visibleTo } from "./visibility";

// Follows move followers_count (the followee's profile) and following_count (the follower's) in the
// SAME statement as the follows row, like likes (likes.ts): the counters change only when the row
// was really inserted / deleted (ON CONFLICT DO NOTHING / DELETE … RETURNING), so they equal a
// recount under any concurrency. Both profiles are moved by ONE update whose rows are visited in
// primary-key order, so "A follows B" and "B follows A" at once lock the pair in the same order.
// Account deletion (a cascade that never passes here) is 014's deferred trigger.

export const FOLLOW_PAGE_SIZE = 30;

export type FollowResult =
  | { status: "ok"; following: boolean; followersCount: number }
  | { status: "not-found" }
  | { status: "self" };

type Row = { found: boolean; followers_count: number | null };

const DEADLOCK = "40P01";

/** A deadlock is PostgreSQL refusing one of two crossing statements; running it again is safe. */
async function retryDeadlock<T>(run: () => Promise<T>, attempts = 3): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string; cause?: { code?: string } }).cause?.code;
      if (i >= attempts || ((err as { code?: string }).code !== DEADLOCK && code !== DEADLOCK))
        throw err;
    }
  }
}

async function setFollowUngated(
  { followerId, followeeId, follow }: { followerId: string; followeeId: string; follow: boolean },
  database: Database = db,
): Promise<FollowResult> {
  if (followerId === followeeId) return { status: "self" };
  // Both people must have a profile (a handle): the counters live there.
  const change = follow
    ? sql`ins as (
        insert into follows (follower_user_id, followee_user_id)
        select ${followerId}, user_id from target
        on conflict do nothing
        returning followee_user_id
      ), upd as (
        update profiles set
          followers_count = followers_count + (user_id = ${followeeId})::int,
          following_count = following_count + (user_id = ${followerId})::int
        where user_id in (${followerId}, ${followeeId}) and exists (select 1 from ins)
        returning user_id, followers_count
      )`
    : sql`ins as (
        delete from follows
        where follower_user_id = ${followerId} and followee_user_id = (select user_id from target)
        returning followee_user_id
      ), upd as (
        update profiles set
          followers_count = followers_count - (user_id = ${followeeId})::int,
          following_count = following_count - (user_id = ${followerId})::int
        where user_id in (${followerId}, ${followeeId}) and exists (select 1 from ins)
        returning user_id, followers_count
      )`;
  const result = await retryDeadlock(() =>
    database.execute(sql`
      with target as (
        select user_id, followers_count from profiles
        where user_id = ${followeeId}
          and exists (select 1 from profiles me where me.user_id = ${followerId})
      ), ${change}
      select exists (select 1 from target) as found,
        coalesce((select followers_count from upd where user_id = ${followeeId}),
                 (select followers_count from target)) as followers_count`),
  );
  const row = result.rows[0] as Row | undefined;
  if (!row?.found) return { status: "not-found" };
  return { status: "ok", following: follow, followersCount: Number(row.followers_count ?? 0) };
}

/** Follow or unfollow, in a write slot (db/busy.ts): overload is "busy, try again". */
export const setFollow = (...args: Parameters<typeof setFollowUngated>) =>
  withWriteSlot(() => setFollowUngated(...args));

/** Whether the viewer follows this person (for the button's first render). */
export async function viewerFollows(viewerId: string | null, userId: string): Promise<boolean> {
  if (!viewerId || viewerId === userId) return false;
  const result = await db.execute(sql`select 1 from follows
    where follower_user_id = ${viewerId} and followee_user_id = ${userId} limit 1`);
  return result.rows.length > 0;
}

export type FollowPerson = {
  userId: string;
  handle: string;
  displayName: string | null;
  avatarUrl: string | null;
  bio: string | null;
  followersCount: number;
};
export type FollowPage = { items: FollowPerson[]; nextCursor: string | null };

type PersonRow = {
  user_id: string;
  handle: string;
  display_name: string | null;
  avatar_url: string | null;
  bio: string | null;
  followers_count: number;
  cursor_key: string;
};

function toPerson(r: PersonRow): FollowPerson {
  return {
    userId: r.user_id,
    handle: r.handle,
    displayName: r.display_name,
    avatarUrl: r.avatar_url,
    bio: r.bio,
    followersCount: Number(r.followers_count),
  };
}

/**
 * Who follows `userId` ("followers") or whom `userId` follows ("following"), most recent first,
 * keyset-paged on (follows.created_at, the other person's id) — each direction walks its own index.
 */
export async function listFollows({
  userId,
  direction,
  cursor,
  limit = FOLLOW_PAGE_SIZE,
}: {
  userId: string;
  direction: "followers" | "following";
  cursor?: string | null;
  limit?: number;
}): Promise<FollowPage> {
  const after = decodeTypedCursor(cursor, "timestamptz");
  const [self, other] =
    direction === "followers"
      ? [sql.raw("followee_user_id"), sql.raw("follower_user_id")]
      : [sql.raw("follower_user_id"), sql.raw("followee_user_id")];
  const result = await db.execute(sql`
    select p.user_id, p.handle, p.display_name, p.avatar_url, p.bio, p.followers_count,
      to_char(f.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_key
    from follows f join profiles p on p.user_id = f.${other}
    where f.${self} = ${userId}
      ${after ? sql`and (f.created_at, f.${other}) < (${after.key}::timestamptz, ${after.id}::uuid)` : sql``}
    order by f.created_at desc, f.${other} desc
    limit ${limit + 1}`);
  const rows = result.rows as PersonRow[];
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(toPerson),
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursor_key, id: last.user_id }) : null,
  };
}

/**
 * People to follow (the empty feed): those with public work, most followed first, leaving out the
 * viewer and whoever they already follow.
 */
export async function suggestPeopleToFollow(viewerId: string, limit = 6): Promise<FollowPerson[]> {
  const a = artifactsAs("a");
  const result = await db.execute(sql`
    select p.user_id, p.handle, p.display_name, p.avatar_url, p.bio, p.followers_count, '' as cursor_key
    from profiles p
    where p.user_id <> ${viewerId}
      and not exists (select 1 from follows f
                      where f.follower_user_id = ${viewerId} and f.followee_user_id = p.user_id)
      and exists (select 1 from artifacts a where a.owner_user_id = p.user_id and ${visibleTo(a, null)})
    order by p.followers_count desc, p.handle
    limit ${limit}`);
  return (result.rows as PersonRow[]).map(toPerson);
}
