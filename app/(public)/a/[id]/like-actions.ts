"use server";

import { likeArtifact, unlikeArtifact } from "@/db/queries/likes";
import { toggleLikeSchema } from "@/domain/validation/comment";
import { ActionError, objectAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

/** Like or unlike. Another user's private artifact answers exactly like one that does not exist. */
export const toggleLike = objectAction(toggleLikeSchema, async ({ artifactId, like }, viewer) => {
  const limit = await consume("like", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const result = like
    ? await likeArtifact({ userId: viewer.id, artifactId: artifactId.toLowerCase() })
    : await unlikeArtifact({ userId: viewer.id, artifactId: artifactId.toLowerCase() });
  if (result.status === "not-found") throw new ActionError("This artifact does not exist.");
  return {
    status: "success" as const,
    data: { liked: result.liked, likesCount: result.likesCount },
  };
});
