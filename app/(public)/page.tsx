import Link from "next/link";
import { listRecentPublicArtifacts } from "@/db/queries/artifacts";
import { ArtifactList } from "@/components/artifact/artifact-list";

export const dynamic = "force-dynamic";

export default async function ExplorePage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const { cursor } = await searchParams;
  const page = await listRecentPublicArtifacts({ cursor: typeof cursor === "string" ? cursor : null });
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Explore</h1>
        <p className="mt-1 text-zinc-600">Live HTML, React, SVG and scripts, newest first.</p>
      </header>
      <ArtifactList items={page.items} empty="Nothing has been published yet. Be the first — publish something." />
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link href={`/?cursor=${page.nextCursor}`} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50">
            Older artifacts
          </Link>
        </div>
      )}
    </div>
  );
}
