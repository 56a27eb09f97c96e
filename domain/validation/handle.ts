// Handle rules (DESIGN.md, "Profiles"): 3–30 characters of a-z 0-9 _ -, stored lower-case, unique
// case-insensitively (profiles_handle_lower_idx), and never one of the reserved words below. Pure
// code: used by sign-up, the OAuth handle picker and settings, on the server and in tests.

import { z } from "zod";
import { hasUnsafeCharacters } from "./safe-text";

export const HANDLE_MIN = 3;
export const HANDLE_MAX = 30;
export const HANDLE_TAKEN = "That handle is taken. Please choose another.";

/**
 * Every top-level route (a handle must never shadow one, and /@handle must never be confusable
 * with one), plus words that would let someone impersonate the site. handles.test.ts checks that
 * each top-level folder in app/ is listed.
 */
export const RESERVED_HANDLES: ReadonlySet<string> = new Set([
  // top-level routes, present and planned
  "a",
  "u",
  "new",
  "api",
  "login",
  "logout",
  "signin",
  "signout",
  "signup",
  "register",
  "settings",
  "sandbox",
  "explore",
  "welcome",
  "onboarding",
  "search",
  "trending",
  "top",
  "gallery",
  "feed",
  "tags",
  "tag",
  "t",
  "start",
  "moderation",
  "moderator",
  "embed",
  "oembed",
  "export",
  "import",
  "share",
  "sitemap",
  "sitemap.xml",
  "sitemaps",
  "robots",
  "icon",
  "favicon",
  "manifest",
  "uploads",
  "upload",
  "static",
  "public",
  "assets",
  "_next",
  "well-known",
  "health",
  "status",
  "docs",
  "help",
  "about",
  "terms",
  "privacy",
  "legal",
  "blog",
  "pricing",
  "contact",
  "dashboard",
  "notifications",
  "messages",
  "inbox",
  "account",
  "accounts",
  "profile",
  "profiles",
  "user",
  "users",
  "artifact",
  "artifacts",
  "forks",
  "fork",
  "versions",
  "version",
  "diff",
  "edit",
  "auth",
  "oauth",
  "callback",
  "verify",
  "reset",
  "password",
  "tokens",
  "token",
  "preview",
  "og",
  "rss",
  "atom",
  "graphql",
  "www",
  "mail",
  "email",
  "app",
  "home",
  "index",
  // the site and its staff
  "admin",
  "administrator",
  "root",
  "system",
  "sysadmin",
  "moderator",
  "mod",
  "mods",
  "staff",
  "team",
  "support",
  "security",
  "abuse",
  "official",
  "vitrine",
  "owner",
  "me",
  "you",
  "self",
  "anonymous",
  "anon",
  "guest",
  "deleted",
  "private",
  "null",
  "undefined",
  "nobody",
  "everyone",
]);

export type HandleResult = { ok: true; handle: string } | { ok: false; message: string };

/** Validates and normalises what a person typed as a handle: lower-case, or a clear sentence why not. */
export function normalizeHandle(input: unknown): HandleResult {
  if (typeof input !== "string") return { ok: false, message: "Choose a handle." };
  if (input.includes("\u0000"))
    return { ok: false, message: "Handles cannot contain NUL characters." };
  if (hasUnsafeCharacters(input, { multiline: true })) {
    return {
      ok: false,
      message: "Handles cannot contain invisible or right-to-left control characters.",
    };
  }
  const trimmed = input.trim();
  if (trimmed === "") return { ok: false, message: "Choose a handle." };
  if (/\s/.test(trimmed)) return { ok: false, message: "Handles cannot contain spaces." };
  const handle = trimmed.toLowerCase();
  if (!/^[a-z0-9_-]*$/.test(handle)) {
    return {
      ok: false,
      message: "Handles may use only the letters a–z, digits 0–9, underscores and hyphens.",
    };
  }
  if (handle.length < HANDLE_MIN)
    return { ok: false, message: `Handles are at least ${HANDLE_MIN} characters long.` };
  if (handle.length > HANDLE_MAX)
    return { ok: false, message: `Handles are at most ${HANDLE_MAX} characters long.` };
  if (!/[a-z0-9]/.test(handle))
    return { ok: false, message: "Handles need at least one letter or digit." };
  if (RESERVED_HANDLES.has(handle))
    return { ok: false, message: "That handle is reserved. Please choose another." };
  return { ok: true, handle };
}

/** The handle field of a zod form schema: normalised, or one issue with the sentence above. */
export const handleField = z
  .string()
  .max(200, `Handles are at most ${HANDLE_MAX} characters long.`)
  .transform((value, ctx) => {
    const result = normalizeHandle(value);
    if (result.ok) return result.handle;
    ctx.addIssue({ code: "custom", message: result.message });
    return z.NEVER;
  });

/**
 * The handle in a profile URL (`/u/[handle]`, `/@handle`, their social cards), or null when the
 * segment cannot be a handle: bad percent-encoding (`%FF`), NUL (`%00`), anything outside the
 * handle alphabet. Null is a 404, exactly like a handle nobody has; such input never reaches SQL
 * (PostgreSQL refuses NUL in text, which would be a 500).
 */
export function handleFromPath(segment: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return null;
  }
  const handle = decoded.replace(/^@/, "");
  return /^[A-Za-z0-9_-]{1,64}$/.test(handle) ? handle : null;
}
