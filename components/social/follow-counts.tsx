import Link from "next/link";

const format = new Intl.NumberFormat("en");

/** "N followers · N following · N views": the first two link to their lists. */
export function FollowCounts({
  handle,
  followers,
  following,
  views,
}: {
  handle: string;
  followers: number;
  following: number;
  views: number;
}) {
  const value = "font-semibold text-zinc-900 tabular-nums";
  return (
    <ul
      className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-zinc-600"
      aria-label="Follows and views"
    >
      <li>
        <Link href={`/u/${handle}/followers`} className="hover:text-brand-700 hover:underline">
          <span className={value}>{format.format(followers)}</span>{" "}
          {followers === 1 ? "follower" : "followers"}
        </Link>
      </li>
      <li>
        <Link href={`/u/${handle}/following`} className="hover:text-brand-700 hover:underline">
          <span className={value}>{format.format(following)}</span> following
        </Link>
      </li>
      <li title="Views of public artifacts, once per visitor per day">
        <span className={value}>{format.format(views)}</span> {views === 1 ? "view" : "views"}
      </li>
    </ul>
  );
}
