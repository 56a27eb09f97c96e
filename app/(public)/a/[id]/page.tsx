import type { Metadata } from "next";
import { ArtifactView } from "@/components/artifact/artifact-view";
import { loadVersion } from "@/components/artifact/load-version";
import { CommentSection } from "@/components/comment/comment-section";
import { artifactSocialMetadata } from "@/components/gallery/social-metadata";
import { ArtifactLike } from "@/components/like/artifact-like";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await loadVersion((await params).id);
  const { artifact, owner } = data;
  const description = artifact.description?.slice(0, 200) || `A live artifact by @${owner?.handle ?? "someone"} on Vitrine.`;
  return {
    title: artifact.title,
    description,
    robots: artifact.visibility === "private" ? { index: false } : undefined,
    ...artifactSocialMetadata({ id: artifact.id, title: artifact.title, description }),
  };
}

export default async function ArtifactPage({ params, searchParams }: Props) {
  const { data, recent, viewer } = await loadVersion((await params).id);
  return (
    <ArtifactView
      data={data}
      recent={recent}
      viewerId={viewer?.id ?? null}
      social={
        <div className="space-y-8">
          <ArtifactLike artifactId={data.artifact.id} count={data.artifact.likesCount} />
          <CommentSection artifactId={data.artifact.id} searchParams={await searchParams} />
        </div>
      }
    />
  );
}
