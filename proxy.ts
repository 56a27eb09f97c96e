import { NextResponse, type NextRequest } from "next/server";
import { answerMalformedPath } from "@/lib/net/malformed-path";
import {
  APP_SECURITY_HEADERS,
  EMBED_SECURITY_HEADERS,
  EMBED_REQUEST_HEADER,
  PREVIEW_PATH_PREFIX,
  appContentSecurityPolicy,
  isEmbedPath,
  isPreviewDocumentPath,
  isPreviewHost,
  isUserContentPath,
  previewSecurityHeaders,
  USER_CONTENT_CSP,
} from "@/lib/security-headers";
import { appOrigin } from "@/lib/env";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";
import { markCacheRender } from "@/lib/page-cache/marker";
import { CACHE_STATUS_HEADER, servePageFromCache } from "@/lib/page-cache/serve";
import { overloadResponse } from "@/lib/overload/gate";

const NOT_FOUND_HEADERS = {
  "Content-Type": "text/plain; charset=utf-8",
  "X-Content-Type-Options": "nosniff",
  "Cache-Control": "no-store",
};

function notFound(extra: Record<string, string> = {}) {
  return new NextResponse("Not found", {
    status: 404,
    headers: { ...NOT_FOUND_HEADERS, ...extra },
  });
}

/** A POST carrying Next's action header whose Origin is present and is not the app's own. */
function isCrossSiteServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  return origin !== null && origin !== new URL(appOrigin()).origin;
}

// Routing only — never authorisation (every page, action and route checks access in db/queries).
// 1. The preview host answers the preview documents (GET only) and nothing else — not the app's
//    pages, not /api, not server actions, not /_next bundles, not Next's own not-found page.
//    The app host never answers /sandbox/*.
// 2. App responses get a per-request CSP nonce and the security headers; uploads and artifact
//    images keep their own `default-src 'none'; sandbox` instead (set here too, so it holds on
//    every answer of those routes, 404s included).
//    Embed pages (/embed/*) alone may be framed by any site: `frame-ancestors *`, no X-Frame-Options,
//    and the root layout drops the site's header and footer for them (EMBED_REQUEST_HEADER).
// 3. Anonymous GETs of public pages are answered from the shared page cache (lib/page-cache,
//    README "Fast public pages"), with a CSP by hash instead of a nonce; everything else renders as before.
// 4. Every request gets an id (the caller's, when sane — lib/log/request-id.ts): forwarded to the
//    server as `x-request-id`, where lib/log stamps it on every log line, and echoed in the response
//    so a user's report or the load balancer's log can be matched to ours.
export async function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get(REQUEST_ID_HEADER));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  const response = await route(request, requestHeaders, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

/** Passes the request on with `headers` (the request id, and the nonce for app pages). */
function next(headers: Headers) {
  return NextResponse.next({ request: { headers } });
}

async function route(
  request: NextRequest,
  requestHeaders: Headers,
  requestId: string,
): Promise<NextResponse> {
  const { pathname } = request.nextUrl;
  if (isPreviewHost(request.headers.get("host"))) {
    const allowed =
      isPreviewDocumentPath(pathname) && (request.method === "GET" || request.method === "HEAD");
    if (!allowed) return notFound(previewSecurityHeaders());
    return next(requestHeaders);
  }
  if (pathname.startsWith(PREVIEW_PATH_PREFIX)) return notFound();
  if (pathname.startsWith("/_next/")) return next(requestHeaders);
  const malformed = answerMalformedPath(request, requestHeaders); // `/u/%FF`: 404, not 500
  if (malformed) return malformed;
  // A server action posted from another origin: Next.js refuses it too, but as a 500; say it plainly.
  if (isCrossSiteServerAction(request)) {
    return new NextResponse("Cross-site form submissions are not allowed.", {
      status: 403,
      headers: NOT_FOUND_HEADERS,
    });
  }
  if (isUserContentPath(pathname)) {
    const response = next(requestHeaders);
    response.headers.set("Content-Security-Policy", USER_CONTENT_CSP);
    for (const [name, value] of Object.entries(APP_SECURITY_HEADERS))
      response.headers.set(name, value);
    return response;
  }

  markCacheRender(request.headers, requestHeaders);
  const cached = await servePageFromCache(request, requestId);
  if (cached.kind === "served") return cached.response;
  // Load shedding before a render (lib/overload/gate.ts): past the cache, so pages it serves are
  // never turned away by a queue they would only have waited in for one short lookup.
  const shed = overloadResponse(request);
  if (shed) return new NextResponse(shed.body, { status: shed.status, headers: shed.headers });

  const embed = isEmbedPath(pathname);
  // Only the proxy says a page is an embed; a client's own header is never trusted.
  if (embed) requestHeaders.set(EMBED_REQUEST_HEADER, "1");
  else requestHeaders.delete(EMBED_REQUEST_HEADER);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = appContentSecurityPolicy(nonce, { frameable: embed });
  // Next.js reads the nonce from this request header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = next(requestHeaders);
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(embed ? EMBED_SECURITY_HEADERS : APP_SECURITY_HEADERS))
    response.headers.set(name, value);
  if (cached.kind === "bypass") response.headers.set(CACHE_STATUS_HEADER, "bypass");
  return response;
}

export const config = {
  // Everything, static assets included: the preview host must not serve the app's bundles either.
  matcher: ["/:path*"],
};
