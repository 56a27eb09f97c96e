import { CACHE_RENDER_REQUEST_HEADER, PAGE_RENDER_HEADER } from "./routes";
import { RENDER_SECRET } from "./render";

/**
 * On the request passed on to Next.js: says "this is the page cache's own render" (the artifact page
 * then counts no view: the visitor's view is counted by the cache) only when the request carries this
 * process's secret, and strips both headers from everything else — a client cannot claim either.
 */
export function markCacheRender(incoming: Headers, forwarded: Headers): void {
  const ours = incoming.get(PAGE_RENDER_HEADER) === RENDER_SECRET;
  forwarded.delete(PAGE_RENDER_HEADER);
  forwarded.delete(CACHE_RENDER_REQUEST_HEADER);
  if (ours) {
    forwarded.set(CACHE_RENDER_REQUEST_HEADER, "1");
    forwarded.delete("cookie");
  }
}
