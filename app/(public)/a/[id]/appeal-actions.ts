"use server";

import { revalidatePath } from "next/cache";
import { appealHiding } from "@/db/queries/appeals";
import { appealSchema } from "@/domain/validation/moderation";
import { ActionError, formAction } from "@/lib/actions";

/** The owner of a hidden artifact appeals, once per hide; the appeal goes back to the queue. */
export const appealAction = formAction(appealSchema, async ({ artifactId, body }, viewer) => {
  const id = artifactId.toLowerCase();
  const result = await appealHiding({ ownerId: viewer.id, artifactId: id, body });
  if (result.status === "not-found") throw new ActionError("This artifact does not exist.");
  if (result.status === "not-hidden") throw new ActionError("This artifact is not hidden.");
  if (result.status === "already-appealed")
    throw new ActionError(
      "You have already appealed this decision. A moderator will answer it; you can appeal only once.",
    );
  revalidatePath(`/a/${id}`);
  return { status: "success" as const, message: "Your appeal was sent to the moderators." };
});
