import type { Metadata } from "next";
import Link from "next/link";
import { FeedList } from "@/components/social/feed-list";
import { PersonList } from "@/components/social/person-list";
import { requireUser } from "@/lib/auth/viewer";
import { loadFeed } from "@/lib/loaders/social";

export const metadata: Metadata = { title: "Your feed", robots: { index: false } };

type Props = { searchParams: Promise<{ cursor?: string | string[] }> };

/** New public artifacts and versions from the people the viewer follows (signed-in only). */
export default async function FeedPage({ searchParams }: Props) {
  const viewer = await requireUser("/feed");
  const query = await searchParams;
  const cursor = typeof query.cursor === "string" ? query.cursor : null;
  const { page, suggestions } = await loadFeed(viewer.id, cursor);
  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight">Your feed</h1>
        <p className="text-sm text-zinc-600">
          New public artifacts and versions from the people you follow, newest first.
        </p>
      </header>
      {page.items.length > 0 ? (
        <FeedList items={page.items} />
      ) : cursor ? (
        <p className="text-zinc-600">
          That is everything.{" "}
          <Link href="/feed" className="text-brand-700 hover:underline">
            Back to the newest
          </Link>
        </p>
      ) : (
        <section aria-labelledby="suggest" className="space-y-4">
          <p className="text-zinc-700">
            Nothing here yet. Follow people whose work you like, and what they publish shows up
            here.
          </p>
          <h2 id="suggest" className="text-lg font-semibold">
            People to follow
          </h2>
          <PersonList
            people={suggestions}
            followed={suggestions.map(() => false)}
            viewerId={viewer.id}
            empty={
              <>
                Nobody to suggest yet —{" "}
                <Link href="/" className="text-brand-700 hover:underline">
                  explore
                </Link>{" "}
                and follow people from their profiles.
              </>
            }
          />
        </section>
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link
            href={`/feed?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
          >
            Older
          </Link>
        </div>
      )}
    </div>
  );
}
