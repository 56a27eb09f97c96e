import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUserForToken } from "@/db/queries/sessions";
import { env } from "@/lib/env";

export type Viewer = {
  id: string;
  handle: string | null;
  sessionId?: string;
  /** Holds the moderator role (npm run vitrine -- role grant): may open /moderation. */
  isModerator?: boolean;
};

const SESSION_COOKIE = "authjs.session-token";
const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;

/**
 * The session token as this request sees it. Read from cookies() rather than the request headers
 * (which is what auth() does), so that a token re-issued earlier in the same request — by sign-in
 * or by the password change — is the one checked when the page re-renders after the action.
 */
async function readSessionToken() {
  // cookies() first, always: it is what marks every page that asks for the viewer as per-request.
  // (Returning before it would let `next build` prerender such a page as "signed out".)
  const jar = await cookies();
  if (!env.AUTH_SECRET) return null;
  const secureCookie = jar.getAll().some((c) => c.name.startsWith(SECURE_SESSION_COOKIE));
  try {
    return await getToken({
      req: { headers: new Headers({ cookie: jar.toString() }) },
      secret: env.AUTH_SECRET,
      secureCookie,
      cookieName: secureCookie ? SECURE_SESSION_COOKIE : SESSION_COOKIE,
    });
  } catch {
    return null;
  }
}

/**
 * The signed-in user for this request, or null. The JWT (issued by Auth.js, lib/auth/auth.ts) says
 * who it was issued to; the database says whether that still holds: a deleted user, or a session
 * from before a password change (session_version moved on), is signed out on its next request.
 * Memoised per request with React cache().
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const row = await currentUserRow();
  return row
    ? { id: row.id, handle: row.handle, sessionId: row.sessionId, isModerator: row.isModerator }
    : null;
});

/** The viewer with their avatar, for the header (same single query as getViewer). */
export const getViewerProfile = cache(async () => {
  const row = await currentUserRow();
  return row ? { id: row.id, handle: row.handle, avatarUrl: row.avatarUrl } : null;
});

const currentUserRow = cache(async () => {
  const token = await readSessionToken();
  const id = token?.uid;
  const sv = token?.sv;
  const sid = token?.sid;
  // A token without a live session row (signed out, revoked, or issued before sessions were
  // recorded) signs nobody in.
  if (typeof id !== "string" || typeof sv !== "number" || typeof sid !== "string") return null;
  const row = await getSessionUserForToken(id, sid);
  return row && row.sessionVersion === sv ? { ...row, sessionId: sid } : null;
});

/**
 * For pages and actions that need a user: signed-out people are sent to sign in, and come back to
 * `callbackPath` (a same-origin path) afterwards.
 */
export async function requireUser(callbackPath?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const target =
    callbackPath && callbackPath.startsWith("/") && !callbackPath.startsWith("//")
      ? callbackPath
      : null;
  redirect(target ? `/login?callbackUrl=${encodeURIComponent(target)}` : "/login");
}
