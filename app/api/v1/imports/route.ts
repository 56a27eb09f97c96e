import { ARCHIVE_LIMITS } from "@/domain/validation/archive";
import { importUploadedArchive } from "@/lib/archive/import-upload";
import { writer } from "@/lib/api/context";
import { apiError } from "@/lib/api/errors";
import { apiRoute, json, rateLimited, readBytes } from "@/lib/api/http";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";

// POST (body: a Vitrine zip, Content-Type: application/zip): imports it as a new private artifact
// of the token's owner, its version history kept (the same path as /import). `?artifact=<id>`
// picks one artifact out of an account zip. Every refusal is one sentence and writes nothing.
export const POST = apiRoute(async (request: Request) => {
  const who = await writer(request);
  if (who instanceof Response) return who;
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(zip|octet-stream)\s*(;|$)/i.test(type))
    return apiError(
      "unsupported_media_type",
      "Send the zip as the request body (Content-Type: application/zip).",
    );
  const limit = await consume("publish", who.userId);
  if (!limit.ok) return rateLimited(limit);
  const bytes = await readBytes(request, ARCHIVE_LIMITS.uploadBytes);
  if (bytes === null)
    return apiError(
      "payload_too_large",
      `The archive is larger than ${ARCHIVE_LIMITS.uploadBytes / 1024 / 1024} MB.`,
    );
  const pick = new URL(request.url).searchParams.get("artifact");
  const outcome = await importUploadedArchive({
    ownerUserId: who.userId,
    bytes,
    fileName: "api-upload.zip",
    pick: pick && pick.length <= 100 ? pick : null,
  });
  if (outcome.status === "refused") return apiError("validation_failed", outcome.message);
  await enqueueThumbnail(outcome.id); // after the commit; never throws
  return json({ id: outcome.id, versions: outcome.versions }, 201);
});
