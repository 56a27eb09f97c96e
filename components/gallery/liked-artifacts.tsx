import Link from "next/link";
import { listLikedArtifacts } from "@/db/queries/gallery";
import { getViewer } from "@/lib/auth/viewer";
import { GalleryGridList } from "./gallery-card";

/** A profile's "liked" tab: public artifacts the user liked, most recent like first (keyset pages). */
export async function LikedArtifacts({ userId, handle, cursor }: { userId: string; handle: string; cursor: string | null }) {
  const viewer = await getViewer();
  const page = await listLikedArtifacts({ userId, cursor, viewerId: viewer?.id ?? null });
  return (
    <section aria-labelledby="liked-heading" className="space-y-4">
      <h2 id="liked-heading" className="text-lg font-semibold">
        Liked
      </h2>
      {page.items.length === 0 ? (
        <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
          {cursor ? "No more liked artifacts." : `@${handle} has not liked any public artifacts yet.`}
        </div>
      ) : (
        <GalleryGridList cards={page.items} signedIn={Boolean(viewer?.id)} />
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link href={`/u/${handle}?tab=liked&cursor=${page.nextCursor}`} className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50">
            More liked artifacts
          </Link>
        </div>
      )}
    </section>
  );
}

/** The two-tab switch for a profile (artifacts / liked), as plain links. */
export function ProfileTabs({ handle, active }: { handle: string; active: "artifacts" | "liked" }) {
  const tab = (key: "artifacts" | "liked", label: string, href: string) => (
    <Link
      href={href}
      aria-current={active === key ? "page" : undefined}
      className={`border-b-2 px-3 py-2 text-sm ${active === key ? "border-zinc-900 font-medium text-zinc-900" : "border-transparent text-zinc-600 hover:text-zinc-900"}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="Profile sections" className="flex gap-2 border-b border-zinc-200">
      {tab("artifacts", "Artifacts", `/u/${handle}`)}
      {tab("liked", "Liked", `/u/${handle}?tab=liked`)}
    </nav>
  );
}
