import { answeringBusy } from "@/db/busy";
import { listGallery, TOO_BROAD_MESSAGE } from "@/db/queries/gallery";
import { getViewer } from "@/lib/auth/viewer";
import { parseGalleryParams } from "@/domain/gallery/params";

// JSON pages of the Explore gallery for infinite scroll: ?sort=&language=&q=&tag=&category=&cursor= (keyset).
// Public artifacts only; unknown sort/language fall back to the defaults; an over-long q is a 400.
async function get(request: Request) {
  const url = new URL(request.url);
  if (url.search.length > 2000) {
    return Response.json(
      { error: "Search terms can be at most 200 characters long." },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const params = parseGalleryParams(url.searchParams);
  if (params.error)
    return Response.json(
      { error: params.error },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  const viewer = await getViewer();
  const page = await listGallery({
    sort: params.sort,
    language: params.language,
    q: params.q,
    tag: params.tag,
    category: params.category,
    cursor: params.cursor,
    viewerId: viewer?.id ?? null,
  });
  // The next page of a search or tag that ran out of its budget: the sentence, not an empty page
  // that would read as "that is everything" (the grid shows `error`).
  if (page.tooBroad)
    return Response.json(
      { error: TOO_BROAD_MESSAGE, tooBroad: true },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  return Response.json(page, { headers: { "Cache-Control": "private, no-store" } });
}

// Overload (a hot row, a burst) is a 503 with Retry-After and a sentence, never a 500.
export const GET = answeringBusy(get);
