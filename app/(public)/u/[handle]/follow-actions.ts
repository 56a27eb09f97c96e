"use server";

import { setFollow } from "@/db/queries/follows";
import { SELF_FOLLOW_MESSAGE, toggleFollowSchema } from "@/domain/validation/follow";
import { ActionError, objectAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

/** Follow or unfollow a person. An unknown id is "does not exist"; yourself is one sentence. */
export const toggleFollow = objectAction(toggleFollowSchema, async ({ userId, follow }, viewer) => {
  const limit = await consume("follow", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const result = await setFollow({
    followerId: viewer.id,
    followeeId: userId.toLowerCase(),
    follow,
  });
  if (result.status === "self") throw new ActionError(SELF_FOLLOW_MESSAGE);
  if (result.status === "not-found") throw new ActionError("This person does not exist.");
  return {
    status: "success" as const,
    data: { following: result.following, followersCount: result.followersCount },
  };
});
