// Tags and categories (issue 15). One normaliser for every surface: the publish and settings forms,
// the explore URL, the tag page and search all read a tag the same way, so "React", " react " and
// "react" are one tag. A tag the rules refuse is never silently changed into another one.

export const TAG_MAX_LENGTH = 30;
export const TAGS_PER_ARTIFACT = 20;
/** What the tags field may hold in all before it is even split (a request-size guard). */
export const TAGS_INPUT_MAX = 20_000;

export const TAG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CATEGORIES = ["general", "ui", "animation", "dashboard", "tooling"] as const;
export type Category = (typeof CATEGORIES)[number];
export const DEFAULT_CATEGORY: Category = "general";
export const CATEGORY_LABELS: Record<Category, string> = {
  general: "General",
  ui: "UI",
  animation: "Animation",
  dashboard: "Dashboard",
  tooling: "Tooling",
};

export type TagsResult = { ok: true; tags: string[] } | { ok: false; error: string };

/** A tag as people see it in a message: short, and with nothing that could break the sentence. */
function quoted(raw: string): string {
  const chars = Array.from(raw);
  const shown = chars.length > 24 ? `${chars.slice(0, 24).join("")}…` : raw;
  return `“${shown}”`;
}

/**
 * One tag as typed → its canonical form: trimmed, lower-cased, inner spaces as hyphens, runs of
 * hyphens collapsed and none at either end. Returns "" for an empty entry; does not validate.
 */
export function canonicalTag(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/\s+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Why one canonical tag is refused, as a sentence; null when it is a valid tag. */
export function tagProblem(tag: string, raw = tag): string | null {
  const length = Array.from(tag).length;
  if (length > TAG_MAX_LENGTH)
    return `The tag ${quoted(raw.trim())} is ${length.toLocaleString("en-US")} characters long; a tag can be at most ${TAG_MAX_LENGTH}.`;
  if (!TAG_PATTERN.test(tag))
    return `The tag ${quoted(raw.trim())} can only contain the letters a–z, digits and hyphens.`;
  return null;
}

/**
 * The tags field (comma- or line-separated) → at most 20 distinct canonical tags in the order
 * given, or one sentence naming the first problem. Empty entries are skipped; duplicates (after
 * normalising) count once.
 */
export function parseTags(input: string | readonly string[]): TagsResult {
  const text = typeof input === "string" ? input : input.join(",");
  if (text.length > TAGS_INPUT_MAX)
    return {
      ok: false,
      error: `Tags must be at most ${TAGS_INPUT_MAX.toLocaleString("en-US")} characters in all (yours have ${text.length.toLocaleString("en-US")}).`,
    };
  const seen = new Set<string>();
  for (const raw of text.split(/[,\n]/)) {
    const tag = canonicalTag(raw);
    if (!tag) continue;
    const problem = tagProblem(tag, raw);
    if (problem) return { ok: false, error: problem };
    seen.add(tag);
  }
  if (seen.size > TAGS_PER_ARTIFACT)
    return {
      ok: false,
      error: `You gave ${seen.size.toLocaleString("en-US")} different tags; an artifact can have at most ${TAGS_PER_ARTIFACT}.`,
    };
  return { ok: true, tags: [...seen] };
}

/** A tag from a URL (`/t/<tag>`, `?tag=`): its canonical form when valid, else null. */
export function tagFromUrl(raw: string | null | undefined): string | null {
  if (!raw || raw.length > TAG_MAX_LENGTH * 4) return null;
  const tag = canonicalTag(raw);
  return tag && tagProblem(tag) === null ? tag : null;
}

export function isCategory(value: unknown): value is Category {
  return typeof value === "string" && (CATEGORIES as readonly string[]).includes(value);
}

/** The tags as the form shows them again. */
export function formatTags(tags: readonly string[]): string {
  return tags.join(", ");
}

/**
 * Canonical tags as a PostgreSQL array literal, for raw SQL (a JS array in drizzle's sql`` would
 * become a parameter list). Safe by construction: canonical tags hold only a-z 0-9 and "-".
 */
export function pgTextArray(tags: readonly string[]): string {
  for (const tag of tags)
    if (!TAG_PATTERN.test(tag)) throw new Error(`not a canonical tag: ${tag}`);
  return `{${tags.join(",")}}`;
}

/**
 * The explore form's tag and category fields → URL params. An invalid tag stays as typed, so the
 * page can say why it was not applied (parseGalleryParams never filters by it).
 */
export function tagFiltersFrom(data: { get(name: string): unknown }): {
  tag: string | null;
  category: Category | null;
} {
  const category = data.get("category");
  return {
    tag:
      tagFromUrl(String(data.get("tag") ?? "")) ?? (String(data.get("tag") ?? "").trim() || null),
    category: isCategory(category) ? category : null,
  };
}
