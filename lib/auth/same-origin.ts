import { appOrigin } from "@/lib/env";

/**
 * Route handlers get no CSRF protection from Next.js (only server actions do), so every non-GET
 * handler calls this: the request must come from our own pages. `Origin: null` (sandboxed frames,
 * e.g. an artifact preview) is refused, and so is a missing Origin unless the browser says the
 * request is same-origin.
 */
export function isSameOriginRequest(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin") return false;
  const origin = headers.get("origin");
  if (origin === null) return site === "same-origin";
  return origin === new URL(appOrigin()).origin;
}
