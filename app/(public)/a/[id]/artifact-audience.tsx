import { after } from "next/server";
import { headers } from "next/headers";
import Link from "next/link";
import { FollowButton } from "@/components/social/follow-button";
import { ViewsCount } from "@/components/social/views-count";
import { recordView } from "@/db/queries/views";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { logger } from "@/lib/log";
import { loadArtifactAudience } from "@/lib/loaders/social";
import { CACHE_RENDER_REQUEST_HEADER } from "@/lib/page-cache/routes";

/** Router prefetches and speculative loads render the page without anyone looking at it. */
function isPrefetch(h: Headers): boolean {
  return (
    h.get("next-router-prefetch") !== null ||
    /prefetch|prerender/i.test(`${h.get("sec-purpose") ?? ""} ${h.get("purpose") ?? ""}`)
  );
}

/**
 * The artifact page's audience block (issue 15): its view count, follow the owner, the owner's
 * stats link. It also counts this visit — after the response is sent (next/server after()), so the
 * page never waits for the write; the count shown is the one before this visit.
 */
export async function ArtifactAudience({
  artifactId,
  ownerUserId,
  ownerHandle,
  views,
}: {
  artifactId: string;
  ownerUserId: string;
  ownerHandle: string | null;
  views: number;
}) {
  const [{ viewerId, following }, h] = await Promise.all([
    loadArtifactAudience(ownerUserId),
    headers(),
  ]);
  // The page cache's own render (lib/page-cache) counts nothing: the cache counts the visitor's view.
  if (!isPrefetch(h) && !h.has(CACHE_RENDER_REQUEST_HEADER)) {
    const visit = { artifactId, viewerId, ip: clientIpFrom(h), userAgent: h.get("user-agent") };
    after(async () => {
      try {
        await recordView(visit);
      } catch (err) {
        // A busy database loses one view, never the page.
        logger().warn({ err }, "view not recorded");
      }
    });
  }
  const isOwner = viewerId !== null && viewerId === ownerUserId;
  return (
    <div className="flex flex-wrap items-center gap-3">
      <ViewsCount count={views} size="md" />
      {isOwner && (
        <Link href={`/a/${artifactId}/stats`} className="text-brand-700 text-sm hover:underline">
          Stats
        </Link>
      )}
      {ownerHandle && !isOwner && (
        <FollowButton
          userId={ownerUserId}
          handle={ownerHandle}
          following={following}
          signedIn={Boolean(viewerId)}
          isSelf={false}
        />
      )}
    </div>
  );
}
