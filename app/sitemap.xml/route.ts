import { chunkId, listSitemapChunks } from "@/db/queries/sitemap";
import { answeringBusy } from "@/db/busy";
import { appOrigin } from "@/lib/env";
import { sitemapIndexXml, xmlResponse } from "@/lib/sitemap/xml";

// A sitemap index (issue 13): one chunk per range of ids, each a bounded query
// (db/queries/sitemap.ts). The home page is in the first artifacts chunk's document.
export const dynamic = "force-dynamic";

export const GET = answeringBusy(async () => {
  const origin = appOrigin();
  const chunks = await listSitemapChunks();
  return xmlResponse(sitemapIndexXml(chunks.map((c) => `${origin}/sitemaps/${chunkId(c)}.xml`)));
});
