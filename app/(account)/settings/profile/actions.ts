"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getProfileByUserId, removeAvatar, updateProfile } from "@/db/queries/profiles";
import { ActionError, formAction } from "@/lib/actions";
import { HANDLE_TAKEN, handleField } from "@/domain/validation/handle";
import { deleteUploadByUrl } from "@/lib/uploads/store";

// Profile settings. The user is the session's, never a form field: the strict schema refuses any
// extra field (user_id, avatar_url ...), so a crafted call can only ever edit the caller's profile.

const NO_NUL = (s: string) => !s.includes("\u0000");
const NO_CONTROLS = (s: string) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(s);

function text(label: string, max: number, { multiline = false } = {}) {
  return z
    .string()
    .max(max * 2, `${label} is at most ${max} characters.`)
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .max(max, `${label} is at most ${max} characters.`)
        .refine(NO_NUL, `${label} cannot contain NUL characters.`)
        .refine((s) => multiline || NO_CONTROLS(s), `${label} cannot contain control, invisible or right-to-left override characters.`),
    )
    .transform((s) => (s === "" ? null : s));
}

const profileSchema = z
  .object({
    handle: handleField,
    displayName: text("Display name", 80),
    bio: text("Bio", 2000, { multiline: true }),
    city: text("City", 100),
    country: text("Country", 100),
    gender: text("Gender", 40),
    age: z
      .string()
      .trim()
      .max(3, "Age must be a whole number from 1 to 150.")
      .refine((s) => s === "" || (/^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 150), "Age must be a whole number from 1 to 150.")
      .transform((s) => (s === "" ? null : Number(s))),
  })
  .strict();

export const updateProfileAction = formAction(profileSchema, async (input, viewer) => {
  const result = await updateProfile(viewer.id, input);
  if (!result.ok) {
    if (result.reason === "handle-taken") throw new ActionError(HANDLE_TAKEN, { handle: [HANDLE_TAKEN] });
    throw new ActionError("Choose a handle first.");
  }
  revalidatePath("/u/[handle]", "page");
  revalidatePath("/settings/profile");
  return {
    status: "success",
    message: input.handle !== viewer.handle ? `Profile saved. It now lives at /@${input.handle}.` : "Profile saved.",
  };
});

export const removeAvatarAction = formAction(z.object({}).strict(), async (_input, viewer) => {
  const profile = await getProfileByUserId(viewer.id);
  if (!profile?.avatarUrl) return { status: "success", message: "You have no avatar to remove." };
  const removed = await removeAvatar(viewer.id);
  await deleteUploadByUrl(removed?.previous);
  revalidatePath("/u/[handle]", "page");
  revalidatePath("/settings/profile");
  return { status: "success", message: "Avatar removed." };
});
