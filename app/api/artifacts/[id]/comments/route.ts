import { answeringBusy } from "@/db/busy";
import { listComments } from "@/db/queries/comments";
import { getViewer } from "@/lib/auth/viewer";
import { renderCommentsPage } from "@/lib/markdown/comments";
import { parseId } from "@/domain/ids";

// JSON pages of an artifact's comments (?order=newest|oldest&cursor=), for "show more" and
// refreshes after posting. A private artifact of someone else is 404, like a missing one.
async function get(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  const notFound = () =>
    Response.json(
      { error: "Not found" },
      { status: 404, headers: { "Cache-Control": "no-store" } },
    );
  if (!id) return notFound();
  const url = new URL(request.url);
  const order = url.searchParams.get("order") === "oldest" ? "oldest" : "newest";
  const viewer = await getViewer();
  const page = await listComments({
    artifactId: id,
    viewerId: viewer?.id ?? null,
    order,
    cursor: url.searchParams.get("cursor"),
  });
  if (!page) return notFound();
  return Response.json(renderCommentsPage(page), {
    headers: { "Cache-Control": "private, no-store" },
  });
}

// Overload (a hot row, a burst) is a 503 with Retry-After and a sentence, never a 500.
export const GET = answeringBusy(get);
