import Link from "next/link";
import { LanguageBadge } from "@/components/artifact/language-badge";
import { Thumbnail } from "@/components/gallery/thumbnail";
import { Avatar } from "@/components/ui/avatar";
import type { FeedItem } from "@/db/queries/feed";
import { ViewsCount } from "./views-count";

const when = new Intl.DateTimeFormat("en", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});

function action(item: FeedItem): string {
  if (item.kind === "publish") return "published";
  if (item.kind === "import") return `brought in v${item.versionIndex ?? "?"} of`;
  return `saved v${item.versionIndex ?? "?"} of`;
}

/** The feed: one row per event, the artifact's thumbnail beside what happened. */
export function FeedList({ items }: { items: FeedItem[] }) {
  return (
    <ol className="space-y-3" aria-label="Feed">
      {items.map((item) => (
        <li
          key={item.id}
          className="flex gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:gap-4"
          data-testid="feed-item"
        >
          <Link
            href={`/a/${item.artifactId}`}
            className="w-28 shrink-0 overflow-hidden rounded-md sm:w-44"
            tabIndex={-1}
            aria-hidden
          >
            <Thumbnail
              artifactId={item.artifactId}
              title={item.title}
              language={item.language}
              thumbVersion={item.thumbVersion}
            />
          </Link>
          <div className="flex min-w-0 flex-1 flex-col gap-1.5">
            <p className="flex flex-wrap items-center gap-x-1.5 text-sm text-zinc-600">
              <Link
                href={`/u/${item.actorHandle}`}
                className="inline-flex items-center gap-1.5 font-medium text-zinc-900 hover:underline"
              >
                <Avatar src={item.actorAvatarUrl} name={item.actorHandle} size={20} />
                {item.actorDisplayName ?? `@${item.actorHandle}`}
              </Link>
              <span>{action(item)}</span>
            </p>
            <h2 className="font-semibold break-words">
              <Link href={`/a/${item.artifactId}`} className="hover:underline">
                {item.title}
              </Link>
            </h2>
            {item.description && (
              <p className="line-clamp-2 text-sm text-zinc-600">{item.description}</p>
            )}
            <div className="mt-auto flex flex-wrap items-center gap-3 text-xs text-zinc-500">
              <time dateTime={item.createdAt.toISOString()}>{when.format(item.createdAt)} UTC</time>
              <LanguageBadge language={item.language} />
              <ViewsCount count={item.viewsCount} />
            </div>
          </div>
        </li>
      ))}
    </ol>
  );
}
