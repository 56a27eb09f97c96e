import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ArtifactView } from "@/components/artifact/artifact-view";
import { loadArtifactLineage, loadVersion } from "@/lib/loaders/artifact";
import { versionName } from "@/domain/versions";

type Props = { params: Promise<{ id: string; index: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id, index } = await params;
  const { data } = await loadVersion(id, index);
  return {
    title: `${data.artifact.title} · ${versionName(data.version)}`,
    description:
      data.version.summary?.slice(0, 200) ||
      `Version ${data.version.versionIndex} of ${data.artifact.title} on Vitrine.`,
    robots: { index: false },
  };
}

/** One version; 404 when it does not exist or the viewer may not see the history. */
export default async function VersionPage({ params }: Props) {
  const { id, index } = await params;
  const [{ data, recent }, { lineage }] = await Promise.all([
    loadVersion(id, index),
    // An older version shows the lineage line but no upstream panel (only a "Fork vN" button).
    loadArtifactLineage(id, { upstream: false }),
  ]);
  // The current version has one address.
  if (data.isCurrent) redirect(`/a/${data.artifact.id}`);
  return <ArtifactView data={data} recent={recent} lineage={lineage} upstream={null} />;
}
