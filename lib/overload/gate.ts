// Load shedding at the door (issue 13: "bursts become 500s"). A page whose query waits longer than
// the pool's connect timeout fails inside React's render, where Next.js can only answer 500 (its
// error boundary has no status of its own). So the proxy asks this gate first: when the app's pool
// has every connection busy and a queue at least as long as the pool itself, the request is
// answered at once with 503 + Retry-After — a sentence for pages, the API's error shape for JSON —
// instead of joining a queue it would likely time out in. JSON route handlers that are admitted and
// still time out answer 503 themselves (answeringBusy, apiRoute in db/busy.ts, lib/api/http.ts).
//
// The pool is read from globalThis (db/index.ts caches it there) and never created here: the proxy
// runs before any page has touched the database, and an idle process has nothing to shed.
import type pg from "pg";
import { BUSY_MESSAGE, BUSY_RETRY_AFTER_SECONDS, busyResponse } from "@/db/busy";
import { apiError } from "@/lib/api/errors";

type PoolState = Pick<pg.Pool, "totalCount" | "idleCount" | "waitingCount"> & {
  options: { max?: number };
};

function appPool(): PoolState | undefined {
  return (globalThis as unknown as { vitrineDb?: { pool: PoolState } }).vitrineDb?.pool;
}

/** Every connection checked out and at least `max` requests already waiting for one. */
export function poolOverloaded(pool: PoolState | undefined = appPool()): boolean {
  if (!pool) return false;
  const max = pool.options.max ?? 10;
  return pool.totalCount >= max && pool.idleCount === 0 && pool.waitingCount >= max;
}

const BUSY_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Vitrine is busy</title></head>
<body><main><h1>Vitrine is busy right now</h1>
<p>Too many pages are being loaded at once. Please try again in a few seconds — nothing you saved was lost.</p>
<p><a href="">Try again</a></p></main></body></html>
`;

/** The 503 for this request's kind: the API error shape, a JSON sentence, or a small page. */
export function busyAnswer(pathname: string): Response {
  const retry = { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) };
  if (pathname.startsWith("/api/v1/")) return apiError("busy", BUSY_MESSAGE, { headers: retry });
  if (pathname.startsWith("/api/")) return busyResponse();
  return new Response(BUSY_PAGE, {
    status: 503,
    headers: { ...retry, "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/**
 * For proxy.ts, before anything else: `const shed = overloadResponse(request); if (shed) return shed;`
 * Static files and the preview's vendored packages never touch the database: never shed.
 */
export function overloadResponse(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  if (pathname.startsWith("/_next/") || pathname.startsWith("/sandbox/pkg/")) return null;
  return poolOverloaded() ? busyAnswer(pathname) : null;
}
