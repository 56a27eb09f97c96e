import { parseEmbedTarget } from "@/domain/embed";
import { oembedResponse } from "@/domain/oembed";
import { oembedQueryInput, oembedQuerySchema } from "@/domain/validation/oembed";
import { loadEmbed } from "@/lib/embed/load";
import { appOrigin } from "@/lib/env";
import { THUMB_SIZE } from "@/lib/thumbnails/sizes";

// oEmbed provider (https://oembed.com): `GET /api/oembed?url=<artifact URL>&maxwidth=&maxheight=&format=json`.
// Answers type "rich" with the /embed iframe. Status codes as the spec names them: 404 when the URL is
// not one of ours or names nothing a visitor may see (private answers exactly like missing), 501 for
// a format other than JSON, 400 (with a sentence) for parameters we cannot read.

function text(status: number, message: string) {
  return new Response(message, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

export async function GET(request: Request) {
  const parsed = oembedQuerySchema.safeParse(oembedQueryInput(new URL(request.url).searchParams));
  if (!parsed.success) return text(400, parsed.error.issues[0]?.message ?? "Bad request.");
  const { url, maxwidth, maxheight, format } = parsed.data;
  if (format !== undefined && format !== "json") return text(501, "Only format=json is available.");
  const origin = appOrigin();
  const target = parseEmbedTarget(url, origin);
  if (!target) return text(404, "Not found");
  const embed = await loadEmbed(target);
  if (!embed) return text(404, "Not found");
  const { artifact, owner } = embed.data;
  const body = oembedResponse({
    appOrigin: origin,
    target,
    title: artifact.title,
    owner: owner?.handle ? { handle: owner.handle, displayName: owner.displayName } : null,
    limits: { maxwidth, maxheight },
    thumbnail: embed.hasThumbnail
      ? { url: `${new URL(origin).origin}/api/media/${artifact.id}/thumb`, ...THUMB_SIZE }
      : null,
  });
  return Response.json(body, {
    headers: {
      // Public data only (anonymous read); consumers fetch it from their servers.
      "Cache-Control": "public, max-age=300",
      "Access-Control-Allow-Origin": "*",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
