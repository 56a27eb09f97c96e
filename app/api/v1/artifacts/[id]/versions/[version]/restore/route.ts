import { parseId } from "@/domain/ids";
import { writer } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";
import { withIdempotency } from "@/lib/api/idempotency";
import { parseVersionIndex } from "@/domain/versions";
import { restore } from "@/lib/api/versions";

type Params = { params: Promise<{ id: string; version: string }> };

// Restore: a new version with this version's content (no body).
export const POST = apiRoute(async (request: Request, { params }: Params) => {
  const viewer = await writer(request);
  if (viewer instanceof Response) return viewer;
  const raw = await params;
  const id = parseId(raw.id);
  const index = parseVersionIndex(raw.version);
  if (!id || index === null) return notFound();
  return withIdempotency(request, viewer.userId, "", () =>
    restore({ artifactId: id, ownerUserId: viewer.userId, version: index }),
  );
});
