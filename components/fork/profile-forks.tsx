import Link from "next/link";
import type { ForkListItem, ForksPage } from "@/db/queries/fork-lists";
import { formatRelative } from "@/components/ui/relative-time";

// The profile's "forks" tab: the user's forks, newest first, each with the artifact it came from
// (a parent the viewer may not see is "a private artifact", a removed one "a deleted artifact").

function Parent({ item }: { item: ForkListItem }) {
  const label = item.forkedFromVersionLabel ? ` · ${item.forkedFromVersionLabel}` : "";
  if (item.parent.state !== "visible") {
    return (
      <span>
        from{" "}
        <span className="italic">
          {item.parent.state === "private" ? "a private artifact" : "a deleted artifact"}
        </span>
        {label}
      </span>
    );
  }
  return (
    <span>
      from{" "}
      <Link href={`/a/${item.parent.id}`} className="font-medium text-zinc-700 hover:underline">
        {item.parent.ownerHandle ? `@${item.parent.ownerHandle} / ` : ""}
        {item.parent.title}
      </Link>
      {label}
    </span>
  );
}

type Props = {
  /** One page of the user's forks, loaded by the profile page (listForksByOwner). */
  page: ForksPage;
  handle: string;
  cursor: string | null;
  /** The profile page's own URL for the next page (it owns the tab/sort/cursor parameters). */
  moreHref: (cursor: string) => string;
};

export function ProfileForks({ page, handle, cursor, moreHref }: Props) {
  return (
    <div className="space-y-4">
      {page.items.length === 0 ? (
        <p className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
          @{handle} has not forked anything{cursor ? " more" : " yet"}.
        </p>
      ) : (
        <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
          {page.items.map((item) => (
            <li
              key={item.id}
              className="flex flex-col gap-1 p-3 sm:flex-row sm:items-baseline sm:justify-between"
            >
              <div className="min-w-0">
                <Link href={`/a/${item.id}`} className="font-medium hover:underline">
                  {item.title}
                </Link>
                {item.visibility === "private" && (
                  <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
                    Private
                  </span>
                )}
                <p className="text-sm text-zinc-500">
                  <Parent item={item} />
                </p>
              </div>
              <p className="shrink-0 text-xs text-zinc-500">
                ♥ {item.likesCount} · {item.forksCount} {item.forksCount === 1 ? "fork" : "forks"} ·{" "}
                <time dateTime={item.createdAt.toISOString()}>
                  {formatRelative(item.createdAt)}
                </time>
              </p>
            </li>
          ))}
        </ul>
      )}
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link
            href={moreHref(page.nextCursor)}
            className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
          >
            More
          </Link>
        </div>
      )}
    </div>
  );
}
