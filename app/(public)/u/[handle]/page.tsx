import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArtifactList } from "@/components/artifact/artifact-list";
import { ProfileForks } from "@/components/fork/profile-forks";
import { ProfileHeader } from "@/components/profile/profile-header";
import { ProfileTabs, profileHref } from "@/components/profile/profile-tabs";
import { LikedArtifacts } from "@/components/gallery/liked-artifacts";
import {
  PROFILE_SORTS,
  PROFILE_TABS,
  getProfileByHandle,
  getProfileStats,
  listProfileArtifacts,
  type ProfileSort,
  type ProfileTab,
} from "@/db/queries/profiles";
import { listForksByOwner } from "@/db/queries/fork-lists";
import { listLikedArtifacts } from "@/db/queries/gallery";
import { getViewer } from "@/lib/auth/viewer";
import { appOrigin } from "@/lib/env";
import { handleFromPath } from "@/domain/validation/handle";
import { ProfileSocial } from "./profile-social";

type SearchParams = {
  tab?: string | string[];
  sort?: string | string[];
  cursor?: string | string[];
};
type Props = { params: Promise<{ handle: string }>; searchParams: Promise<SearchParams> };

// One look-up per request, shared by generateMetadata and the page. A segment that cannot be a
// handle (%00, %FF) is a 404 like an unknown one.
const loadProfile = cache(async (segment: string) => {
  const handle = handleFromPath(segment);
  return handle ? getProfileByHandle(handle) : null;
});

function pick<T extends string>(value: unknown, allowed: readonly T[], fallback: T): T {
  return typeof value === "string" && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback;
}

/** Plain text from the Markdown bio, for the description and social card. */
function summary(bio: string | null, handle: string): string {
  const text = (bio ?? "")
    .replace(/[#>*_`~[\]()!|-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  return text ? text.slice(0, 200) : `Live code artifacts by @${handle} on Vitrine.`;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await loadProfile((await params).handle);
  if (!profile) return { title: "Not found" };
  const title = `${profile.displayName ?? profile.handle} (@${profile.handle})`;
  const description = summary(profile.bio, profile.handle);
  const url = `${appOrigin()}/u/${profile.handle}`;
  return {
    title,
    description,
    alternates: { canonical: url },
    // The image is the profile's social card (./opengraph-image.tsx: name, bio, stats); an `images`
    // key here, even undefined, would replace it.
    openGraph: { type: "profile", title, description, url, username: profile.handle },
    twitter: { card: "summary_large_image", title, description },
  };
}

export default async function ProfilePage({ params, searchParams }: Props) {
  const [{ handle }, query] = await Promise.all([params, searchParams]);
  const profile = await loadProfile(handle);
  if (!profile) notFound();
  const tab: ProfileTab = pick(query.tab, PROFILE_TABS, "artifacts");
  const sort: ProfileSort = pick(query.sort, PROFILE_SORTS, "newest");
  const cursor = typeof query.cursor === "string" ? query.cursor : null;
  const viewer = await getViewer();
  const isOwner = viewer?.id === profile.userId;
  const [stats, page, liked, forks] = await Promise.all([
    getProfileStats(profile.userId),
    // Each tab loads its own list (the forks with their parents, the liked in liked order).
    tab === "artifacts"
      ? listProfileArtifacts({
          ownerUserId: profile.userId,
          viewerId: viewer?.id ?? null,
          tab,
          sort,
          cursor,
        })
      : null,
    tab === "liked"
      ? listLikedArtifacts({ userId: profile.userId, cursor, viewerId: viewer?.id ?? null })
      : null,
    tab === "forks"
      ? listForksByOwner({
          ownerUserId: profile.userId,
          viewerId: viewer?.id ?? null,
          sort,
          cursor,
        })
      : null,
  ]);
  const empty =
    tab === "forks"
      ? `@${profile.handle} has not forked anything yet.`
      : isOwner
        ? "You have not published anything yet."
        : `@${profile.handle} has not published anything yet.`;
  return (
    <div className="space-y-8">
      <ProfileHeader profile={profile} stats={stats} isOwner={isOwner} />
      <ProfileSocial profile={profile} />
      <section
        aria-label={tab === "forks" ? "Forks" : tab === "liked" ? "Liked" : "Artifacts"}
        className="space-y-4"
      >
        <ProfileTabs handle={profile.handle} tab={tab} sort={sort} />
        {forks && (
          <ProfileForks
            page={forks}
            handle={profile.handle}
            cursor={cursor}
            moreHref={(next) => profileHref(profile.handle, { tab, sort, cursor: next })}
          />
        )}
        {liked && (
          <LikedArtifacts
            page={liked}
            handle={profile.handle}
            cursor={cursor}
            signedIn={Boolean(viewer?.id)}
          />
        )}
        {page && <ArtifactList items={page.items} empty={empty} />}
        {page?.nextCursor && (
          <div className="flex justify-center">
            <Link
              href={profileHref(profile.handle, { tab, sort, cursor: page.nextCursor })}
              className="rounded-md border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-50"
            >
              More
            </Link>
          </div>
        )}
      </section>
    </div>
  );
}
