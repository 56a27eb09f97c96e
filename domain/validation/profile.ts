import { z } from "zod";
import { handleField } from "./handle";
import { hasUnsafeCharacters, unsafeTextMessage } from "./safe-text";

// Profile settings. The strict schema refuses any extra field (user_id, avatar_url ...), so a
// crafted call can only ever edit the caller's own profile (the action supplies the user).

/** Trimmed, at most `max` characters, the safe-text rule; empty becomes null. */
function text(label: string, max: number, { multiline = false } = {}) {
  return z
    .string()
    .max(max * 2, `${label} is at most ${max} characters.`)
    .refine((s) => !hasUnsafeCharacters(s, { multiline }), unsafeTextMessage(label))
    .transform((s) => s.trim())
    .pipe(z.string().max(max, `${label} is at most ${max} characters.`))
    .transform((s) => (s === "" ? null : s));
}

/** A checkbox: "on" when ticked, absent otherwise. */
const optIn = z
  .literal("on", { error: "Unexpected value for a checkbox." })
  .optional()
  .transform((v) => v === "on");

export const profileSchema = z
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
      .refine(
        (s) => s === "" || (/^\d{1,3}$/.test(s) && Number(s) >= 1 && Number(s) <= 150),
        "Age must be a whole number from 1 to 150.",
      )
      .transform((s) => (s === "" ? null : Number(s))),
    // Age and gender are shown publicly only when these boxes are ticked (absent = unticked).
    showAge: optIn,
    showGender: optIn,
  })
  .strict();

export const removeAvatarSchema = z.object({}).strict();
