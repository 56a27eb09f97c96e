"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";
import { deleteArtifact, updateArtifactSettings } from "@/db/queries/artifacts";
import { formAction } from "@/lib/actions";
import { deleteSchema, settingsSchema } from "@/domain/validation/artifact";

/** Owner-only settings; the write is scoped `where id = $1 and owner_user_id = $me`. */
export const updateSettingsAction = formAction(settingsSchema, async (input, viewer) => {
  const ok = await updateArtifactSettings({
    id: input.artifact_id,
    ownerUserId: viewer.id,
    title: input.title,
    description: input.description,
    visibility: input.visibility,
    versioningEnabled: input.versioning_enabled,
    chatHistoryPublic: input.chat_history_public,
    tags: input.tags,
    category: input.category,
  });
  if (!ok) notFound();
  revalidatePath(`/a/${input.artifact_id}`);
  return { status: "success", message: "Settings saved." };
});

/** Deletes after the owner typed the exact title; back to their profile. */
export const deleteArtifactAction = formAction(deleteSchema, async (input, viewer) => {
  const result = await deleteArtifact({
    id: input.artifact_id,
    ownerUserId: viewer.id,
    confirmTitle: input.confirm_title,
  });
  if (result === "not_found") notFound();
  if (result === "mismatch") {
    const message = "Type the title exactly as it is to confirm.";
    return {
      status: "error",
      message,
      fieldErrors: { confirm_title: [message] },
      values: { confirm_title: input.confirm_title },
    };
  }
  revalidatePath("/");
  redirect(viewer.handle ? `/u/${viewer.handle}` : "/");
});
