import { likeArtifact, unlikeArtifact } from "@/db/queries/likes";
import { artifactId, writer, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, json, rateLimited } from "@/lib/api/http";
import { consume } from "@/lib/rate-limit";

// PUT likes, DELETE unlikes; both idempotent by nature and answer the new state.
function likeRoute(like: boolean) {
  return apiRoute(async (request: Request, context: IdParams) => {
    const viewer = await writer(request);
    if (viewer instanceof Response) return viewer;
    const id = await artifactId(context);
    if (id instanceof Response) return id;
    const limit = await consume("like", viewer.userId);
    if (!limit.ok) return rateLimited(limit);
    const result = like
      ? await likeArtifact({ userId: viewer.userId, artifactId: id })
      : await unlikeArtifact({ userId: viewer.userId, artifactId: id });
    if (result.status === "not-found") return notFound();
    return json({ liked: result.liked, likesCount: result.likesCount });
  });
}

export const PUT = likeRoute(true);
export const DELETE = likeRoute(false);
