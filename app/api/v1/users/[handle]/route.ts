import { getProfileByHandle, getProfileStats, listProfileArtifacts } from "@/db/queries/profiles";
import { reader } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, readResponse } from "@/lib/api/http";
import { summary } from "@/lib/api/present";

type Params = { params: Promise<{ handle: string }> };

// A profile: who they are, their public counts, and a page of their artifacts (?sort=newest|liked
// &cursor=) — private ones only for themselves.
export const GET = apiRoute(async (request: Request, { params }: Params) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const profile = await getProfileByHandle((await params).handle);
  if (!profile) return notFound();
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  const [stats, page] = await Promise.all([
    getProfileStats(profile.userId),
    listProfileArtifacts({
      ownerUserId: profile.userId,
      viewerId: who.viewerId,
      tab: "artifacts",
      sort: search.get("sort") === "liked" ? "liked" : "newest",
      cursor: cursor && cursor.length <= 200 ? cursor : null,
    }),
  ]);
  return readResponse(request, {
    handle: profile.handle,
    displayName: profile.displayName,
    bio: profile.bio,
    createdAt: profile.createdAt.toISOString(),
    stats,
    artifacts: { items: page.items.map(summary), nextCursor: page.nextCursor },
  });
});
