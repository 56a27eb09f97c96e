import Link from "next/link";
import type { GalleryPage } from "@/db/queries/gallery";
import { GalleryGridList } from "./gallery-card";

/** A profile's "liked" tab: public artifacts the user liked, most recent like first (keyset pages). */
export function LikedArtifacts({
  page,
  handle,
  cursor,
  signedIn,
}: {
  page: GalleryPage;
  handle: string;
  cursor: string | null;
  signedIn: boolean;
}) {
  return (
    <div className="space-y-4">
      {page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
          {cursor
            ? "No more liked artifacts."
            : `@${handle} has not liked any public artifacts yet.`}
        </div>
      ) : (
        <GalleryGridList cards={page.items} signedIn={signedIn} />
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link
            href={`/u/${handle}?tab=liked&cursor=${page.nextCursor}`}
            className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
          >
            More liked artifacts
          </Link>
        </div>
      )}
    </div>
  );
}
