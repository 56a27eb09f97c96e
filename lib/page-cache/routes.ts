// Which requests the shared page cache may answer, and what each cached page depends on (its tags).
// Pure: no I/O (lib/page-cache/serve.ts does the rest). See README "Fast public pages".

export type CacheablePage = {
  /** Path + normalised query: the cache key. */
  key: string;
  /** Artifacts named in the URL (path or query): their pages, owners and fork families. */
  artifactIds: string[];
  /** A profile's handle: its user. */
  handle: string | null;
  /** Tags every page of this kind carries ('lists', 'people'). */
  fixedTags: string[];
  /** The artifact page itself (/a/<id>): a hit counts a view, as the render would. */
  countsViewOf: string | null;
};

const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const UUID_ANYWHERE = new RegExp(UUID, "gi");
const HANDLE = "[a-z0-9_-]{3,30}";
const MAX_KEY = 1024;
/** Gallery orders that move with views: their lists follow views exactly (tag 'views', 017). */
const VIEW_ORDERED_SORTS = new Set(["trending", "viewed"]);

// A page that names no one else shows no 'people'; every page here does (owners, commenters, cards).
const ROUTES: { pattern: RegExp; kind: "list" | "artifact" | "profile" | "plain" }[] = [
  { pattern: /^\/$/, kind: "list" },
  { pattern: /^\/t\/[^/]{1,100}$/, kind: "list" },
  { pattern: /^\/(sitemap\.xml|robots\.txt)$/, kind: "plain" },
  // The sitemap's chunks (/sitemaps/a-3f.xml, u-0.xml): crawlers fetch every one, each lists a few
  // hundred URLs; a profile chunk names people, hence a list (lists + people tags).
  { pattern: /^\/sitemaps\/[au]-[0-9a-f]{1,4}\.xml$/, kind: "list" },
  { pattern: new RegExp(`^/u/(${HANDLE})(/(followers|following))?$`), kind: "profile" },
  {
    pattern: new RegExp(`^/a/(${UUID})(/(versions|diff|forks|v/[0-9]{1,9}))?$`),
    kind: "artifact",
  },
  { pattern: new RegExp(`^/embed/(${UUID})$`), kind: "artifact" },
];

/** The cacheable page `pathname` + `search` names, or null when it is not one. */
export function cacheablePage(pathname: string, search: URLSearchParams): CacheablePage | null {
  const route = ROUTES.map((r) => ({ ...r, match: r.pattern.exec(pathname) })).find((r) => r.match);
  if (!route) return null;
  const query = new URLSearchParams(search);
  query.sort();
  const qs = query.toString();
  const key = qs ? `${pathname}?${qs}` : pathname;
  if (key.length > MAX_KEY) return null;
  const fromQuery = [...qs.matchAll(UUID_ANYWHERE)].map((m) => m[0].toLowerCase());
  switch (route.kind) {
    case "list":
      return {
        key,
        artifactIds: [],
        handle: null,
        fixedTags: VIEW_ORDERED_SORTS.has(query.get("sort") ?? "")
          ? ["lists", "people", "views"]
          : ["lists", "people"],
        countsViewOf: null,
      };
    case "plain":
      return { key, artifactIds: [], handle: null, fixedTags: ["lists"], countsViewOf: null };
    case "profile":
      return {
        key,
        artifactIds: [],
        handle: route.match![1]!,
        fixedTags: ["people"],
        countsViewOf: null,
      };
    case "artifact": {
      const id = route.match![1]!.toLowerCase();
      return {
        key,
        artifactIds: [...new Set([id, ...fromQuery])].slice(0, 8),
        handle: null,
        fixedTags: ["people"],
        countsViewOf: pathname === `/a/${route.match![1]}` ? id : null,
      };
    }
  }
}

export const SESSION_COOKIE_PREFIXES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Header the proxy sets (only) on its own loopback renders; never trusted from a client. */
export const PAGE_RENDER_HEADER = "x-vitrine-page-render";
/** Set by proxy.ts on the forwarded loopback render, read by the artifact page (no view counted). */
export const CACHE_RENDER_REQUEST_HEADER = "x-vitrine-cache-render";

/**
 * Why this request must not be served from the shared cache (null: it may be): a session cookie
 * (signed in: a page of their own), a React Server Components request or prefetch, a server action,
 * a method other than GET/HEAD, or our own render.
 */
export function bypassReason(
  method: string,
  headers: Headers,
  search: URLSearchParams,
): string | null {
  if (method !== "GET" && method !== "HEAD") return "method";
  const cookie = headers.get("cookie") ?? "";
  const names = cookie.split(";").map((c) => c.split("=")[0]!.trim());
  if (names.some((n) => SESSION_COOKIE_PREFIXES.some((p) => n.startsWith(p)))) return "session";
  if (
    headers.has("rsc") ||
    headers.has("next-router-prefetch") ||
    headers.has("next-router-state-tree") ||
    headers.has("next-action") ||
    search.has("_rsc")
  )
    return "rsc";
  if (headers.has(PAGE_RENDER_HEADER)) return "render";
  return null;
}

/** Router prefetches and speculative loads render a page without anyone looking at it. */
export function isSpeculativeRequest(h: Headers): boolean {
  return (
    h.get("next-router-prefetch") !== null ||
    /prefetch|prerender/i.test(`${h.get("sec-purpose") ?? ""} ${h.get("purpose") ?? ""}`)
  );
}
