import { notFound } from "next/navigation";
import { ImageResponse } from "next/og";
import { getProfileByHandle, getProfileStats } from "@/db/queries/profiles";
import { ogText } from "@/components/gallery/og-text";
import { avatarColorFor } from "@/components/ui/avatar";
import { markdownPlainText } from "@/components/markdown/plain-text";
import { handleFromPath } from "@/domain/validation/handle";

// A profile's social card: name, handle, bio and public stats (private work never counts).
export const alt = "A profile on Vitrine";
export const size = { width: 1200, height: 630 };
export const contentType = "image/png";

export default async function Image({ params }: { params: Promise<{ handle: string }> }) {
  const handle = handleFromPath((await params).handle);
  const profile = handle ? await getProfileByHandle(handle) : null;
  if (!profile) notFound();
  const stats = await getProfileStats(profile.userId);
  const name = ogText(profile.displayName, 40, profile.handle);
  // Bios are Markdown: the card shows their words, not the markup.
  const bio = ogText(markdownPlainText(profile.bio), 160) || null;
  return new ImageResponse(
    <div
      style={{
        display: "flex",
        flexDirection: "column",
        width: "100%",
        height: "100%",
        background: "#fafafa",
        padding: 64,
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
      <div style={{ display: "flex", alignItems: "center", gap: 40 }}>
        <div
          style={{
            display: "flex",
            width: 180,
            height: 180,
            borderRadius: 90,
            background: avatarColorFor(profile.handle),
            color: "white",
            fontSize: 76,
            fontWeight: 700,
            alignItems: "center",
            justifyContent: "center",
          }}
        >
          {profile.handle.slice(0, 2).toUpperCase()}
        </div>
        <div style={{ display: "flex", flexDirection: "column", gap: 10, flex: 1 }}>
          <div style={{ fontSize: 64, fontWeight: 700, color: "#18181b" }}>{name}</div>
          <div style={{ fontSize: 34, color: "#52525b" }}>{`@${profile.handle}`}</div>
          {bio && <div style={{ fontSize: 28, color: "#3f3f46", marginTop: 8 }}>{bio}</div>}
        </div>
      </div>
      <div style={{ display: "flex", gap: 40, fontSize: 30, color: "#3f3f46" }}>
        <div style={{ display: "flex" }}>{`${stats.publicArtifacts} artifacts`}</div>
        <div style={{ display: "flex" }}>{`${stats.likesReceived} likes received`}</div>
        <div style={{ display: "flex" }}>{`${stats.forksReceived} forks`}</div>
      </div>
    </div>,
    size,
  );
}
