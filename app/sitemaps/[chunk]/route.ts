import { listSitemapChunk, parseChunkId } from "@/db/queries/sitemap";
import { answeringBusy } from "@/db/busy";
import { appOrigin } from "@/lib/env";
import { urlSetXml, xmlResponse } from "@/lib/sitemap/xml";

// One chunk of the sitemap index: /sitemaps/a-3f.xml lists the public artifacts whose id starts
// with 3f, /sitemaps/u-3.xml the profiles with public work whose user id starts with 3.
export const dynamic = "force-dynamic";

export const GET = answeringBusy(
  async (_req: Request, { params }: { params: Promise<{ chunk: string }> }) => {
    const name = (await params).chunk;
    const chunk = name.endsWith(".xml") ? parseChunkId(name.slice(0, -4)) : null;
    if (!chunk) return new Response("Not found", { status: 404 });
    const origin = appOrigin();
    const entries = await listSitemapChunk(chunk);
    const home = chunk.kind === "a" && /^0+$/.test(chunk.prefix) ? [{ loc: `${origin}/` }] : [];
    return xmlResponse(
      urlSetXml([
        ...home,
        ...entries.map((e) => ({ loc: `${origin}${e.path}`, lastModified: e.updatedAt })),
      ]),
    );
  },
);
