import type { Metadata } from "next";
import Link from "next/link";
import { listGallery } from "@/db/queries/gallery";
import { publicTagCount } from "@/db/queries/tags";
import { getViewer } from "@/lib/auth/viewer";
import { InfiniteGallery } from "@/components/gallery/infinite-gallery";
import { SearchTooBroad } from "@/components/gallery/search-too-broad";
import { TagSortNav } from "@/components/tags/tag-sort-nav";
import { parseGalleryParams } from "@/domain/gallery/params";
import { tagFromUrl } from "@/domain/tags/tags";
import { countOf } from "@/domain/plural";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ tag: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

function decoded(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = tagFromUrl(decoded((await params).tag));
  return {
    title: tag ? `#${tag}` : "Unknown tag",
    description: tag ? `Live artifacts tagged ${tag} on Vitrine.` : undefined,
    robots: tag ? undefined : { index: false },
  };
}

/** `/t/<tag>`: the explore gallery of public artifacts with one tag, same sorts and keyset paging. */
export default async function TagPage({ params, searchParams }: Props) {
  const [{ tag: rawTag }, raw] = await Promise.all([params, searchParams]);
  const asTyped = decoded(rawTag);
  const tag = tagFromUrl(asTyped);
  const gallery = parseGalleryParams(raw);
  const viewer = await getViewer();
  const [page, count] = tag
    ? await Promise.all([
        listGallery({
          sort: gallery.sort,
          tag,
          cursor: gallery.cursor,
          viewerId: viewer?.id ?? null,
        }),
        publicTagCount(tag),
      ])
    : [null, 0];
  const basePath = tag ? `/t/${tag}` : "/";
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-zinc-500">
          <Link href="/" className="hover:underline">
            Explore
          </Link>{" "}
          / Tag
        </p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">
          #{tag ?? asTyped.slice(0, 60)}
        </h1>
        {tag && (
          <p className="text-zinc-600">{countOf(count, "public artifact", "public artifacts")}</p>
        )}
      </header>
      {tag && <TagSortNav basePath={basePath} sort={gallery.sort} />}
      {page?.tooBroad ? (
        <SearchTooBroad />
      ) : !page || page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
          <p className="font-medium text-zinc-800">
            {!tag
              ? "That is not a tag: tags are lower-case letters a–z, digits and hyphens, at most 30 characters."
              : gallery.cursor
                ? "That is everything with this tag."
                : `No public artifacts are tagged “${tag}” yet.`}
          </p>
          <p className="mt-1">
            <Link href="/" className="text-brand-700 underline">
              Back to explore
            </Link>
          </p>
        </div>
      ) : (
        <InfiniteGallery
          basePath={basePath}
          params={{ sort: gallery.sort, language: null, q: null, tag }}
          firstPage={page}
          startCursor={gallery.cursor}
          signedIn={Boolean(viewer?.id)}
        />
      )}
    </div>
  );
}
