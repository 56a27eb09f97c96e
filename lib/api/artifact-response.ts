import "server-only";
import { getVersionForViewer } from "@/db/queries/version-history";
import { notFound } from "./errors";
import { json } from "./http";
import { artifact, artifactUrl } from "./present";

/** The artifact as the viewer now sees it, after a write (201 with Location for a create). */
export async function artifactAfterWrite(id: string, viewerId: string, status: 200 | 201) {
  const viewed = await getVersionForViewer({ artifactId: id, viewerId });
  if (!viewed) return notFound(); // deleted in between
  return json(artifact(viewed), status, status === 201 ? { Location: artifactUrl(id) } : {});
}
