import { importVersion } from "@/db/queries/imports";
import { apiSyncSchema } from "@/domain/validation/api";
import { artifactId, writer, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, json, rateLimited, readJson } from "@/lib/api/http";
import { derivedKey, withIdempotency } from "@/lib/api/idempotency";
import { artifactUrl } from "@/lib/api/present";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";

// Sync from upstream: a version of an artifact the viewer may see becomes the next version of this
// one (theirs). Not theirs, or the source not visible → 404, nothing written.
export const POST = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const body = await readJson(request, apiSyncSchema);
  if (!body.ok) return body.response;
  return withIdempotency(request, viewer.userId, body.raw, async (key) => {
    const limit = await consume("fork", viewer.userId);
    if (!limit.ok) return rateLimited(limit);
    const result = await importVersion({
      viewerId: viewer.userId,
      targetId: id,
      sourceId: body.data.sourceId.toLowerCase(),
      sourceVersionIndex: body.data.sourceVersion,
      idempotencyKey: key
        ? derivedKey(viewer.userId, key, "sync")
        : crypto.randomUUID().replace(/-/g, ""),
    });
    if (!result) return notFound();
    await enqueueThumbnail(id); // after the commit; never throws
    const url = `${artifactUrl(id)}/v/${result.versionIndex}`;
    return json(
      { artifactId: id, version: result.versionIndex, versionId: result.versionId, url },
      201,
      { Location: url },
    );
  });
});
