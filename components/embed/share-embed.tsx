import { artifactUrl, embedUrl } from "@/domain/embed";
import { appOrigin } from "@/lib/env";
import { ShareDialog } from "./share-dialog";

/** The artifact page's "Share / Embed" button and dialog, with absolute URLs (they leave the site). */
export function ShareEmbed({
  artifact,
  versionIndex,
}: {
  artifact: { id: string; title: string; visibility: "public" | "private" };
  /** The version the page shows: what "pin this version" pins. */
  versionIndex: number;
}) {
  const origin = appOrigin();
  const target = { artifactId: artifact.id };
  return (
    <ShareDialog
      title={artifact.title}
      isPublic={artifact.visibility === "public"}
      versionIndex={versionIndex}
      link={artifactUrl(origin, target)}
      embedSrc={embedUrl(origin, target)}
      pinnedEmbedSrc={embedUrl(origin, { ...target, versionIndex })}
    />
  );
}
