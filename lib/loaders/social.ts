import "server-only";
import { cache } from "react";
import { getArtifactStats } from "@/db/queries/activity-stats";
import { listFeed } from "@/db/queries/feed";
import { listFollows, suggestPeopleToFollow, viewerFollows } from "@/db/queries/follows";
import { getProfileByHandle } from "@/db/queries/profiles";
import { getProfileViews } from "@/db/queries/views";
import { getViewer } from "@/lib/auth/viewer";
import { handleFromPath } from "@/domain/validation/handle";

// What the follow, view and feed surfaces load for the viewer (issue 15). Pages and the small server
// components beside them call these; components only render.

/** A profile by its URL segment (404 material when null); shared by the profile's sub-pages. */
export const loadProfileBySegment = cache(async (segment: string) => {
  const handle = handleFromPath(segment);
  return handle ? getProfileByHandle(handle) : null;
});

/** The profile's follow block: whether the viewer follows, and the views of their public work. */
export async function loadProfileSocial(profileUserId: string) {
  const viewer = await getViewer();
  const [following, views] = await Promise.all([
    viewerFollows(viewer?.id ?? null, profileUserId),
    getProfileViews(profileUserId),
  ]);
  return { viewerId: viewer?.id ?? null, following, views };
}

/**
 * The artifact page's audience block (the page already checked the artifact is the viewer's to
 * see). Memoised per request: the page starts it beside its other loaders, the block reuses it.
 */
export const loadArtifactAudience = cache(async (ownerUserId: string) => {
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  return { viewerId, following: await viewerFollows(viewerId, ownerUserId) };
});

export async function loadFollowList(
  userId: string,
  direction: "followers" | "following",
  cursor: string | null,
) {
  const viewer = await getViewer();
  const page = await listFollows({ userId, direction, cursor });
  const followed = await Promise.all(
    page.items.map((p) => viewerFollows(viewer?.id ?? null, p.userId)),
  );
  return { page, viewerId: viewer?.id ?? null, followed };
}

export async function loadFeed(viewerId: string, cursor: string | null) {
  const page = await listFeed({ viewerId, cursor });
  const suggestions =
    page.items.length === 0 && !cursor ? await suggestPeopleToFollow(viewerId) : [];
  return { page, suggestions };
}

export const loadArtifactStats = getArtifactStats;
