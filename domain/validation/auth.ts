import { z } from "zod";
import { handleField } from "./handle";

// What the sign-in, sign-up and handle-picker forms accept. Passwords and emails are not text that
// others read, so the safe-text rule does not apply to them (a password may hold any character the
// person chose); the handle goes through handleField, which applies it.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;
export const EMAIL_MAX_LENGTH = 320;

const emailTooLong = `Emails are at most ${EMAIL_MAX_LENGTH} characters.`;

/** A new password: sign-up and password change. */
export const newPasswordField = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Passwords need at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);

/** Where to go after signing in; made safe by safeCallbackPath() before use. */
export const callbackUrlField = z.string().max(2000).optional();

export const signInSchema = z
  .object({
    email: z.string().trim().max(EMAIL_MAX_LENGTH, emailTooLong).min(1, "Enter your email."),
    password: z
      .string()
      .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`)
      .min(1, "Enter your password."),
    callbackUrl: callbackUrlField,
  })
  .strict();

export const signUpSchema = z
  .object({
    email: z
      .email("Enter a valid email address.")
      .trim()
      .toLowerCase()
      .max(EMAIL_MAX_LENGTH, emailTooLong),
    handle: handleField,
    password: newPasswordField,
    callbackUrl: callbackUrlField,
  })
  .strict();

/** The OAuth providers a sign-in button may name (whether each is configured is checked apart). */
export const oauthProviderSchema = z.enum(["github", "google"]);

export const pickHandleSchema = z
  .object({ handle: handleField, callbackUrl: callbackUrlField })
  .strict();
