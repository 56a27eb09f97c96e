"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { LANGUAGES, LANGUAGE_KEYS } from "@/domain/languages";
import {
  GALLERY_SORTS,
  MAX_QUERY_LENGTH,
  SORT_LABELS,
  galleryQueryString,
  type GalleryParams,
} from "@/domain/gallery/params";
import { GalleryTagFilters } from "@/components/tags/gallery-tag-filters";
import { tagFiltersFrom } from "@/domain/tags/tags";

/**
 * Search, language filter and sort. A plain GET form and plain links, so all of it works before
 * JavaScript loads; with JavaScript, changes navigate client-side. The URL is the state.
 */
export function GalleryControls({ params, rawQuery }: { params: GalleryParams; rawQuery: string }) {
  const router = useRouter();
  const go = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const q = String(data.get("q") ?? "").trim();
    const language = String(data.get("language") ?? "");
    router.push(
      `/${galleryQueryString({ sort: params.sort, language: (language || null) as GalleryParams["language"], q: q || null, ...tagFiltersFrom(data) })}`,
    );
  };
  return (
    <div className="space-y-3">
      <form
        role="search"
        action="/"
        method="get"
        // Phones: the query and its button on one line, the three filters on the next.
        className="flex flex-col gap-2 sm:flex-row"
        onSubmit={(e) => {
          e.preventDefault();
          go(e.currentTarget);
        }}
      >
        {params.sort !== "newest" && <input type="hidden" name="sort" value={params.sort} />}
        <div className="flex min-w-0 flex-1 gap-2">
          <label className="sr-only" htmlFor="gallery-q">
            Search artifacts
          </label>
          <input
            id="gallery-q"
            type="search"
            name="q"
            defaultValue={rawQuery}
            placeholder="Search titles, descriptions, tags, @handles…"
            maxLength={MAX_QUERY_LENGTH * 50}
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm"
          />
          <button
            type="submit"
            className="rounded-md bg-zinc-900 px-3 py-2 text-sm font-medium text-white hover:bg-zinc-700 sm:px-4"
          >
            Search
          </button>
        </div>
        <div className="flex min-w-0 gap-2">
          <label className="sr-only" htmlFor="gallery-language">
            Language
          </label>
          <select
            id="gallery-language"
            name="language"
            defaultValue={params.language ?? ""}
            onChange={(e) => e.currentTarget.form && go(e.currentTarget.form)}
            className="min-w-0 shrink-0 rounded-md border border-zinc-300 bg-white px-2 py-2 text-sm sm:px-3"
          >
            <option value="">All languages</option>
            {LANGUAGE_KEYS.map((key) => (
              <option key={key} value={key}>
                {LANGUAGES[key].name}
              </option>
            ))}
          </select>
          <GalleryTagFilters tag={params.tag} category={params.category} onChange={go} />
        </div>
      </form>
      {/* One scrolling line on phones, so the first cards stay on the first screen. */}
      <nav aria-label="Sort" className="-mx-1 flex gap-1 overflow-x-auto px-1 sm:flex-wrap">
        {GALLERY_SORTS.map((sort) => (
          <Link
            key={sort}
            href={`/${galleryQueryString({ ...params, sort })}`}
            aria-current={sort === params.sort ? "page" : undefined}
            className={`shrink-0 rounded-full px-3 py-1 text-sm ${
              sort === params.sort ? "bg-zinc-900 text-white" : "text-zinc-700 hover:bg-zinc-200"
            }`}
          >
            {SORT_LABELS[sort]}
          </Link>
        ))}
      </nav>
    </div>
  );
}
