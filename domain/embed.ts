import { parseId } from "./ids";
import { parseVersionIndex } from "./versions";

// Embeds and oEmbed (https://oembed.com), pure: which of our URLs name an artifact, how big the
// iframe is for a consumer's maxwidth/maxheight, and the iframe snippet itself.

/** The iframe's size when the consumer sets no limit: the preview's 8:5 plus the slim title bar. */
export const EMBED_DEFAULT_SIZE = { width: 800, height: 540 } as const;

export type EmbedTarget = { artifactId: string; versionIndex?: number };

export type EmbedTheme = "auto" | "light" | "dark";

export function parseEmbedTheme(value: unknown): EmbedTheme {
  return value === "light" || value === "dark" ? value : "auto";
}

/**
 * The artifact an URL of ours points at: `/a/<id>`, `/a/<id>/v/<n>` or `/embed/<id>[?v=<n>]` on the
 * app origin. Anything else (another host, another path, a malformed id or index) is null.
 */
export function parseEmbedTarget(raw: string, appOrigin: string): EmbedTarget | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.origin !== new URL(appOrigin).origin) return null;
  const path = url.pathname.replace(/\/+$/, "");
  const page = /^\/a\/([^/]+)(?:\/v\/([^/]+))?$/.exec(path);
  const embed = /^\/embed\/([^/]+)$/.exec(path);
  const rawId = page?.[1] ?? embed?.[1];
  const rawIndex = page ? page[2] : (url.searchParams.get("v") ?? undefined);
  const artifactId = rawId === undefined ? null : parseId(rawId);
  if (!artifactId) return null;
  if (rawIndex === undefined) return { artifactId };
  const versionIndex = parseVersionIndex(rawIndex);
  return versionIndex === null ? null : { artifactId, versionIndex };
}

/** The embed page's URL for an artifact, pinned to a version when `versionIndex` is given. */
export function embedUrl(appOrigin: string, target: EmbedTarget): string {
  const base = `${new URL(appOrigin).origin}/embed/${target.artifactId}`;
  return target.versionIndex === undefined ? base : `${base}?v=${target.versionIndex}`;
}

/** The artifact page an embed links back to. */
export function artifactUrl(appOrigin: string, target: EmbedTarget): string {
  const base = `${new URL(appOrigin).origin}/a/${target.artifactId}`;
  return target.versionIndex === undefined ? base : `${base}/v/${target.versionIndex}`;
}

/**
 * The iframe size within the consumer's limits (oEmbed: "must be respected"). With only a width
 * limit the default shape is kept; a height limit then cuts the height.
 */
export function embedSize(limits: { maxwidth?: number; maxheight?: number }): {
  width: number;
  height: number;
} {
  const { width: w0, height: h0 } = EMBED_DEFAULT_SIZE;
  const width = Math.min(w0, limits.maxwidth ?? w0);
  const height = Math.min(Math.round((width * h0) / w0), limits.maxheight ?? h0);
  return { width, height };
}

/** A thumbnail scaled down (never up) to fit the limits, keeping its shape. */
export function fitThumbnail(
  size: { width: number; height: number },
  limits: { maxwidth?: number; maxheight?: number },
): { width: number; height: number } {
  const scale = Math.min(
    1,
    (limits.maxwidth ?? size.width) / size.width,
    (limits.maxheight ?? size.height) / size.height,
  );
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale)),
  };
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/"/g, "&quot;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;");
}

/**
 * The snippet a site pastes (and oEmbed's `html`). No `sandbox` attribute: the embed page is ours
 * and must keep its origin to hand the code to its own sandboxed preview frame.
 */
export function embedSnippet({
  src,
  title,
  width,
  height,
}: {
  src: string;
  title: string;
  width: number;
  height: number;
}): string {
  return (
    `<iframe src="${escapeAttribute(src)}" width="${width}" height="${height}"` +
    ` title="${escapeAttribute(`${title} on Vitrine`)}" loading="lazy" allow="fullscreen"` +
    ` style="border:0;border-radius:8px;max-width:100%"></iframe>`
  );
}
