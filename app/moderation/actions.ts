"use server";

import { moderate } from "@/db/queries/moderation";
import { moderationActionSchema } from "@/domain/validation/moderation";
import { ActionError, formAction } from "@/lib/actions";

const DONE = {
  hide: "Hidden. Only its owner and moderators can see it now.",
  restore: "Restored. Everyone who could see it before can see it again.",
  dismiss: "Dismissed. The item stays as it is.",
  delete_comment: "Comment deleted.",
} as const;

/**
 * Hide / restore / dismiss / delete comment, recorded with the moderator and the reason. Only
 * moderators: the role is checked again in SQL (db/queries/moderation.ts); anyone else gets the
 * same 404 as the page.
 */
export const moderateAction = formAction(
  moderationActionSchema,
  async ({ action, artifactId, commentId, reason }, viewer) => {
    const id = artifactId.toLowerCase();
    const result = await moderate({
      moderatorId: viewer.id,
      action,
      artifactId: id,
      commentId: commentId?.toLowerCase() ?? null,
      reason,
    });
    if (result.status === "not-moderator") throw new ActionError("Only moderators can do this.");
    if (result.status === "refused") throw new ActionError(result.message);
    // No revalidatePath: every page that shows the item is dynamic (rendered per request), and a
    // revalidation would re-render this queue under the moderator, dropping the outcome they read.
    return { status: "success" as const, message: DONE[action] };
  },
);
