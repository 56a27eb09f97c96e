import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import type { FollowPerson } from "@/db/queries/follows";
import { FollowButton } from "./follow-button";

const format = new Intl.NumberFormat("en");

/** People (followers, following, suggestions), each with a follow button for a signed-in viewer. */
export function PersonList({
  people,
  followed,
  viewerId,
  empty,
}: {
  people: FollowPerson[];
  /** Whether the viewer follows each person, in the same order. */
  followed: boolean[];
  viewerId: string | null;
  empty: React.ReactNode;
}) {
  if (people.length === 0) return <p className="text-zinc-600">{empty}</p>;
  return (
    <ul className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white">
      {people.map((p, i) => (
        <li key={p.userId} className="flex items-center gap-3 p-3">
          <Avatar src={p.avatarUrl} name={p.handle} size={40} />
          <div className="min-w-0 flex-1">
            <Link href={`/u/${p.handle}`} className="block truncate font-medium hover:underline">
              {p.displayName ?? p.handle}
            </Link>
            <p className="truncate text-sm text-zinc-500">
              @{p.handle} · {format.format(p.followersCount)}{" "}
              {p.followersCount === 1 ? "follower" : "followers"}
            </p>
          </div>
          {viewerId !== p.userId && (
            <FollowButton
              userId={p.userId}
              handle={p.handle}
              following={followed[i] ?? false}
              signedIn={Boolean(viewerId)}
              isSelf={false}
            />
          )}
        </li>
      ))}
    </ul>
  );
}
