"use server";

import { z } from "zod";
import { likeArtifact, unlikeArtifact } from "@/db/queries/likes";
import { ActionError, objectAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

const schema = z.object({ artifactId: z.uuid(), like: z.boolean() }).strict();

/** Like or unlike. Another user's private artifact answers exactly like one that does not exist. */
export const toggleLike = objectAction(schema, async ({ artifactId, like }, viewer) => {
  const limit = await consume("like", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const result = like
    ? await likeArtifact({ userId: viewer.id, artifactId: artifactId.toLowerCase() })
    : await unlikeArtifact({ userId: viewer.id, artifactId: artifactId.toLowerCase() });
  if (result.status === "not-found") throw new ActionError("This artifact does not exist.");
  return { status: "success" as const, data: { liked: result.liked, likesCount: result.likesCount } };
});
