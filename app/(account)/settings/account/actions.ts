"use server";

import { revalidatePath } from "next/cache";
import { revokeOtherSessions, revokeSession } from "@/db/queries/sessions";
import { deleteUser, getPasswordHash, setPasswordHash } from "@/db/queries/users";
import { ActionError, formAction } from "@/lib/actions";
import { signOut, unstable_update } from "@/lib/auth/auth";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import {
  changePasswordSchema,
  deleteAccountSchema,
  revokeOtherSessionsSchema,
  revokeSessionSchema,
} from "@/domain/validation/account";
import { consume } from "@/lib/rate-limit";
import { deleteUploadByUrl } from "@/lib/uploads/store";

// Account settings: password change and account deletion. Both act on the session's user only.

export const changePasswordAction = formAction(
  changePasswordSchema,
  async ({ currentPassword, newPassword }, viewer) => {
    const limited = await consume("password-change", viewer.id);
    if (!limited.ok) throw new ActionError(limited.message);
    const currentHash = await getPasswordHash(viewer.id);
    if (!currentHash)
      throw new ActionError(
        "Your account signs in with GitHub or Google; it has no password to change.",
      );
    if (!(await verifyPassword(currentHash, currentPassword))) {
      const message = "That is not your current password.";
      throw new ActionError(message, { currentPassword: [message] });
    }
    if (newPassword === currentPassword) {
      const message = "Choose a password different from your current one.";
      throw new ActionError(message, { newPassword: [message] });
    }
    const version = await setPasswordHash({
      userId: viewer.id,
      expectedHash: currentHash,
      passwordHash: await hashPassword(newPassword),
    });
    if (version === null)
      throw new ActionError(
        "Your password was changed elsewhere in the meantime. Please sign in again.",
      );
    // Every other session is now signed out (session_version moved on); this one gets a fresh token.
    await unstable_update({});
    return {
      status: "success",
      message: "Password changed. Your other sessions have been signed out.",
    };
  },
);

export const deleteAccountAction = formAction(deleteAccountSchema, async ({ confirm }, viewer) => {
  const expected = viewer.handle ?? "delete";
  if (confirm.trim().toLowerCase() !== expected) {
    const message = `Type ${expected} to confirm.`;
    throw new ActionError(message, { confirm: [message] });
  }
  const deleted = await deleteUser(viewer.id);
  if (deleted) await Promise.all(deleted.fileUrls.map((url) => deleteUploadByUrl(url)));
  await signOut({ redirectTo: "/" });
});

// Signed-in browsers (issue 12 item 12): end one of your own sessions, or all but this one. Scoped to
// the viewer in SQL (db/queries/sessions.ts).

export const revokeSessionAction = formAction(
  revokeSessionSchema,
  async ({ sessionId }, viewer) => {
    if (sessionId === viewer.sessionId)
      throw new ActionError("That is this browser: use Sign out instead.");
    if (!(await revokeSession({ userId: viewer.id, sessionId })))
      throw new ActionError("That session has already ended.");
    revalidatePath("/settings/account");
    return { status: "success", message: "That browser is signed out." };
  },
);

export const revokeOtherSessionsAction = formAction(
  revokeOtherSessionsSchema,
  async (_input, viewer) => {
    if (!viewer.sessionId) throw new ActionError("Please sign in again.");
    const ended = await revokeOtherSessions({
      userId: viewer.id,
      currentSessionId: viewer.sessionId,
    });
    revalidatePath("/settings/account");
    return {
      status: "success",
      message: `${ended} other ${ended === 1 ? "browser is" : "browsers are"} signed out.`,
    };
  },
);
