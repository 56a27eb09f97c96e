import {
  deleteArtifact,
  getArtifactForOwner,
  updateArtifactSettings,
} from "@/db/queries/artifacts";
import { getVersionForViewer } from "@/db/queries/version-history";
import { apiSettingsSchema } from "@/domain/validation/api";
import { artifactAfterWrite } from "@/lib/api/artifact-response";
import { artifactId, reader, writer, type IdParams } from "@/lib/api/context";
import { apiError, notFound } from "@/lib/api/errors";
import { apiRoute, json, readJson, readResponse } from "@/lib/api/http";
import { artifact } from "@/lib/api/present";

// One artifact: read (with its current version), change its settings, delete it.

export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const viewed = await getVersionForViewer({ artifactId: id, viewerId: who.viewerId });
  return viewed ? readResponse(request, artifact(viewed)) : notFound();
});

// PATCH: the settings page's fields; only those sent change (the rest are read first, as the form
// shows them).
export const PATCH = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const body = await readJson(request, apiSettingsSchema);
  if (!body.ok) return body.response;
  const current = await getArtifactForOwner({ id, ownerUserId: viewer.userId });
  if (!current) return notFound();
  const ok = await updateArtifactSettings({
    id,
    ownerUserId: viewer.userId,
    title: body.data.title ?? current.title,
    description: body.data.description !== undefined ? body.data.description : current.description,
    visibility: body.data.visibility ?? (current.visibility as "public" | "private"),
    versioningEnabled: body.data.versioningEnabled ?? current.versioningEnabled,
    chatHistoryPublic: body.data.chatHistoryPublic ?? current.chatHistoryPublic,
  });
  if (!ok) return notFound();
  return artifactAfterWrite(id, viewer.userId, 200);
});

// DELETE: the owner's artifact and its versions. The browser asks the owner to type the title; a
// token holder confirms by calling DELETE, and a rename in between refuses the delete (409).
export const DELETE = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const current = await getArtifactForOwner({ id, ownerUserId: viewer.userId });
  if (!current) return notFound();
  const result = await deleteArtifact({
    id,
    ownerUserId: viewer.userId,
    confirmTitle: current.title,
  });
  if (result === "not_found") return notFound();
  if (result === "mismatch")
    return apiError("conflict", "The artifact was renamed meanwhile. Read it again and retry.");
  return json({ deleted: true });
});
