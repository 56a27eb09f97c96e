import Link from "next/link";
import {
  GALLERY_SORTS,
  SORT_LABELS,
  galleryQueryString,
  type GallerySort,
} from "@/domain/gallery/params";

/** The gallery sorts as links that stay on the page they are on (a tag page). */
export function TagSortNav({ basePath, sort }: { basePath: string; sort: GallerySort }) {
  return (
    <nav aria-label="Sort" className="flex flex-wrap gap-1">
      {GALLERY_SORTS.map((s) => (
        <Link
          key={s}
          href={`${basePath}${galleryQueryString({ sort: s })}`}
          aria-current={s === sort ? "page" : undefined}
          className={`rounded-full px-3 py-1 text-sm ${
            s === sort ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-200"
          }`}
        >
          {SORT_LABELS[s]}
        </Link>
      ))}
    </nav>
  );
}
