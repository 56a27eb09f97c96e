import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { visibleArtifactTitles } from "@/db/queries/artifacts";
import { getHistoryBoundary } from "@/db/queries/lineage";
import { listVersions } from "@/db/queries/version-history";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { VersionList } from "@/components/version/version-list";
import { ForkHistoryBoundary } from "@/components/fork/history-boundary";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
};

const load = cache(async (rawId: string, cursor: string | null) => {
  const id = parseId(rawId);
  if (!id) notFound();
  const viewer = await getViewer();
  const page = await listVersions({ artifactId: id, viewerId: viewer?.id ?? null, cursor });
  if (!page) notFound();
  return { page, viewer };
});

function cursorOf(value: string | string[] | undefined) {
  return typeof value === "string" ? value : null;
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { page } = await load((await params).id, cursorOf((await searchParams).cursor));
  return { title: `History · ${page.artifact.title}`, robots: { index: false } };
}

export default async function VersionsPage({ params, searchParams }: Props) {
  const cursor = cursorOf((await searchParams).cursor);
  const { page, viewer } = await load((await params).id, cursor);
  const { artifact, items, nextCursor } = page;
  const importIds = items.flatMap((i) => (i.source?.artifactId ? [i.source.artifactId] : []));
  const viewerId = viewer?.id ?? null;
  const [importTitles, boundary] = await Promise.all([
    visibleArtifactTitles({ ids: importIds, viewerId }),
    // The oldest page of a fork's history continues into its upstream.
    nextCursor ? null : getHistoryBoundary({ artifactId: artifact.id, viewerId }),
  ]);
  const base = `/a/${artifact.id}`;
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={base} className="text-brand-700 hover:underline">
            ← {artifact.title}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">Version history</h1>
      </header>
      {items.length === 0 ? (
        <p className="text-zinc-600">No versions on this page.</p>
      ) : (
        <VersionList
          artifactId={artifact.id}
          items={items}
          currentIndex={artifact.currentIndex}
          isOwner={viewer?.id === artifact.ownerUserId}
          importTitles={importTitles}
        />
      )}
      <nav aria-label="History pages" className="flex gap-4 text-sm">
        {cursor && (
          <Link href={`${base}/versions`} className="text-brand-700 hover:underline">
            ← Newest versions
          </Link>
        )}
        {nextCursor && (
          <Link
            href={`${base}/versions?cursor=${nextCursor}`}
            className="text-brand-700 ml-auto hover:underline"
          >
            Older versions →
          </Link>
        )}
      </nav>
      <ForkHistoryBoundary artifactId={artifact.id} boundary={boundary} />
    </div>
  );
}
