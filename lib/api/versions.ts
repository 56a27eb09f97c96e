import "server-only";
import { getArtifactForOwner } from "@/db/queries/artifacts";
import { createVersion, restoreVersion, type SaveResult } from "@/db/queries/versions";
import { getVersionForViewer } from "@/db/queries/version-history";
import { apiError, notFound } from "./errors";
import { json } from "./http";
import { artifactUrl } from "./present";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";

// Saving and restoring versions through the API: the editor's createVersion / restoreVersion, with
// the version number a script knows instead of the version id the editor's form carries.

async function conflict(artifactId: string, ownerUserId: string, message: string) {
  const current = await getArtifactForOwner({ id: artifactId, ownerUserId });
  if (!current) return notFound();
  return apiError("conflict", message, {
    extra: { current: { id: current.version.id, version: current.version.versionIndex } },
  });
}

async function created(artifactId: string, result: Extract<SaveResult, { status: "created" }>) {
  await enqueueThumbnail(artifactId); // after the commit; never throws
  return json(
    {
      artifactId,
      version: result.versionIndex,
      versionId: result.versionId,
      url: `${artifactUrl(artifactId)}/v/${result.versionIndex}`,
    },
    201,
    { Location: `${artifactUrl(artifactId)}/v/${result.versionIndex}` },
  );
}

/** A new version edited from `parentVersion`, which must still be the current one (else 409). */
export async function saveVersion(input: {
  artifactId: string;
  ownerUserId: string;
  parentVersion: number;
  code: string;
  summary: string | null;
  label: string | null;
}): Promise<Response> {
  const parent = await getVersionForViewer({
    artifactId: input.artifactId,
    versionIndex: input.parentVersion,
    viewerId: input.ownerUserId,
  });
  if (!parent?.isOwner) {
    if (!(await getArtifactForOwner({ id: input.artifactId, ownerUserId: input.ownerUserId })))
      return notFound();
    return conflict(
      input.artifactId,
      input.ownerUserId,
      `Version ${input.parentVersion} does not exist.`,
    );
  }
  const result = await createVersion({
    artifactId: input.artifactId,
    ownerUserId: input.ownerUserId,
    baseVersionId: parent.version.id,
    code: input.code,
    summary: input.summary,
    label: input.label,
  });
  if (result.status === "not_found") return notFound();
  if (result.status === "conflict")
    return conflict(
      input.artifactId,
      input.ownerUserId,
      `This artifact changed since version ${input.parentVersion}: it is at the version in "current". Merge your change into it and save against that version.`,
    );
  return created(input.artifactId, result);
}

/** Restore = a new version with an old version's content. */
export async function restore(input: {
  artifactId: string;
  ownerUserId: string;
  version: number;
}): Promise<Response> {
  const old = await getVersionForViewer({
    artifactId: input.artifactId,
    versionIndex: input.version,
    viewerId: input.ownerUserId,
  });
  if (!old?.isOwner) return notFound();
  const result = await restoreVersion({
    artifactId: input.artifactId,
    ownerUserId: input.ownerUserId,
    versionId: old.version.id,
  });
  if (result.status === "not_found") return notFound();
  if (result.status === "conflict")
    return conflict(
      input.artifactId,
      input.ownerUserId,
      "Someone saved at the same moment. Please try again.",
    );
  return created(input.artifactId, result);
}
