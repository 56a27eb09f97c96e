import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { artifactMedia, artifacts, profiles, users } from "@/db/schema";

// Accounts: sign-up, sign-in look-ups, the per-request session check, password change, deletion.

/** Postgres unique violation, seen through Drizzle's error wrapper. */
export function uniqueViolation(err: unknown): string | null {
  for (let e: unknown = err; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pgErr = e as { code?: string; constraint?: string };
    if (pgErr.code === "23505") return pgErr.constraint ?? "unknown";
  }
  return null;
}

export type CreateUserResult =
  { ok: true; userId: string } | { ok: false; reason: "handle-taken" | "email-taken" };

/**
 * A new email + password account with its profile, in one transaction. Two people claiming one
 * handle at the same moment: the lower(handle) unique index lets one commit, the other gets
 * "handle-taken" (never a 500).
 */
export async function createUserWithPassword({
  email,
  handle,
  passwordHash,
}: {
  email: string;
  handle: string;
  passwordHash: string;
}): Promise<CreateUserResult> {
  try {
    const userId = await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({ email, passwordHash })
        .returning({ id: users.id });
      await tx.insert(profiles).values({ userId: user!.id, handle });
      return user!.id;
    });
    return { ok: true, userId };
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === "profiles_handle_lower_idx") return { ok: false, reason: "handle-taken" };
    if (constraint === "users_email_key") return { ok: false, reason: "email-taken" };
    throw err;
  }
}

/** A profile for a user who signed in with OAuth and has none yet. */
export async function createProfileForUser({
  userId,
  handle,
  displayName,
}: {
  userId: string;
  handle: string;
  displayName?: string | null;
}): Promise<{ ok: true } | { ok: false; reason: "handle-taken" | "has-profile" }> {
  try {
    await db
      .insert(profiles)
      .values({ userId, handle, displayName: displayName?.slice(0, 80) || null });
    return { ok: true };
  } catch (err) {
    const constraint = uniqueViolation(err);
    if (constraint === "profiles_handle_lower_idx") return { ok: false, reason: "handle-taken" };
    if (constraint === "profiles_pkey") return { ok: false, reason: "has-profile" };
    throw err;
  }
}

export async function getUserForSignIn(email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      passwordHash: users.passwordHash,
    })
    .from(users)
    .where(eq(users.email, email.toLowerCase()))
    .limit(1);
  return row ?? null;
}

/** What every request checks: does the user still exist, and is the session's version current? */
export async function getSessionUser(userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      sessionVersion: users.sessionVersion,
      handle: profiles.handle,
      avatarUrl: profiles.avatarUrl,
    })
    .from(users)
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1);
  return row ?? null;
}

export async function getPasswordHash(userId: string): Promise<string | null> {
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.passwordHash ?? null;
}

/**
 * Sets a new password hash and bumps session_version, which signs out every other session.
 * `expectedHash` makes it a compare-and-set: a concurrent change in between wins, this one fails.
 */
export async function setPasswordHash({
  userId,
  expectedHash,
  passwordHash,
}: {
  userId: string;
  expectedHash: string;
  passwordHash: string;
}): Promise<number | null> {
  const [row] = await db
    .update(users)
    .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(and(eq(users.id, userId), eq(users.passwordHash, expectedHash)))
    .returning({ sessionVersion: users.sessionVersion });
  return row?.sessionVersion ?? null;
}

/**
 * Deletes the account. Foreign keys do the rest: the profile, accounts, artifacts, their versions
 * and media go (ON DELETE CASCADE); other people's forks keep existing with forked_from_* set to
 * NULL (ON DELETE SET NULL), which the UI shows as "forked from a deleted artifact".
 * The leaver's likes and comments on other people's artifacts go too, and their counters with them.
 * Returns the URLs of stored files (avatar, screenshots, thumbnails) so the caller can remove them,
 * or null if there was no such user.
 */
export async function deleteUser(userId: string): Promise<{ fileUrls: string[] } | null> {
  return db.transaction(async (tx) => {
    const [profile] = await tx
      .select({ avatarUrl: profiles.avatarUrl })
      .from(profiles)
      .where(eq(profiles.userId, userId));
    const media = await tx
      .select({ screenshotUrl: artifactMedia.screenshotUrl, thumbUrl: artifactMedia.thumbUrl })
      .from(artifactMedia)
      .innerJoin(artifacts, eq(artifacts.id, artifactMedia.artifactId))
      .where(eq(artifacts.ownerUserId, userId));
    await releaseCountersOf(tx, userId);
    const deleted = await tx.delete(users).where(eq(users.id, userId)).returning({ id: users.id });
    if (!deleted.length) return null;
    const fileUrls = [profile?.avatarUrl, ...media.flatMap((m) => [m.screenshotUrl, m.thumbUrl])];
    return { fileUrls: fileUrls.filter((u): u is string => Boolean(u)) };
  });
}

type Tx = Parameters<Parameters<typeof db.transaction>[0]>[0];

/**
 * Likes and comments are removed by ON DELETE CASCADE, but likes_count, trending_score and
 * comments_count are kept by the statements that like and comment (db/queries/likes.ts,
 * comments.ts), not by triggers — so the leaver's rows are deleted here first, each counter moving
 * in the same statement as the rows that justify it. Their own artifacts are deleted whole.
 */
async function releaseCountersOf(tx: Tx, userId: string): Promise<void> {
  await tx.execute(sql`
    with gone as (
      delete from likes where user_id = ${userId} returning artifact_id, created_at
    ), per_artifact as (
      select artifact_id, count(*)::int as n, sum(vitrine_trend_weight(created_at)) as weight
        from gone group by artifact_id
    )
    update artifacts a
       set likes_count = a.likes_count - p.n,
           trending_score = greatest(0, a.trending_score - p.weight)
      from per_artifact p
     where a.id = p.artifact_id`);
  await tx.execute(sql`
    with gone as (
      delete from comments where author_user_id = ${userId} returning artifact_id
    ), per_artifact as (
      select artifact_id, count(*)::int as n from gone group by artifact_id
    )
    update artifacts a
       set comments_count = a.comments_count - p.n
      from per_artifact p
     where a.id = p.artifact_id`);
}
