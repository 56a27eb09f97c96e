import type { Metadata } from "next";
import Link from "next/link";
import { listGallery } from "@/db/queries/gallery";
import { getViewer } from "@/lib/auth/viewer";
import { appOrigin } from "@/lib/env";
import { languageInfo } from "@/domain/languages";
import { GalleryControls } from "@/components/gallery/gallery-controls";
import { InfiniteGallery } from "@/components/gallery/infinite-gallery";
import { SORT_LABELS, parseGalleryParams } from "@/domain/gallery/params";
import { tagFilterNames } from "@/components/tags/tag-filter-names";
import { InvalidTagNote } from "@/components/tags/invalid-tag-note";
import { SearchTooBroad } from "@/components/gallery/search-too-broad";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = parseGalleryParams(await searchParams);
  const filtered = params.q || params.language || params.tag || params.category || params.cursor;
  return {
    metadataBase: new URL(appOrigin()),
    title: { absolute: "Vitrine — explore live HTML, React, SVG and scripts" },
    description:
      "Browse live code artifacts: trending, newest, most liked and most forked, with thumbnails.",
    alternates: { canonical: "/" },
    // Search results and deep pages are not what search engines should index.
    robots: filtered ? { index: false, follow: true } : undefined,
  };
}

export default async function ExplorePage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = parseGalleryParams(raw);
  const rawQuery = typeof raw.q === "string" ? raw.q.slice(0, 1000) : "";
  const viewer = await getViewer();
  const page = params.error
    ? null
    : await listGallery({
        sort: params.sort,
        language: params.language,
        q: params.q,
        tag: params.tag,
        category: params.category,
        cursor: params.cursor,
        viewerId: viewer?.id ?? null,
      });
  const filters = [
    params.q && `“${params.q}”`,
    params.language && languageInfo(params.language).name,
    ...tagFilterNames(params),
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Explore</h1>
        <p className="text-zinc-600">
          Live HTML, React, SVG and scripts people have published —{" "}
          {SORT_LABELS[params.sort].toLowerCase()} first.
        </p>
      </header>
      <GalleryControls params={params} rawQuery={params.error ? "" : rawQuery} />
      <InvalidTagNote raw={raw.tag} />
      {params.error ? (
        <p
          role="alert"
          className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-900"
        >
          {params.error} Please shorten your search.
        </p>
      ) : page?.tooBroad ? (
        <SearchTooBroad query={params.q ?? filters} />
      ) : page && page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
          {params.q || params.language || params.tag || params.category ? (
            <>
              <p className="font-medium text-zinc-800">No artifacts match {filters}.</p>
              <p className="mt-1">
                Try other words, or{" "}
                <Link href="/" className="text-brand-700 underline">
                  clear the search
                </Link>
                .
              </p>
            </>
          ) : params.cursor ? (
            <p>
              That is everything.{" "}
              <Link href="/" className="text-brand-700 underline">
                Back to the start
              </Link>
              .
            </p>
          ) : (
            <p>
              Nothing has been published yet.{" "}
              <Link href="/new" className="text-brand-700 underline">
                Be the first — publish something
              </Link>
              .
            </p>
          )}
        </div>
      ) : (
        page && (
          <>
            {filters && <p className="text-sm text-zinc-600">Showing results for {filters}.</p>}
            <InfiniteGallery
              params={{
                sort: params.sort,
                language: params.language,
                q: params.q,
                tag: params.tag,
                category: params.category,
              }}
              firstPage={page}
              startCursor={params.cursor}
              signedIn={Boolean(viewer?.id)}
            />
          </>
        )
      )}
    </div>
  );
}
