"use server";

import { revalidatePath } from "next/cache";
import { getProfileByUserId, removeAvatar, updateProfile } from "@/db/queries/profiles";
import { ActionError, formAction } from "@/lib/actions";
import { HANDLE_TAKEN } from "@/domain/validation/handle";
import { profileSchema, removeAvatarSchema } from "@/domain/validation/profile";
import { deleteUploadByUrl } from "@/lib/uploads/store";

// Profile settings. The user is the session's, never a form field: the strict schema
// (domain/validation/profile.ts) refuses any extra field, so a crafted call can only ever edit the
// caller's profile.

export const updateProfileAction = formAction(profileSchema, async (input, viewer) => {
  const result = await updateProfile(viewer.id, input);
  if (!result.ok) {
    if (result.reason === "handle-taken")
      throw new ActionError(HANDLE_TAKEN, { handle: [HANDLE_TAKEN] });
    throw new ActionError("Choose a handle first.");
  }
  revalidatePath("/u/[handle]", "page");
  revalidatePath("/settings/profile");
  return {
    status: "success",
    message:
      input.handle !== viewer.handle
        ? `Profile saved. It now lives at /@${input.handle}.`
        : "Profile saved.",
  };
});

export const removeAvatarAction = formAction(removeAvatarSchema, async (_input, viewer) => {
  const profile = await getProfileByUserId(viewer.id);
  if (!profile?.avatarUrl) return { status: "success", message: "You have no avatar to remove." };
  const removed = await removeAvatar(viewer.id);
  await deleteUploadByUrl(removed?.previous);
  revalidatePath("/u/[handle]", "page");
  revalidatePath("/settings/profile");
  return { status: "success", message: "Avatar removed." };
});
