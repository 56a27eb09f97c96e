import Link from "next/link";
import { notFound } from "next/navigation";
import { PersonList } from "@/components/social/person-list";
import { loadFollowList, loadProfileBySegment } from "@/lib/loaders/social";

export type FollowListProps = {
  params: Promise<{ handle: string }>;
  searchParams: Promise<{ cursor?: string | string[] }>;
};

/** /u/<handle>/followers and /u/<handle>/following: one page of people, newest follow first. */
export async function FollowListPage({
  direction,
  params,
  searchParams,
}: FollowListProps & { direction: "followers" | "following" }) {
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  const profile = await loadProfileBySegment(handle);
  if (!profile) notFound();
  const cursor = typeof query.cursor === "string" ? query.cursor : null;
  const { page, viewerId, followed } = await loadFollowList(profile.userId, direction, cursor);
  const base = `/u/${profile.handle}/${direction}`;
  const title = direction === "followers" ? "Followers" : "Following";
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm">
          <Link href={`/u/${profile.handle}`} className="text-brand-700 hover:underline">
            ← {profile.displayName ?? profile.handle}
          </Link>
        </p>
        <h1 className="text-2xl font-semibold tracking-tight">
          {title}{" "}
          <span className="text-zinc-500 tabular-nums">
            {direction === "followers" ? profile.followersCount : profile.followingCount}
          </span>
        </h1>
        <nav aria-label="Follows" className="flex gap-4 text-sm">
          <Link
            href={`/u/${profile.handle}/followers`}
            aria-current={direction === "followers" ? "page" : undefined}
            className="hover:underline aria-[current=page]:font-semibold"
          >
            Followers
          </Link>
          <Link
            href={`/u/${profile.handle}/following`}
            aria-current={direction === "following" ? "page" : undefined}
            className="hover:underline aria-[current=page]:font-semibold"
          >
            Following
          </Link>
        </nav>
      </header>
      <PersonList
        people={page.items}
        followed={followed}
        viewerId={viewerId}
        empty={
          cursor
            ? "No more people."
            : direction === "followers"
              ? `Nobody follows @${profile.handle} yet.`
              : `@${profile.handle} does not follow anyone yet.`
        }
      />
      {page.nextCursor && (
        <div className="flex justify-center">
          <Link
            href={`${base}?cursor=${encodeURIComponent(page.nextCursor)}`}
            className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
          >
            More
          </Link>
        </div>
      )}
    </div>
  );
}
