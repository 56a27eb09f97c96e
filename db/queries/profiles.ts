import "server-only";
import { and, desc, eq, isNotNull, or, sql, type SQL } from "drizzle-orm";
import { db } from "@/db/index";
import { artifacts, profiles } from "@/db/schema";
import { decodeTypedCursor, encodeCursor } from "@/domain/cursor";
import { cardColumns, type ArtifactCard, type Page } from "./artifacts";
import { uniqueViolation } from "./users";
import { visibleTo } from "./visibility";

// Profiles: the public page (/u/[handle]) and the owner's settings.

export const PROFILE_PAGE_SIZE = 24;

/** Handles are case-insensitive: the lookup uses the lower(handle) unique index. */
export async function getProfileByHandle(handle: string) {
  // Only the handle alphabet reaches SQL: NUL would be a PostgreSQL error (a 500), not a 404.
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(handle)) return null;
  const [row] = await db
    .select()
    .from(profiles)
    .where(sql`lower(${profiles.handle}) = lower(${handle})`)
    .limit(1);
  return row ?? null;
}

export async function getProfileByUserId(userId: string) {
  const [row] = await db.select().from(profiles).where(eq(profiles.userId, userId)).limit(1);
  return row ?? null;
}

export type ProfileStats = {
  publicArtifacts: number;
  likesReceived: number;
  forksReceived: number;
};

/**
 * Counts of public things only: private or hidden artifacts never show in anyone's numbers, and a
 * fork counts as received only when both it and the artifact it was forked from are public. The
 * counts are kept on the profile row by triggers in the write transactions (019_bounded_queries.sql),
 * so a profile view reads one row however much its owner published (the recount took 3.3 s for
 * the benchmark's heaviest user).
 */
export async function getProfileStats(userId: string): Promise<ProfileStats> {
  const [row] = await profileStatsQuery(userId);
  return row ?? { publicArtifacts: 0, likesReceived: 0, forksReceived: 0 };
}

/** getProfileStats' query, unexecuted (bench:scale prints its plan). */
export function profileStatsQuery(userId: string) {
  return db
    .select({
      publicArtifacts: profiles.publicArtifactsCount,
      likesReceived: profiles.likesReceivedCount,
      forksReceived: profiles.forksReceivedCount,
    })
    .from(profiles)
    .where(eq(profiles.userId, userId));
}

export const PROFILE_TABS = ["artifacts", "forks", "liked"] as const;
export type ProfileTab = (typeof PROFILE_TABS)[number];
export const PROFILE_SORTS = ["newest", "liked"] as const;
export type ProfileSort = (typeof PROFILE_SORTS)[number];

/**
 * An artifact that is a fork. forked_from_id goes NULL when the source is deleted; the stored
 * version label survives, so a fork of a deleted artifact is still a fork.
 */
function isFork(): SQL {
  return or(isNotNull(artifacts.forkedFromId), isNotNull(artifacts.forkedFromVersionLabel)) as SQL;
}

const createdKey = sql<string>`to_char(${artifacts.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * A profile tab, keyset-paginated (never OFFSET): newest on (created_at, id) via artifacts_owner_idx,
 * most liked on (likes_count, id) via artifacts_owner_likes_idx. Private artifacts appear only when
 * the viewer is the owner (visibleTo). Never selects code.
 */
export async function listProfileArtifacts({
  ownerUserId,
  viewerId,
  tab,
  sort,
  cursor,
  limit = PROFILE_PAGE_SIZE,
}: {
  ownerUserId: string;
  viewerId: string | null;
  tab: ProfileTab;
  sort: ProfileSort;
  cursor?: string | null;
  limit?: number;
}): Promise<Page<ArtifactCard>> {
  const byLikes = sort === "liked";
  const after = decodeTypedCursor(cursor, byLikes ? "int4" : "timestamptz");
  const cursorKey = byLikes ? sql<string>`${artifacts.likesCount}::text` : createdKey;
  let afterCondition: SQL | undefined;
  if (after && byLikes) {
    afterCondition = sql`(${artifacts.likesCount}, ${artifacts.id}) < (${Number(after.key)}::int, ${after.id}::uuid)`;
  } else if (after) {
    afterCondition = sql`(${artifacts.createdAt}, ${artifacts.id}) < (${after.key}::timestamptz, ${after.id}::uuid)`;
  }
  const rows = await db
    // The gallery card's columns (never code_content), with this tab's own cursor key.
    .select({ ...cardColumns, cursorKey })
    .from(artifacts)
    .leftJoin(profiles, eq(profiles.userId, artifacts.ownerUserId))
    .where(
      and(
        eq(artifacts.ownerUserId, ownerUserId),
        visibleTo(artifacts, viewerId),
        tab === "forks" ? isFork() : undefined,
        afterCondition,
      ),
    )
    .orderBy(
      ...(byLikes
        ? [desc(artifacts.likesCount), desc(artifacts.id)]
        : [desc(artifacts.createdAt), desc(artifacts.id)]),
    )
    .limit(limit + 1);
  const items = rows.slice(0, limit) as ArtifactCard[];
  const last = items[items.length - 1];
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ key: last.cursorKey, id: last.id }) : null,
  };
}

export type ProfileUpdate = {
  handle: string;
  displayName: string | null;
  bio: string | null;
  age: number | null;
  gender: string | null;
  /** Whether age and gender appear on the public profile (default off, migration 015). */
  showAge?: boolean;
  showGender?: boolean;
  city: string | null;
  country: string | null;
};

/** Updates the caller's own profile (the user id comes from the session, never from the form). */
export async function updateProfile(
  userId: string,
  update: ProfileUpdate,
): Promise<{ ok: true } | { ok: false; reason: "handle-taken" | "not-found" }> {
  try {
    const rows = await db
      .update(profiles)
      .set({ ...update, updatedAt: sql`now()` })
      .where(eq(profiles.userId, userId))
      .returning({ userId: profiles.userId });
    return rows.length ? { ok: true } : { ok: false, reason: "not-found" };
  } catch (err) {
    if (uniqueViolation(err) === "profiles_handle_lower_idx")
      return { ok: false, reason: "handle-taken" };
    throw err;
  }
}

/** Points the profile at a new avatar and returns the previous one (to delete its file). */
export async function setAvatarUrl(
  userId: string,
  avatarUrl: string,
): Promise<{ previous: string | null } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ avatarUrl: profiles.avatarUrl })
      .from(profiles)
      .where(eq(profiles.userId, userId))
      .for("update");
    if (!current) return null;
    await tx
      .update(profiles)
      .set({ avatarUrl, updatedAt: sql`now()` })
      .where(eq(profiles.userId, userId));
    return { previous: current.avatarUrl };
  });
}

export async function removeAvatar(userId: string): Promise<{ previous: string | null } | null> {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ avatarUrl: profiles.avatarUrl })
      .from(profiles)
      .where(eq(profiles.userId, userId))
      .for("update");
    if (!current) return null;
    await tx
      .update(profiles)
      .set({ avatarUrl: null, updatedAt: sql`now()` })
      .where(eq(profiles.userId, userId));
    return { previous: current.avatarUrl };
  });
}
