/* eslint-disable @next/next/no-img-element -- thumbnails come from /api/media (visibility-checked), already sized WebP */
import { languageInfo } from "@/domain/languages";

// The picture on a card: the rendered thumbnail when there is one, otherwise a generated placeholder
// (language colour and name, pure CSS). Either way a fixed 8:5 box, so nothing shifts while images load.

export function mediaUrl(artifactId: string, kind: "thumb" | "screenshot", version: string | null) {
  return `/api/media/${artifactId}/${kind}${version ? `?v=${version}` : ""}`;
}

/**
 * How the picture loads: "lcp" for the page's first card (eager, and fetched ahead of the other
 * images: on a phone it is the largest paint), "eager" for the rest of the first row, "lazy" below.
 */
export type ThumbnailLoading = "lcp" | "eager" | "lazy";

/** The card at `index` in a grid whose first `eagerCount` cards (its first row) are in view. */
export function cardLoading(index: number, eagerCount: number): ThumbnailLoading {
  return index >= eagerCount ? "lazy" : index === 0 ? "lcp" : "eager";
}

export function Thumbnail({
  artifactId,
  language,
  thumbVersion,
  loading = "lazy",
}: {
  artifactId: string;
  title: string;
  language: string | null;
  thumbVersion: string | null;
  loading?: ThumbnailLoading;
}) {
  const info = languageInfo(language);
  return (
    <div className="relative aspect-[8/5] w-full overflow-hidden bg-zinc-100">
      {thumbVersion ? (
        <img
          src={mediaUrl(artifactId, "thumb", thumbVersion)}
          alt=""
          width={480}
          height={300}
          loading={loading === "lazy" ? "lazy" : "eager"}
          decoding="async"
          fetchPriority={loading === "lcp" ? "high" : "auto"}
          className="absolute inset-0 size-full object-cover object-top"
          data-testid="thumbnail"
        />
      ) : (
        <Placeholder color={info.color} name={info.name} />
      )}
    </div>
  );
}

/** No rendered thumbnail yet: the language's colour and name (the card prints the title below). */
export function Placeholder({ color, name }: { color: string; name: string }) {
  return (
    <div
      data-testid="thumbnail-placeholder"
      aria-hidden
      className="absolute inset-0 flex items-center justify-center p-4"
      // Fades into the surface colour (dark in dark mode, see globals.css), not into white.
      style={{
        background: `linear-gradient(135deg, ${color}33 0%, ${color}14 55%, var(--color-white) 100%)`,
      }}
    >
      <span
        className="rounded-md px-3 py-1 font-mono text-xl font-semibold text-zinc-800"
        style={{ background: `${color}55` }}
      >
        {name}
      </span>
    </div>
  );
}
