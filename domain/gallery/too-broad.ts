/**
 * The one sentence for a gallery listing (a search, a tag page, a page of infinite scroll, the MCP
 * search tool, /api/v1/artifacts) that matched too much to answer within its budget
 * (db/queries/gallery.ts, SEARCH_BUDGET_MS).
 */
export const TOO_BROAD_MESSAGE =
  "This search is too broad to answer quickly: add a word, pick a language, or search for an owner with @handle.";
