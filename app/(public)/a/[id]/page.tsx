import type { Metadata } from "next";
import { ArtifactView } from "@/components/artifact/artifact-view";
import { CommentSection } from "@/components/comment/comment-section";
import { artifactSocialMetadata } from "@/components/gallery/social-metadata";
import { LikeButton } from "@/components/like/like-button";
import { ShareEmbed } from "@/components/embed/share-embed";
import { withOembedDiscovery } from "@/components/embed/oembed-discovery";
import { ArtifactAudience } from "./artifact-audience";
import { ReportArtifact } from "@/components/moderation/report-artifact";
import { SavedNotice } from "@/components/version/saved-notice";
import { loadArtifactLineage, loadArtifactSocial, loadVersion } from "@/lib/loaders/artifact";
import { loadArtifactAudience } from "@/lib/loaders/social";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await loadVersion((await params).id);
  const { artifact, owner } = data;
  const description =
    artifact.description?.slice(0, 200) ||
    `A live artifact by @${owner?.handle ?? "someone"} on Vitrine.`;
  return withOembedDiscovery(artifact, {
    title: artifact.title,
    description,
    robots: artifact.visibility === "private" ? { index: false } : undefined,
    ...artifactSocialMetadata({ id: artifact.id, title: artifact.title, description }),
  });
}

export default async function ArtifactPage({ params, searchParams }: Props) {
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [{ data, recent }, social, lineage] = await Promise.all([
    loadVersion(id),
    loadArtifactSocial(id, query),
    loadArtifactLineage(id, { upstream: true }),
    // The audience block's query, started as soon as the owner is known (not after the page).
    loadVersion(id).then(({ data }) => loadArtifactAudience(data.artifact.ownerUserId)),
  ]);
  return (
    <ArtifactView
      data={data}
      recent={recent}
      lineage={lineage.lineage}
      upstream={lineage.upstream}
      notice={<SavedNotice artifactId={id} isOwner={data.isOwner} query={query} />}
      social={
        <div className="space-y-8">
          <ShareEmbed artifact={data.artifact} versionIndex={data.version.versionIndex} />
          <ArtifactAudience
            artifactId={data.artifact.id}
            ownerUserId={data.artifact.ownerUserId}
            ownerHandle={data.owner?.handle ?? null}
            views={data.artifact.viewsCount}
          />
          <LikeButton
            artifactId={data.artifact.id}
            liked={social.liked}
            count={data.artifact.likesCount}
            signedIn={social.signedIn}
            size="md"
          />
          <ReportArtifact
            artifact={data.artifact}
            isOwner={data.isOwner}
            signedIn={social.signedIn}
          />
          {social.comments && (
            <CommentSection
              artifactId={data.artifact.id}
              {...social.comments}
              signedIn={social.signedIn}
            />
          )}
        </div>
      }
    />
  );
}
