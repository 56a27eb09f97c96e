import { artifactUrl, embedSize, embedSnippet, embedUrl, fitThumbnail } from "./embed";
import type { EmbedTarget } from "./embed";

// The oEmbed response for one artifact (https://oembed.com, section 2.3: type "rich").

export type OembedRich = {
  version: "1.0";
  type: "rich";
  title: string;
  author_name?: string;
  author_url?: string;
  provider_name: "Vitrine";
  provider_url: string;
  cache_age: number;
  html: string;
  width: number;
  height: number;
  thumbnail_url?: string;
  thumbnail_width?: number;
  thumbnail_height?: number;
};

/** How long a consumer may keep the answer: the title or the owner's name may change. */
export const OEMBED_CACHE_AGE = 3600;

export function oembedResponse({
  appOrigin,
  target,
  title,
  owner,
  limits,
  thumbnail,
}: {
  appOrigin: string;
  target: EmbedTarget;
  title: string;
  owner: { handle: string; displayName: string | null } | null;
  limits: { maxwidth?: number; maxheight?: number };
  /** The thumbnail's URL and stored size, when there is one for what is embedded. */
  thumbnail: { url: string; width: number; height: number } | null;
}): OembedRich {
  const origin = new URL(appOrigin).origin;
  const size = embedSize(limits);
  const thumb = thumbnail && fitThumbnail(thumbnail, limits);
  return {
    version: "1.0",
    type: "rich",
    title,
    ...(owner
      ? {
          author_name: owner.displayName ?? `@${owner.handle}`,
          author_url: `${origin}/u/${encodeURIComponent(owner.handle)}`,
        }
      : {}),
    provider_name: "Vitrine",
    provider_url: `${origin}/`,
    cache_age: OEMBED_CACHE_AGE,
    html: embedSnippet({ src: embedUrl(origin, target), title, ...size }),
    width: size.width,
    height: size.height,
    ...(thumbnail && thumb
      ? {
          thumbnail_url: thumbnail.url,
          thumbnail_width: thumb.width,
          thumbnail_height: thumb.height,
        }
      : {}),
  };
}

/** Where the artifact page points consumers: `<link rel="alternate" type="application/json+oembed">`. */
export function oembedDiscoveryUrl(appOrigin: string, target: EmbedTarget): string {
  const origin = new URL(appOrigin).origin;
  const url = encodeURIComponent(artifactUrl(origin, target));
  return `${origin}/api/oembed?url=${url}&format=json`;
}
