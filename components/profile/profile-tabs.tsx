import Link from "next/link";
import type { ProfileSort, ProfileTab } from "@/db/queries/profiles";

// The profile's tabs. The social feature adds "liked" here (and its list in the page's switch).
export const PROFILE_TAB_LABELS: Record<ProfileTab, string> = {
  artifacts: "Artifacts",
  forks: "Forks",
  liked: "Liked",
};

const SORT_LABELS: Record<ProfileSort, string> = { newest: "Newest", liked: "Most liked" };

export function profileHref(
  handle: string,
  { tab, sort, cursor }: { tab: ProfileTab; sort: ProfileSort; cursor?: string | null },
) {
  const params = new URLSearchParams();
  if (tab !== "artifacts") params.set("tab", tab);
  if (sort !== "newest") params.set("sort", sort);
  if (cursor) params.set("cursor", cursor);
  const query = params.toString();
  return `/u/${handle}${query ? `?${query}` : ""}`;
}

export function ProfileTabs({
  handle,
  tab,
  sort,
}: {
  handle: string;
  tab: ProfileTab;
  sort: ProfileSort;
}) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-3 border-b border-zinc-200">
      <nav aria-label="Profile sections" className="-mb-px flex gap-1">
        {(Object.keys(PROFILE_TAB_LABELS) as ProfileTab[]).map((t) => (
          <Link
            key={t}
            href={profileHref(handle, { tab: t, sort })}
            aria-current={t === tab ? "page" : undefined}
            className={`border-b-2 px-3 py-2 text-sm font-medium ${t === tab ? "border-brand-600 text-brand-700" : "border-transparent text-zinc-600 hover:text-zinc-900"}`}
          >
            {PROFILE_TAB_LABELS[t]}
          </Link>
        ))}
      </nav>
      <nav aria-label="Sort" className="mb-2 flex gap-1 text-sm">
        {(Object.keys(SORT_LABELS) as ProfileSort[]).map((s) => (
          <Link
            key={s}
            href={profileHref(handle, { tab, sort: s })}
            aria-current={s === sort ? "true" : undefined}
            className={`rounded-md px-2.5 py-1 ${s === sort ? "bg-zinc-900 text-white" : "text-zinc-600 hover:bg-zinc-100"}`}
          >
            {SORT_LABELS[s]}
          </Link>
        ))}
      </nav>
    </div>
  );
}
