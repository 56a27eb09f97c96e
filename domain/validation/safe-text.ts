import { z } from "zod";

// The one rule for text people type that others will read: titles, descriptions, labels, comments,
// handles, fork titles, profile fields. Characters that hide or reorder what a reader sees are
// refused everywhere the same way (issue 12, item 10): a title with U+202E must not pass publish
// and fail fork. Code and chat transcripts are content, not names, and follow their own rules.

// Always refused: NUL and the other C0 controls except tab/line feed/carriage return, DEL, the C1
// controls, the soft hyphen and other invisible joiners (U+00AD, U+034F, U+061C, U+180E), zero-width
// spaces and joiners and the LRM/RLM marks (U+200B–U+200F), line/paragraph separators and the bidi
// embeddings/overrides (U+2028–U+202E), word joiner, invisible operators and bidi isolates
// (U+2060–U+2069), and the BOM (U+FEFF).
const HIDDEN =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u034F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;
// Refused as well in single-line fields, where a tab or a line break has no business either.
const LINE_BREAKS = /[\t\n\r]/;

export type SafeTextOptions = { multiline?: boolean };

/** True when the text holds a character the safe-text rule refuses. */
export function hasUnsafeCharacters(
  value: string,
  { multiline = false }: SafeTextOptions = {},
): boolean {
  return HIDDEN.test(value) || (!multiline && LINE_BREAKS.test(value));
}

/** The refusal, naming the field. */
export function unsafeTextMessage(label: string): string {
  return `${label} cannot contain control, invisible or right-to-left override characters.`;
}

/**
 * A zod string with the safe-text rule and a maximum length, checked on the text as typed
 * (before trimming, so a trailing control character is refused rather than silently dropped).
 */
export function safeString(label: string, max: number, options: SafeTextOptions = {}) {
  return z
    .string({ error: `${label} must be text.` })
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")} characters.`)
    .refine((value) => !hasUnsafeCharacters(value, options), unsafeTextMessage(label));
}
