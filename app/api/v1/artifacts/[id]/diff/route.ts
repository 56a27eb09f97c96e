import { getDiffSides } from "@/db/queries/diff";
import { parseSideRef } from "@/domain/diff/side-ref";
import { computeDiff } from "@/domain/diff/model";
import { artifactId, reader, type IdParams } from "@/lib/api/context";
import { notFound } from "@/lib/api/errors";
import { apiRoute, readResponse } from "@/lib/api/http";
import { diff } from "@/lib/api/present";
import { diffTextsAsync } from "@/lib/diff/run";

// The diff of two versions as JSON (?from=&to=&ignoreWhitespace=1), by the diff page's own path:
// getDiffSides (both sides behind the history rule) and computeDiff with the worker-thread differ.
// A side is `3` (this artifact) or `<artifact id>:3` (across a fork).
export const GET = apiRoute(async (request: Request, context: IdParams) => {
  const who = await reader(request);
  if (who instanceof Response) return who;
  const id = await artifactId(context);
  if (id instanceof Response) return id;
  const search = new URL(request.url).searchParams;
  const from = parseSideRef(search.get("from") ?? undefined);
  const to = parseSideRef(search.get("to") ?? undefined);
  if (from === "invalid" || to === "invalid") return notFound();
  const sides = await getDiffSides({ artifactId: id, from, to, viewerId: who.viewerId });
  if (!sides) return notFound();
  const ws = search.get("ignoreWhitespace") === "1";
  const computed = await computeDiff(
    {
      versionId: sides.from.id,
      code: sides.from.codeContent,
      codeLanguage: sides.from.codeLanguage,
    },
    { versionId: sides.to.id, code: sides.to.codeContent, codeLanguage: sides.to.codeLanguage },
    ws,
    (before, after, ignore) => diffTextsAsync(before, after, ignore),
  );
  return readResponse(request, diff(sides.from, sides.to, computed));
});
