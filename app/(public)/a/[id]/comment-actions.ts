"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { COMMENT_MAX_LENGTH, deleteComment, postComment } from "@/db/queries/comments";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

const postSchema = z
  .object({
    artifactId: z.uuid(),
    body: z
      .string()
      .transform((s) => s.replace(/\0/g, "").trim())
      .pipe(
        z
          .string()
          .min(1, "Write something first — a comment cannot be empty.")
          .max(COMMENT_MAX_LENGTH, `Comments can be at most ${COMMENT_MAX_LENGTH.toLocaleString("en")} characters long.`),
      ),
  })
  .strict();

/** Posts a comment (works without JavaScript: a plain form with useActionState). */
export const postCommentAction = formAction(postSchema, async ({ artifactId, body }, viewer) => {
  const limit = await consume("comment", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const result = await postComment({ artifactId: artifactId.toLowerCase(), authorUserId: viewer.id, body });
  if (result.status === "not-found") throw new ActionError("This artifact does not exist.");
  revalidatePath(`/a/${artifactId.toLowerCase()}`);
  return { status: "success" as const, message: "Comment posted.", data: { id: result.id } };
});

const deleteSchema = z.object({ commentId: z.uuid(), artifactId: z.uuid() }).strict();

/** Deletes a comment: its author or the artifact's owner (checked in SQL), otherwise not found. */
export const deleteCommentAction = formAction(deleteSchema, async ({ commentId, artifactId }, viewer) => {
  const limit = await consume("comment", viewer.id);
  if (!limit.ok) throw new ActionError(limit.message);
  const deletedFrom = await deleteComment({ commentId: commentId.toLowerCase(), viewerId: viewer.id });
  if (!deletedFrom) throw new ActionError("This comment does not exist.");
  revalidatePath(`/a/${deletedFrom}`);
  if (deletedFrom !== artifactId.toLowerCase()) revalidatePath(`/a/${artifactId.toLowerCase()}`);
  return { status: "success" as const, message: "Comment deleted." };
});
