import { answeringBusy } from "@/db/busy";
import { NextResponse, type NextRequest } from "next/server";
import { getForkChildren, type ChildSort } from "@/db/queries/fork-tree";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";

// The fork tree's "load children" endpoint: one keyset page of an artifact's direct forks the
// viewer may see. A private or unknown artifact answers the same 404 as an id that never existed.
async function get(request: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const notFound = NextResponse.json(
    { error: "Not found" },
    { status: 404, headers: { "Cache-Control": "no-store" } },
  );
  if (!id) return notFound;
  const search = request.nextUrl.searchParams;
  const sort: ChildSort = search.get("sort") === "likes" ? "likes" : "date"; // unknown sort keys → default
  const viewer = await getViewer();
  const page = await getForkChildren({
    parentId: id,
    viewerId: viewer?.id ?? null,
    sort,
    cursor: search.get("cursor"),
  });
  if (!page) return notFound;
  // Per viewer (private forks of their own appear), so never shared by a cache.
  return NextResponse.json(page, { headers: { "Cache-Control": "private, no-store" } });
}

// Overload (a hot row, a burst) is a 503 with Retry-After and a sentence, never a 500.
export const GET = answeringBusy(get);
