import { TAG_MAX_LENGTH, tagFromUrl } from "@/domain/tags/tags";

/** Explore's `?tag=` when it cannot be a tag: say so instead of silently showing everything. */
export function InvalidTagNote({ raw }: { raw: string | string[] | undefined }) {
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
  if (!value || tagFromUrl(value)) return null;
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return (
    <p
      role="alert"
      className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900"
    >
      “{shown}” is not a tag, so it was not applied: tags are lower-case letters a–z, digits and
      hyphens, at most {TAG_MAX_LENGTH} characters.
    </p>
  );
}
