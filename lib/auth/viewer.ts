import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getSessionUser } from "@/db/queries/users";
import { auth } from "./auth";

export type Viewer = { id: string; handle: string | null };

/**
 * The signed-in user for this request, or null. The JWT says who it was issued to; the database
 * says whether that still holds: a deleted user, or a session from before a password change
 * (session_version moved on), is signed out on its next request. Memoised per request.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const id = session?.user?.id;
  const sv = (session as { sv?: unknown } | null)?.sv;
  if (typeof id !== "string" || typeof sv !== "number") return null;
  const row = await getSessionUser(id);
  if (!row || row.sessionVersion !== sv) return null;
  return { id: row.id, handle: row.handle };
});

/** The viewer with their avatar, for the header. */
export const getViewerProfile = cache(async () => {
  const viewer = await getViewer();
  if (!viewer) return null;
  const row = await getSessionUser(viewer.id);
  return row ? { ...viewer, avatarUrl: row.avatarUrl } : null;
});

/**
 * For pages and actions that need a user: signed-out people are sent to sign in, and come back to
 * `callbackPath` (a same-origin path) afterwards.
 */
export async function requireUser(callbackPath?: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (viewer) return viewer;
  const target = callbackPath && callbackPath.startsWith("/") && !callbackPath.startsWith("//") ? callbackPath : null;
  redirect(target ? `/login?callbackUrl=${encodeURIComponent(target)}` : "/login");
}
