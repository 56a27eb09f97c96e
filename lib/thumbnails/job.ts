import "server-only";
import { randomBytes } from "node:crypto";
import sharp from "sharp";
import { getRenderSource, upsertArtifactMedia } from "@/db/queries/media";
import { deleteUploadByUrl, saveUpload } from "@/lib/uploads/store";
import { RenderUnavailable, renderScreenshot, SCREENSHOT_SIZE } from "./render";
import { THUMB_SIZE } from "./sizes";

export { THUMB_SIZE };

export type ThumbnailOutcome = "saved" | "no-preview" | "no-browser" | "gone";

/**
 * Renders the artifact's current version and stores a screenshot (WebP 1280×800) and a thumbnail
 * (WebP 480×300) in the upload store, then points artifact_media at them. Keys carry a random part:
 * the upload store serves any key it has, so an unguessable key keeps a private artifact's images
 * reachable only through /api/media (which checks visibility).
 */
export async function processThumbnail(artifactId: string): Promise<ThumbnailOutcome> {
  const source = await getRenderSource(artifactId);
  if (!source) return "gone";
  let png: Buffer | null;
  try {
    png = await renderScreenshot(source);
  } catch (err) {
    if (err instanceof RenderUnavailable) return "no-browser";
    throw err;
  }
  if (!png) return "no-preview";

  const [screenshot, thumb] = await Promise.all([
    sharp(png)
      .resize(SCREENSHOT_SIZE.width, SCREENSHOT_SIZE.height, { fit: "cover", position: "top" })
      .webp({ quality: 82 })
      .toBuffer(),
    sharp(png)
      .resize(THUMB_SIZE.width, THUMB_SIZE.height, { fit: "cover", position: "top" })
      .webp({ quality: 78 })
      .toBuffer(),
  ]);
  const stamp = `${source.versionId.slice(0, 8)}-${randomBytes(12).toString("hex")}`;
  const [savedScreenshot, savedThumb] = await Promise.all([
    saveUpload({
      key: `media/${artifactId}/${stamp}-screenshot.webp`,
      bytes: screenshot,
      contentType: "image/webp",
    }),
    saveUpload({
      key: `media/${artifactId}/${stamp}-thumb.webp`,
      bytes: thumb,
      contentType: "image/webp",
    }),
  ]);
  const { saved, previous } = await upsertArtifactMedia({
    artifactId,
    screenshotUrl: savedScreenshot.url,
    thumbUrl: savedThumb.url,
  });
  // The artifact was deleted while we rendered: drop what we just stored.
  const stale = saved ? previous : { screenshotUrl: savedScreenshot.url, thumbUrl: savedThumb.url };
  await Promise.all([deleteUploadByUrl(stale?.screenshotUrl), deleteUploadByUrl(stale?.thumbUrl)]);
  return saved ? "saved" : "gone";
}
