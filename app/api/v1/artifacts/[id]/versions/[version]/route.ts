import { getVersionForViewer } from "@/db/queries/version-history";
import { parseId } from "@/domain/ids";
import { reader } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, readResponse } from "@/lib/api/http";
import { version } from "@/lib/api/present";
import { parseVersionIndex } from "@/domain/versions";

type Params = { params: Promise<{ id: string; version: string }> };

// One version: its code, and its chat when the viewer may read it.
export const GET = apiRoute(async (request: Request, { params }: Params) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const raw = await params;
  const id = parseId(raw.id);
  const index = parseVersionIndex(raw.version);
  if (!id || index === null) return notFound();
  const viewed = await getVersionForViewer({
    artifactId: id,
    versionIndex: index,
    viewerId: who.viewerId,
  });
  return viewed ? readResponse(request, version(viewed)) : notFound();
});
