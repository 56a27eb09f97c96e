import "server-only";
import { and, desc, eq, isNull, ne, sql } from "drizzle-orm";
import { db } from "@/db/index";
import { profiles, userSessions, users } from "@/db/schema";

// Signed-in browsers (issue 12 item 12). A session JWT names its row here; the row decides whether
// the token still signs anyone in, so sign-out and "revoke" end a copied token too.

export async function startSession(userId: string, userAgent: string | null): Promise<string> {
  const [row] = await db
    .insert(userSessions)
    .values({ userId, userAgent: userAgent?.slice(0, 300) ?? null })
    .returning({ id: userSessions.id });
  return row!.id;
}

/** The user a token speaks for, when its session row is live; one query per request. */
export async function getSessionUserForToken(userId: string, sessionId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return null;
  const [row] = await db
    .select({
      id: users.id,
      sessionVersion: users.sessionVersion,
      handle: profiles.handle,
      avatarUrl: profiles.avatarUrl,
      // The moderator role (013_moderation.sql), in the same one query per request.
      isModerator: sql<boolean>`exists (select 1 from user_roles r where r.user_id = ${users.id} and r.role = 'moderator')`,
    })
    .from(userSessions)
    .innerJoin(users, eq(users.id, userSessions.userId))
    .leftJoin(profiles, eq(profiles.userId, users.id))
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Ends one of the user's sessions (scoped in SQL: nobody ends another user's). */
export async function revokeSession({
  userId,
  sessionId,
}: {
  userId: string;
  sessionId: string;
}): Promise<boolean> {
  if (!/^[0-9a-f-]{36}$/i.test(sessionId)) return false;
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.id, sessionId),
        eq(userSessions.userId, userId),
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length === 1;
}

/** Ends every session of the user but the current one. */
export async function revokeOtherSessions({
  userId,
  currentSessionId,
}: {
  userId: string;
  currentSessionId: string;
}): Promise<number> {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(userSessions.userId, userId),
        ne(userSessions.id, currentSessionId),
        isNull(userSessions.revokedAt),
      ),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

/** The user's live sessions, newest first, for account settings. */
export async function listSessions(userId: string) {
  return db
    .select({
      id: userSessions.id,
      createdAt: userSessions.createdAt,
      userAgent: userSessions.userAgent,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.createdAt))
    .limit(50);
}
