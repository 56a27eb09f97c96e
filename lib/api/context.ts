import "server-only";
import { parseId } from "@/domain/ids";
import { authenticateApiRequest, requireScope, type ApiViewer } from "./auth";
import { notFound } from "./errors";

// Who is asking and about what, for route handlers: one line each in a route file.

export type IdParams = { params: Promise<{ id: string }> };

/** The token's viewer for a read; anonymous (null) without an Authorization header. */
export async function reader(request: Request): Promise<{ viewerId: string | null } | Response> {
  const viewer = await authenticateApiRequest(request, { optional: true });
  if (viewer instanceof Response) return viewer;
  return { viewerId: viewer?.userId ?? null };
}

/** The token's viewer for a write: a token is required (401) and it must have the write scope (403). */
export async function writer(request: Request): Promise<ApiViewer | Response> {
  const viewer = await authenticateApiRequest(request);
  if (viewer instanceof Response) return viewer;
  return requireScope(viewer, "write") ?? viewer;
}

/** The artifact id of the route, or the 404 that a missing or private one gets too. */
export async function artifactId(context: IdParams): Promise<string | Response> {
  return parseId((await context.params).id) ?? notFound();
}
