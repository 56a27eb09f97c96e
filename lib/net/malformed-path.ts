import { NextResponse, type NextRequest } from "next/server";
import { notFound as apiNotFound } from "@/lib/api/errors";
import { APP_SECURITY_HEADERS, appContentSecurityPolicy } from "@/lib/security-headers";

// A path segment that is not valid percent-encoding (`/u/%FF`, `/a/%E0%A4%A/diff`, `/api/v1/users/%`)
// makes Next.js 16 fail while it decodes a dynamic route's params: a bare 500 "Internal Server
// Error", before any page or route handler of ours runs. Such a URL names nothing, so it gets what
// an unknown id gets: the not-found page (404) — or, under /api, the API's 404 JSON.

/** An app path no route matches: Next renders app/not-found.tsx for it, with status 404. */
export const UNMATCHED_PATH = "/_not-a-route";

/** True when some segment of `pathname` is not valid percent-encoding. */
export function hasMalformedSegment(pathname: string): boolean {
  return pathname.split("/").some((segment) => {
    try {
      decodeURIComponent(segment);
      return false;
    } catch {
      return true;
    }
  });
}

/**
 * The proxy's answer to a path with a malformed segment (null for every other path): the API's
 * not-found JSON under /api, otherwise a rewrite to the not-found page — with the app's CSP (a
 * fresh nonce, which Next stamps on its scripts) and security headers, as proxy.ts gives any page.
 */
export function answerMalformedPath(
  request: NextRequest,
  requestHeaders: Headers,
): NextResponse | null {
  const { pathname } = request.nextUrl;
  if (!hasMalformedSegment(pathname)) return null;
  let response: NextResponse;
  if (pathname === "/api" || pathname.startsWith("/api/")) {
    const body = apiNotFound();
    response = new NextResponse(body.body, { status: body.status, headers: body.headers });
  } else {
    const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
    const csp = appContentSecurityPolicy(nonce);
    requestHeaders.set("Content-Security-Policy", csp);
    requestHeaders.set("x-nonce", nonce);
    response = NextResponse.rewrite(new URL(UNMATCHED_PATH, request.url), {
      request: { headers: requestHeaders },
    });
    response.headers.set("Content-Security-Policy", csp);
  }
  for (const [name, value] of Object.entries(APP_SECURITY_HEADERS))
    response.headers.set(name, value);
  return response;
}
