import { createFork } from "@/db/queries/forks";
import { getAncestorChain, getForkChildren, getTreeNode } from "@/db/queries/fork-tree";
import { apiForkSchema } from "@/domain/validation/api";
import { artifactAfterWrite } from "@/lib/api/artifact-response";
import { artifactId, reader, writer, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, rateLimited, readJson, readResponse } from "@/lib/api/http";
import { derivedKey, withIdempotency } from "@/lib/api/idempotency";
import { ancestor, treeNode } from "@/lib/api/present";
import { consume } from "@/lib/rate-limit";
import { enqueueThumbnail } from "@/lib/thumbnails/queue";

// GET: the fork tree around an artifact — its ancestors (hidden ones keep only their depth) and
// one page of its direct forks (?sort=date|likes&cursor=). POST: fork it.

export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const search = new URL(request.url).searchParams;
  const cursor = search.get("cursor");
  const [node, ancestors, children] = await Promise.all([
    getTreeNode({ id, viewerId: who.viewerId }),
    getAncestorChain({ artifactId: id, viewerId: who.viewerId }),
    getForkChildren({
      parentId: id,
      viewerId: who.viewerId,
      sort: search.get("sort") === "likes" ? "likes" : "date",
      cursor: cursor && cursor.length <= 200 ? cursor : null,
    }),
  ]);
  if (!node || !children) return notFound();
  return readResponse(request, {
    node: treeNode(node),
    ancestors: ancestors.filter((a) => a.depth > 0).map(ancestor),
    children: { ...children, items: children.items.map(treeNode) },
  });
});

export const POST = apiRoute(async (request: Request, context: IdParams) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const body = await readJson(request, apiForkSchema);
  if (!body.ok) return body.response;
  return withIdempotency(request, viewer.userId, body.raw, async (key) => {
    const limit = await consume("fork", viewer.userId);
    if (!limit.ok) return rateLimited(limit);
    const fork = await createFork({
      viewerId: viewer.userId,
      artifactId: id,
      versionIndex: body.data.version ?? null,
      title: body.data.title,
      visibility: body.data.visibility,
      idempotencyKey: key
        ? derivedKey(viewer.userId, key, "fork")
        : crypto.randomUUID().replace(/-/g, ""),
    });
    if (!fork) return notFound();
    await enqueueThumbnail(fork.id); // after the commit; never throws
    return artifactAfterWrite(fork.id, viewer.userId, 201);
  });
});
