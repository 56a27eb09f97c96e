import type { Metadata } from "next";
import { ArtifactView } from "@/components/artifact/artifact-view";
import { loadVersion } from "@/components/artifact/load-version";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await loadVersion((await params).id);
  const { artifact, owner } = data;
  return {
    title: artifact.title,
    description: artifact.description?.slice(0, 200) || `A live artifact by @${owner?.handle ?? "someone"} on Vitrine.`,
    robots: artifact.visibility === "private" ? { index: false } : undefined,
  };
}

export default async function ArtifactPage({ params }: Props) {
  const { data, recent, viewer } = await loadVersion((await params).id);
  return <ArtifactView data={data} recent={recent} viewerId={viewer?.id ?? null} />;
}
