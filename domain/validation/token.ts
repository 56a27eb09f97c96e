import { z } from "zod";
import { safeString } from "./safe-text";

// Personal access tokens (issue 14): a name to recognise it, a scope, an expiry.
export const TOKEN_NAME_MAX = 80;
export const TOKEN_SCOPES = ["read", "write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** The expiries the settings form offers, in days; "never" is no expiry. */
export const TOKEN_EXPIRY_CHOICES = ["7", "30", "90", "365", "never"] as const;

export const tokenNameSchema = safeString("Token name", TOKEN_NAME_MAX)
  .transform((value) => value.trim())
  .refine((value) => value.length > 0, "Give the token a name, such as “ci” or “laptop”.");

export const tokenScopeSchema = z.enum(TOKEN_SCOPES, { error: "Scope must be read or write." });

export const createTokenSchema = z
  .object({
    name: tokenNameSchema,
    scope: tokenScopeSchema,
    expires: z.enum(TOKEN_EXPIRY_CHOICES, { error: "Choose when the token expires." }),
  })
  .strict();

export const revokeTokenSchema = z
  .object({ tokenId: z.uuid("That token does not exist.") })
  .strict();

/** The expiry date for a choice, from `now`; null means it never expires. */
export function tokenExpiry(choice: (typeof TOKEN_EXPIRY_CHOICES)[number], now: Date): Date | null {
  if (choice === "never") return null;
  return new Date(now.getTime() + Number(choice) * 86_400_000);
}
