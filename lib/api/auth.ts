import "server-only";
import { authenticateToken, type TokenViewer } from "@/db/queries/tokens";
import type { TokenScope } from "@/domain/validation/token";
import { apiError } from "./errors";

// Who calls the API: a personal access token in `Authorization: Bearer …`, and nothing else.
// Cookies are never read here, so a page on another site cannot make a signed-in browser call the
// API (no CSRF route in), and a token never reaches the browser's server actions (those read only
// the session cookie, lib/auth/viewer.ts).

export type ApiViewer = TokenViewer;

const CHALLENGE = { "WWW-Authenticate": 'Bearer realm="vitrine"' };

function unauthorized(message: string): Response {
  return apiError("unauthorized", message, { headers: CHALLENGE });
}

/**
 * The token's viewer, or a 401 response. With `optional`, a request without an Authorization
 * header is anonymous (null) — public reads need no token — but a header that is present must be
 * a live token.
 */
export async function authenticateApiRequest(
  request: Request,
  options: { optional: true },
): Promise<ApiViewer | null | Response>;
export async function authenticateApiRequest(
  request: Request,
  options?: { optional?: false },
): Promise<ApiViewer | Response>;
export async function authenticateApiRequest(
  request: Request,
  options: { optional?: boolean } = {},
): Promise<ApiViewer | null | Response> {
  const header = request.headers.get("authorization");
  if (header === null) {
    if (options.optional) return null;
    return unauthorized(
      "This endpoint needs a personal access token: send Authorization: Bearer <token>. Browser cookies are not accepted by the API.",
    );
  }
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) return unauthorized("The Authorization header must be Bearer <token>.");
  const viewer = await authenticateToken(match[1]!);
  if (!viewer) return unauthorized("This token is not valid: it is unknown, expired or revoked.");
  return viewer;
}

/** A 403 when the token's scope does not allow `needed`; null when it does. */
export function requireScope(viewer: ApiViewer, needed: TokenScope): Response | null {
  if (needed === "write" && viewer.scope !== "write")
    return apiError("forbidden", "This token has the read scope; this request needs write.");
  return null;
}
