"use server";

import { revalidatePath } from "next/cache";
import { createToken, revokeToken } from "@/db/queries/tokens";
import { createTokenSchema, revokeTokenSchema, tokenExpiry } from "@/domain/validation/token";
import { ActionError, formAction } from "@/lib/actions";

// Personal access tokens (issue 14). These are server actions: they act for the session cookie's
// user only (formAction → getViewer), so a bearer token can never create or revoke tokens.

export const createTokenAction = formAction(
  createTokenSchema,
  async ({ name, scope, expires }, viewer) => {
    const { token, row } = await createToken(viewer.id, {
      name,
      scope,
      expiresAt: tokenExpiry(expires, new Date()),
    });
    revalidatePath("/settings/tokens");
    return {
      status: "success",
      message: `Token “${row.name}” created. Copy it now: it will not be shown again.`,
      data: { token },
    };
  },
);

export const revokeTokenAction = formAction(revokeTokenSchema, async ({ tokenId }, viewer) => {
  if (!(await revokeToken(viewer.id, tokenId)))
    throw new ActionError("That token does not exist or is already revoked.");
  revalidatePath("/settings/tokens");
  return { status: "success", message: "Token revoked." };
});
