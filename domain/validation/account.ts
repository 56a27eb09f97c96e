import { z } from "zod";
import { PASSWORD_MAX_LENGTH, newPasswordField } from "./auth";

// What the account settings forms accept: password change, account deletion, ending sessions.
// None of these fields is shown to anyone, so the safe-text rule does not apply.

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string()
      .min(1, "Enter your current password.")
      // Longer than any password we accept: it cannot be the current one (and is not hashed).
      .max(PASSWORD_MAX_LENGTH, "That is not your current password."),
    newPassword: newPasswordField,
  })
  .strict();

/** The typed confirmation (the handle, or "delete"); compared by the action. */
export const deleteAccountSchema = z.object({ confirm: z.string().max(200) }).strict();

export const revokeSessionSchema = z
  .object({ sessionId: z.uuid("That session does not exist.") })
  .strict();

export const revokeOtherSessionsSchema = z.object({}).strict();
