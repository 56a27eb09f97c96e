import type { Metadata } from "next";
import Link from "next/link";
import { QueueItem } from "@/components/moderation/queue-item";
import { loadModerationQueue } from "@/lib/loaders/moderation";

export const metadata: Metadata = { title: "Moderation", robots: { index: false } };

/** The moderation queue: moderators only (everyone else gets 404), oldest first, keyset-paged. */
export default async function ModerationPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { after } = await searchParams;
  const page = await loadModerationQueue(after);
  return (
    <div className="mx-auto w-full max-w-4xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold">Moderation</h1>
        <p className="text-sm text-zinc-600">
          Reported artifacts and comments and owners’ appeals, oldest first. Every action is
          recorded with your name and the reason.
        </p>
      </header>
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-zinc-200 bg-white p-6 text-sm text-zinc-600">
          Nothing is waiting. {after ? <Link href="/moderation">Back to the start</Link> : null}
        </p>
      ) : (
        <ol className="space-y-4">
          {page.items.map((item) => (
            <QueueItem key={item.key} item={item} />
          ))}
        </ol>
      )}
      {page.nextCursor && (
        <Link
          href={`/moderation?after=${encodeURIComponent(page.nextCursor)}`}
          className="inline-block rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
        >
          Newer items →
        </Link>
      )}
    </div>
  );
}
