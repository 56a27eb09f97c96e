import { listComments, postComment } from "@/db/queries/comments";
import { apiCommentSchema } from "@/domain/validation/api";
import { artifactId, reader, writer, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, json, rateLimited, readJson, readResponse } from "@/lib/api/http";
import { withIdempotency } from "@/lib/api/idempotency";
import { comment } from "@/lib/api/present";
import { consume } from "@/lib/rate-limit";

// GET: comments (?order=newest|oldest&cursor=). POST: comment, under the same limits as the form.

export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  const page = await listComments({
    artifactId: id,
    viewerId: who.viewerId,
    order: search.get("order") === "oldest" ? "oldest" : "newest",
    cursor: cursor && cursor.length <= 200 ? cursor : null,
  });
  if (!page) return notFound();
  return readResponse(request, { ...page, items: page.items.map(comment) });
});

export const POST = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const body = await readJson(request, apiCommentSchema);
  if (!body.ok) return body.response;
  return withIdempotency(request, viewer.userId, body.raw, async () => {
    const limit = await consume("comment", viewer.userId);
    if (!limit.ok) return rateLimited(limit);
    const result = await postComment({
      artifactId: id,
      authorUserId: viewer.userId,
      body: body.data.body,
    });
    if (result.status === "not-found") return notFound();
    return json({ id: result.id }, 201);
  });
});
