import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getArtifactCardData } from "@/db/queries/media";
import { getViewer } from "@/lib/auth/viewer";
import { parseId } from "@/domain/ids";
import { imageDataUrl } from "@/lib/thumbnails/og-image";
import { languageInfo } from "@/domain/languages";
import { ogText } from "@/components/gallery/og-text";

// The artifact's social card: title, owner, language, counts, and the rendered screenshot when
// there is one. Same visibility as the page: private → 404 for everyone but the owner.
// next/og's bundled default font is used. Only characters that font has (no emoji, no ♥): for any
// other glyph satori would fetch a font from a CDN, which production must never depend on.
export const alt = "An artifact on Vitrine";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ id: string }> }) {
  const id = parseId((await params).id);
  if (!id) notFound();
  const viewer = await getViewer();
  const data = await getArtifactCardData({ id, viewerId: viewer?.id ?? null });
  if (!data) notFound();
  const lang = languageInfo(data.language);
  const picture = await imageDataUrl(data.image_url, 560, 350);
  const title = ogText(data.title, 90, "A live artifact");
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        width: "100%",
        height: "100%",
        background: "#fafafa",
        padding: 56,
        gap: 48,
        alignItems: "center",
      }}
    >
      <div
        style={{
          display: "flex",
          flexDirection: "column",
          flex: 1,
          height: "100%",
          justifyContent: "space-between",
        }}
      >
        <div
          style={{
            display: "flex",
            alignItems: "center",
            gap: 14,
            fontSize: 30,
            color: "#3b55e6",
            fontWeight: 700,
          }}
        >
          <div
            style={{
              display: "flex",
              width: 44,
              height: 44,
              borderRadius: 10,
              background: "#3b55e6",
              color: "white",
              alignItems: "center",
              justifyContent: "center",
            }}
          >
            V
          </div>
          Vitrine
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 18 }}>
          <div
            style={{
              fontSize: title.length > 40 ? 50 : 62,
              fontWeight: 700,
              color: "#18181b",
              lineHeight: 1.1,
            }}
          >
            {title}
          </div>
          {data.handle && (
            <div style={{ fontSize: 30, color: "#52525b" }}>{`by @${data.handle}`}</div>
          )}
        </div>
        <div
          style={{ display: "flex", gap: 28, fontSize: 26, color: "#52525b", alignItems: "center" }}
        >
          <div style={{ display: "flex", alignItems: "center", gap: 10 }}>
            <div style={{ width: 18, height: 18, borderRadius: 9, background: lang.color }} />
            {lang.name}
          </div>
          <div style={{ display: "flex" }}>{`${data.likes_count} likes`}</div>
          <div style={{ display: "flex" }}>{`${data.forks_count} forks`}</div>
        </div>
      </div>
      <div
        style={{
          display: "flex",
          width: 560,
          height: 350,
          borderRadius: 18,
          overflow: "hidden",
          border: "2px solid #e4e4e7",
          background: `linear-gradient(135deg, ${lang.color}55, #ffffff)`,
          alignItems: "flex-end",
          padding: picture ? 0 : 28,
        }}
      >
        {picture ? (
          <img src={picture} width={560} height={350} alt="" />
        ) : (
          <div style={{ fontSize: 40, fontWeight: 700, color: "#27272a" }}>{title}</div>
        )}
      </div>
    </div>,
    { ...size, headers: { "Cache-Control": "private, max-age=300" } },
  );
}
