import { CATEGORIES, CATEGORY_LABELS, type Category } from "@/domain/tags/tags";

/**
 * Explore's tag and category filters, inside its search form (so they work as a plain GET form):
 * `?tag=` and `?category=` in the URL. `onChange` re-runs the search when the category changes.
 */
export function GalleryTagFilters({
  tag,
  category,
  onChange,
}: {
  tag: string | null | undefined;
  category: Category | null | undefined;
  onChange: (form: HTMLFormElement) => void;
}) {
  return (
    <>
      <label className="sr-only" htmlFor="gallery-tag">
        Tag
      </label>
      <input
        id="gallery-tag"
        name="tag"
        defaultValue={tag ?? ""}
        placeholder="Tag"
        autoComplete="off"
        maxLength={120}
        className="w-0 min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm sm:w-32 sm:flex-none"
      />
      <label className="sr-only" htmlFor="gallery-category">
        Category
      </label>
      <select
        id="gallery-category"
        name="category"
        defaultValue={category ?? ""}
        onChange={(e) => e.currentTarget.form && onChange(e.currentTarget.form)}
        className="min-w-0 shrink-0 rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm sm:px-3"
      >
        <option value="">All categories</option>
        {CATEGORIES.map((c) => (
          <option key={c} value={c}>
            {CATEGORY_LABELS[c]}
          </option>
        ))}
      </select>
    </>
  );
}
