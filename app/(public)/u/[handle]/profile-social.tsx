import { FollowButton } from "@/components/social/follow-button";
import { FollowCounts } from "@/components/social/follow-counts";
import type { Profile } from "@/db/schema";
import { loadProfileSocial } from "@/lib/loaders/social";

/** The profile's follow block (issue 15): counts, lists, and the button. Loads its own data. */
export async function ProfileSocial({ profile }: { profile: Profile }) {
  const { viewerId, following, views } = await loadProfileSocial(profile.userId);
  return (
    <section aria-label="Follows" className="flex flex-wrap items-center justify-between gap-3">
      <FollowCounts
        handle={profile.handle}
        followers={profile.followersCount}
        following={profile.followingCount}
        views={views}
      />
      <FollowButton
        userId={profile.userId}
        handle={profile.handle}
        following={following}
        signedIn={Boolean(viewerId)}
        isSelf={viewerId === profile.userId}
      />
    </section>
  );
}
