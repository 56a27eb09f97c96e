import "server-only";
import { revokeSession } from "@/db/queries/sessions";

/**
 * Auth.js's signOut event (the /api/auth/signout endpoint and the sign-out action both raise it):
 * the token's session row is revoked, so a copy of the cookie taken before sign-out is dead too.
 */
export async function endSessionOnSignOut(
  message: { token?: { uid?: unknown; sid?: unknown } | null } | object,
): Promise<void> {
  const token = "token" in message ? message.token : null;
  if (token && typeof token.uid === "string" && typeof token.sid === "string") {
    await revokeSession({ userId: token.uid, sessionId: token.sid });
  }
}
