"use server";

import { revalidatePath } from "next/cache";
import { deleteComment, postComment } from "@/db/queries/comments";
import { deleteCommentSchema, postCommentSchema } from "@/domain/validation/comment";
import { ActionError, formAction } from "@/lib/actions";
import { consume } from "@/lib/rate-limit";

/** Posts a comment (works without JavaScript: a plain form with useActionState). */
export const postCommentAction = formAction(
  postCommentSchema,
  async ({ artifactId, body }, viewer) => {
    const limit = await consume("comment", viewer.id);
    if (!limit.ok) throw new ActionError(limit.message);
    const result = await postComment({
      artifactId: artifactId.toLowerCase(),
      authorUserId: viewer.id,
      body,
    });
    if (result.status === "not-found") throw new ActionError("This artifact does not exist.");
    revalidatePath(`/a/${artifactId.toLowerCase()}`);
    return { status: "success" as const, message: "Comment posted.", data: { id: result.id } };
  },
);

/** Deletes a comment: its author or the artifact's owner (checked in SQL), otherwise not found. */
export const deleteCommentAction = formAction(
  deleteCommentSchema,
  async ({ commentId, artifactId }, viewer) => {
    const limit = await consume("comment", viewer.id);
    if (!limit.ok) throw new ActionError(limit.message);
    const deletedFrom = await deleteComment({
      commentId: commentId.toLowerCase(),
      viewerId: viewer.id,
    });
    if (!deletedFrom) throw new ActionError("This comment does not exist.");
    revalidatePath(`/a/${deletedFrom}`);
    if (deletedFrom !== artifactId.toLowerCase()) revalidatePath(`/a/${artifactId.toLowerCase()}`);
    return { status: "success" as const, message: "Comment deleted." };
  },
);
