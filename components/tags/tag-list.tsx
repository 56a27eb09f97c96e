import Link from "next/link";
import { CATEGORY_LABELS, isCategory } from "@/domain/tags/tags";

const chip =
  "rounded-full bg-zinc-100 px-2 py-0.5 text-xs text-zinc-700 hover:bg-zinc-200 hover:text-zinc-900";

/** The link to a tag's page. */
export function tagHref(tag: string): string {
  return `/t/${encodeURIComponent(tag)}`;
}

/** A card's tags: the first few as links to their pages, then "+N". */
export function CardTags({ tags, max = 3 }: { tags: readonly string[]; max?: number }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <ul aria-label="Tags" className="flex flex-wrap gap-1">
      {shown.map((tag) => (
        <li key={tag}>
          <Link href={tagHref(tag)} className={chip}>
            #{tag}
          </Link>
        </li>
      ))}
      {tags.length > max && (
        <li className="px-1 text-xs text-zinc-500" title={tags.slice(max).join(", ")}>
          +{tags.length - max}
        </li>
      )}
    </ul>
  );
}

/** The artifact page's category and tags; the category links to explore filtered by it. */
export function ArtifactTags({ tags, category }: { tags: readonly string[]; category: string }) {
  const label = isCategory(category) ? CATEGORY_LABELS[category] : null;
  if (!label && tags.length === 0) return null;
  return (
    <ul aria-label="Category and tags" className="flex flex-wrap items-center gap-1.5">
      {label && (
        <li>
          <Link
            href={`/?category=${category}`}
            className="rounded-full border border-zinc-300 px-2 py-0.5 text-xs font-medium text-zinc-700 hover:bg-zinc-50"
          >
            {label}
          </Link>
        </li>
      )}
      {tags.map((tag) => (
        <li key={tag}>
          <Link href={tagHref(tag)} className={chip}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
