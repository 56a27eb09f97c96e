import Link from "next/link";
import type { ArtifactCard } from "@/db/queries/artifacts";
import { Avatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import { LanguageBadge } from "./language-badge";
import { ForkIcon } from "@/components/fork/fork-icon";
import { markdownPlainText } from "@/components/markdown/plain-text";

export function ArtifactList({ items, empty }: { items: ArtifactCard[]; empty: React.ReactNode }) {
  if (items.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-300 p-10 text-center text-zinc-600">
        {empty}
      </div>
    );
  }
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {items.map((a) => (
        <li
          key={a.id}
          className="flex flex-col rounded-lg border border-zinc-200 bg-white p-4 shadow-sm transition hover:shadow"
        >
          <div className="flex items-start justify-between gap-2">
            <h2 className="leading-snug font-medium">
              <Link href={`/a/${a.id}`} className="hover:underline">
                {a.title}
              </Link>
            </h2>
            {a.visibility === "private" && (
              <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800">
                Private
              </span>
            )}
          </div>
          {a.description && (
            <p className="mt-1 line-clamp-2 text-sm text-zinc-600">
              {markdownPlainText(a.description)}
            </p>
          )}
          <div className="mt-auto flex flex-wrap items-center gap-x-3 gap-y-1 pt-3 text-xs text-zinc-500">
            {a.ownerHandle && (
              <Link
                href={`/u/${a.ownerHandle}`}
                className="flex items-center gap-1.5 hover:text-zinc-800"
              >
                <Avatar src={a.ownerAvatarUrl} name={a.ownerHandle} size={18} />@{a.ownerHandle}
              </Link>
            )}
            <LanguageBadge language={a.language} />
            <span title="Likes">♥ {a.likesCount}</span>
            <span title="Forks" className="inline-flex items-center gap-0.5">
              <ForkIcon className="size-3" />
              {a.forksCount}
            </span>
            <span title="Comments">💬 {a.commentsCount}</span>
            <span>
              updated <RelativeTime date={a.updatedAt} />
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
