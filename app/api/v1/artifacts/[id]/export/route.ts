import { downloadSlug } from "@/domain/archive/layout";
import { artifactZipStream } from "@/lib/archive/artifact-zip";
import { artifactId, reader, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/http";

// GET: the artifact as a Vitrine zip (the same archive as /a/<id>/export.zip): every version the
// token's owner may see, vitrine.json with metadata, lineage and chat when they may read it.
// Private of someone else → the same 404 as a missing id. Streamed.
export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const found = await artifactZipStream({ artifactId: id, viewerId: who.viewerId });
  if (!found) return notFound();
  return new Response(found.stream, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${downloadSlug(found.header.title)}.vitrine.zip"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
});
