import { createHash } from "node:crypto";
import { after, NextResponse, type NextRequest } from "next/server";
import {
  beginPageRender,
  lookupPageCacheEntry,
  storePageCacheEntry,
  type PageCacheEntry,
} from "@/db/queries/page-cache";
import { recordView } from "@/db/queries/views";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { env } from "@/lib/env";
import { logger } from "@/lib/log";
import {
  APP_SECURITY_HEADERS,
  EMBED_SECURITY_HEADERS,
  cachedPageContentSecurityPolicy,
  isEmbedPath,
} from "@/lib/security-headers";
import { hashInlineScripts } from "./csp";
import { startPagePruner } from "./prune";
import { renderOverLoopback, type Rendered } from "./render";
import { bypassReason, cacheablePage, isSpeculativeRequest, type CacheablePage } from "./routes";

// The shared cache of anonymous public pages, as proxy.ts uses it (README "Fast public pages").
// Hit: the stored page, with a CSP by hash. Miss: rendered over loopback, stored, served. Anything
// that goes wrong with the cache itself (database down, slow, a render that cannot be stored) falls
// through to normal rendering: the cache never turns a page into an error.

export const CACHE_STATUS_HEADER = "x-vitrine-cache";
/** How long a cache lookup may take before the request is rendered normally instead. */
const DB_TIMEOUT_MS = 1_000;
/** Headers of a render worth replaying on a hit. */
const KEPT_HEADERS = ["vary", "link", "x-robots-tag", "content-language"];

export type CacheOutcome =
  | { kind: "served"; response: NextResponse }
  | { kind: "bypass"; reason: string }
  | { kind: "not-cacheable" };

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export async function servePageFromCache(
  request: NextRequest,
  requestId: string,
): Promise<CacheOutcome> {
  if (env.PAGE_CACHE === "off") return { kind: "not-cacheable" };
  const { pathname, searchParams } = request.nextUrl;
  const page = cacheablePage(pathname, searchParams);
  if (!page) return { kind: "not-cacheable" };
  const reason = bypassReason(request.method, request.headers, searchParams);
  if (reason) return { kind: "bypass", reason };
  startPagePruner();
  try {
    const entry = await withTimeout(lookupPageCacheEntry(page.key), DB_TIMEOUT_MS, "lookup");
    if (entry) {
      countView(request, page);
      return { kind: "served", response: cachedResponse(request, entry, "hit") };
    }
    if (request.method === "HEAD") return { kind: "bypass", reason: "head-miss" };
    const start = await withTimeout(beginPageRender(page), DB_TIMEOUT_MS, "snapshot");
    const rendered = await renderOverLoopback(page.key, requestId, env.PAGE_CACHE_MAX_BYTES);
    if (!rendered) return { kind: "bypass", reason: "too-big" };
    if (rendered.status !== 200 || rendered.headers["set-cookie"])
      return { kind: "bypass", reason: `status-${rendered.status}` };
    const entryToStore = toEntry(page, rendered);
    after(async () => {
      try {
        await storePageCacheEntry({ ...entryToStore, tags: start.tags, snapshot: start.snapshot });
      } catch (err) {
        logger(requestId).warn({ err }, "page not stored in the cache");
      }
    });
    countView(request, page);
    return { kind: "served", response: cachedResponse(request, entryToStore, "miss") };
  } catch (err) {
    logger(requestId).warn({ err, key: page.key }, "page cache unavailable; rendering normally");
    return { kind: "bypass", reason: "error" };
  }
}

function toEntry(page: CacheablePage, rendered: Rendered): PageCacheEntry {
  const contentType = String(rendered.headers["content-type"] ?? "text/html; charset=utf-8");
  const isHtml = contentType.startsWith("text/html");
  const { html, scriptHashes } = isHtml
    ? hashInlineScripts(rendered.body.toString("utf8"))
    : { html: null, scriptHashes: [] };
  const body = html === null ? rendered.body : Buffer.from(html, "utf8");
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = rendered.headers[name];
    if (value) headers[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { key: page.key, body, contentType, headers, scriptHashes, etag };
}

function cachedResponse(
  request: NextRequest,
  entry: PageCacheEntry,
  status: "hit" | "miss",
): NextResponse {
  const embed = isEmbedPath(request.nextUrl.pathname);
  const headers = new Headers(entry.headers);
  headers.set("Content-Type", entry.contentType);
  headers.set(
    "Content-Security-Policy",
    cachedPageContentSecurityPolicy(entry.scriptHashes, { frameable: embed }),
  );
  for (const [name, value] of Object.entries(embed ? EMBED_SECURITY_HEADERS : APP_SECURITY_HEADERS))
    headers.set(name, value);
  // Browsers and shared caches revalidate every time (the ETag makes that a 304); a signed-in
  // visitor's request differs by its cookie.
  headers.set("Cache-Control", "public, max-age=0, must-revalidate");
  headers.set("Vary", [headers.get("vary"), "Cookie"].filter(Boolean).join(", "));
  headers.set("ETag", entry.etag);
  headers.set(CACHE_STATUS_HEADER, status);
  const ifNoneMatch = request.headers.get("if-none-match");
  if (ifNoneMatch && ifNoneMatch.split(",").some((t) => t.trim() === entry.etag)) {
    headers.delete("Content-Type");
    return new NextResponse(null, { status: 304, headers });
  }
  headers.set("Content-Length", String(entry.body.length));
  const body = request.method === "HEAD" ? null : new Uint8Array(entry.body);
  return new NextResponse(body, { status: 200, headers });
}

/** A page served from the cache counts its view as its render would have (artifact-audience.tsx). */
function countView(request: NextRequest, page: CacheablePage) {
  if (!page.countsViewOf || request.method !== "GET" || isSpeculativeRequest(request.headers))
    return;
  const visit = {
    artifactId: page.countsViewOf,
    viewerId: null,
    ip: clientIpFrom(request.headers),
    userAgent: request.headers.get("user-agent"),
  };
  after(async () => {
    try {
      await recordView(visit);
    } catch (err) {
      logger().warn({ err }, "view not recorded");
    }
  });
}
