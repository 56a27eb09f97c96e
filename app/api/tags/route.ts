import { answeringBusy } from "@/db/busy";
import { suggestTags } from "@/db/queries/tags";

// Tag suggestions for the tags field: GET /api/tags?prefix=da → { tags: ["dashboard", "data-viz"] }.
// Popular public tags only (tag_counts counts public artifacts), so nothing private can leak here;
// not cached, so a tag whose last public artifact turned private stops being offered at once.
async function get(request: Request) {
  const prefix = new URL(request.url).searchParams.get("prefix") ?? "";
  const tags = await suggestTags(prefix);
  return Response.json({ tags }, { headers: { "Cache-Control": "private, no-store" } });
}

export const GET = answeringBusy(get);
