import { listVersions } from "@/db/queries/version-history";
import { apiSaveVersionSchema } from "@/domain/validation/api";
import { artifactId, reader, writer, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, readJson, readResponse } from "@/lib/api/http";
import { withIdempotency } from "@/lib/api/idempotency";
import { versionMeta } from "@/lib/api/present";
import { saveVersion } from "@/lib/api/versions";

// GET: the history, newest first, metadata only (?cursor=). POST: save a new version.

export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const cursor = new URL(request.url).searchParams.get("cursor");
  const page = await listVersions({
    artifactId: id,
    viewerId: who.viewerId,
    cursor: cursor && cursor.length <= 200 ? cursor : null,
  });
  if (!page) return notFound();
  return readResponse(request, { items: page.items.map(versionMeta), nextCursor: page.nextCursor });
});

export const POST = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const body = await readJson(request, apiSaveVersionSchema);
  if (!body.ok) return body.response;
  return withIdempotency(request, viewer.userId, body.raw, () =>
    saveVersion({ artifactId: id, ownerUserId: viewer.userId, ...body.data }),
  );
});
