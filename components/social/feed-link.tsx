import Link from "next/link";

/** The header's "Feed" link, for signed-in people (issue 15). */
export function FeedLink() {
  return (
    <Link href="/feed" className="text-sm text-zinc-600 hover:text-zinc-900">
      Feed
    </Link>
  );
}
