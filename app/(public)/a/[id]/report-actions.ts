"use server";

import { fileReport } from "@/db/queries/reports";
import { reportSchema } from "@/domain/validation/moderation";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

const REPORTED = "Thank you. A moderator will look at your report.";

/**
 * Reports a public artifact or one of its comments. Private, hidden, deleted and missing items all
 * answer the same "does not exist" sentence; a second open report by the same person changes nothing.
 */
export const reportAction = formAction(
  reportSchema,
  async ({ artifactId, commentId, reason, body }, viewer) => {
    const limit = await consume("report", viewer.id);
    if (!limit.ok) throw new ActionError(limit.message);
    const result = await fileReport({
      reporterId: viewer.id,
      artifactId: artifactId.toLowerCase(),
      commentId: commentId?.toLowerCase() ?? null,
      reason,
      body,
    });
    if (result.status === "not-found")
      throw new ActionError(
        commentId ? "This comment does not exist." : "This artifact does not exist.",
      );
    if (result.status === "duplicate")
      throw new ActionError(
        "You have already reported this. A moderator will look at it; there is no need to report it again.",
      );
    return { status: "success" as const, message: REPORTED };
  },
);
