import { LANGUAGE_KEYS, type Language } from "@/domain/languages";
import { isCategory, tagFromUrl, type Category } from "@/domain/tags/tags";

// What the Explore URL may hold (?sort=&language=&q=&tag=&category=&cursor=). Shared by the page, the JSON route
// and the client, so all three read a URL the same way. Unknown values fall back to the default.

export const GALLERY_SORTS = ["trending", "newest", "top", "forked", "viewed"] as const;
export type GallerySort = (typeof GALLERY_SORTS)[number];
export const DEFAULT_SORT: GallerySort = "newest";

export const SORT_LABELS: Record<GallerySort, string> = {
  trending: "Trending",
  newest: "Newest",
  top: "Most liked",
  forked: "Most forked",
  viewed: "Most viewed this week",
};

export const GALLERY_PAGE_SIZE = 24;
export const MAX_QUERY_LENGTH = 200;

export type GalleryParams = {
  sort: GallerySort;
  language: Language | null;
  q: string | null;
  /** Optional so callers that predate tags keep compiling; absent means "any". */
  tag?: string | null;
  category?: Category | null;
};
export type ParsedGalleryParams = GalleryParams & { cursor: string | null; error: string | null };

type Raw = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: Raw, key: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(key) ?? undefined;
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseGalleryParams(raw: Raw): ParsedGalleryParams {
  const sortRaw = first(raw, "sort");
  const languageRaw = first(raw, "language");
  const qRaw = first(raw, "q")?.trim() ?? "";
  const cursor = first(raw, "cursor") ?? null;
  const tag = tagFromUrl(first(raw, "tag"));
  const categoryRaw = first(raw, "category");
  const category = isCategory(categoryRaw) ? categoryRaw : null;
  const sort = (GALLERY_SORTS as readonly string[]).includes(sortRaw ?? "")
    ? (sortRaw as GallerySort)
    : DEFAULT_SORT;
  const language = (LANGUAGE_KEYS as readonly string[]).includes(languageRaw ?? "")
    ? (languageRaw as Language)
    : null;
  if (qRaw.length > MAX_QUERY_LENGTH) {
    return {
      sort,
      language,
      tag,
      category,
      q: null,
      cursor: null,
      error: `Search terms can be at most ${MAX_QUERY_LENGTH} characters long (yours has ${qRaw.length.toLocaleString("en")}).`,
    };
  }
  // NUL bytes cannot reach PostgreSQL text; strip them rather than fail.
  const q = qRaw.replace(/\0/g, "") || null;
  return {
    sort,
    language,
    tag,
    category,
    q,
    cursor: cursor && cursor.length <= 200 ? cursor : null,
    error: null,
  };
}

/** The canonical URL query for a gallery state (defaults left out, so URLs stay short). */
export function galleryQueryString(
  params: Partial<GalleryParams> & { cursor?: string | null },
): string {
  const search = new URLSearchParams();
  if (params.sort && params.sort !== DEFAULT_SORT) search.set("sort", params.sort);
  if (params.language) search.set("language", params.language);
  if (params.q) search.set("q", params.q);
  if (params.tag) search.set("tag", params.tag);
  if (params.category) search.set("category", params.category);
  if (params.cursor) search.set("cursor", params.cursor);
  const s = search.toString();
  return s ? `?${s}` : "";
}
