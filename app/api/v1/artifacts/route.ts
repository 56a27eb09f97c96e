import { createArtifact } from "@/db/queries/artifacts";
import { listGallery, TOO_BROAD_MESSAGE } from "@/db/queries/gallery";
import { parseGalleryParams } from "@/domain/gallery/params";
import { parseChat } from "@/domain/validation/artifact";
import { apiPublishSchema } from "@/domain/validation/api";
import { reader, writer } from "@/lib/api/context";
import { artifactAfterWrite } from "@/lib/api/artifact-response";
import { apiError } from "@/lib/api/errors";
import { apiRoute, rateLimited, readJson, readResponse } from "@/lib/api/http";
import { derivedUuid, withIdempotency } from "@/lib/api/idempotency";
import { summary } from "@/lib/api/present";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";

// GET: public artifacts, as Explore lists them (?sort=&language=&q=&cursor=, keyset cursors).
export const GET = apiRoute(async (request: Request) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const url = new URL(request.url);
  const params = parseGalleryParams(url.searchParams);
  if (params.error) return apiError("bad_request", params.error);
  const page = await listGallery({ ...params, viewerId: who.viewerId });
  if (page.tooBroad) return apiError("bad_request", TOO_BROAD_MESSAGE);
  return readResponse(request, { items: page.items.map(summary), nextCursor: page.nextCursor });
});

// POST: publish — the artifact and its version 1, as /new does.
export const POST = apiRoute(async (request: Request) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const body = await readJson(request, apiPublishSchema, { loose: ["chat"] });
  if (!body.ok) return body.response;
  const input = body.data;
  const chat = parseChat(input.chat == null ? null : JSON.stringify(input.chat));
  if ("error" in chat)
    return apiError("validation_failed", chat.error, { fields: { chat: [chat.error] } });
  return withIdempotency(request, viewer.userId, body.raw, async (key) => {
    const limit = await consume("publish", viewer.userId);
    if (!limit.ok) return rateLimited(limit);
    const { id } = await createArtifact({
      ownerUserId: viewer.userId,
      idempotencyKey: key ? derivedUuid(viewer.userId, key, "publish") : crypto.randomUUID(),
      title: input.title,
      description: input.description,
      visibility: input.visibility,
      versioningEnabled: input.versioningEnabled,
      chatHistoryPublic: input.chatHistoryPublic,
      language: input.language,
      code: input.code,
      chat: chat.chat,
    });
    await enqueueThumbnail(id); // after the commit; never throws
    return artifactAfterWrite(id, viewer.userId, 201);
  });
});
