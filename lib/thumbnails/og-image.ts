import "server-only";
import sharp from "sharp";
import { LOCAL_URL_PREFIX, readLocalUpload } from "@/lib/uploads/store";

/**
 * A stored screenshot as a PNG data URL for next/og (satori draws PNG/JPEG, not WebP), or null when
 * it cannot be read — a social card without the picture beats no card.
 */
export async function imageDataUrl(
  url: string | null,
  width: number,
  height: number,
): Promise<string | null> {
  if (!url) return null;
  try {
    let bytes: Uint8Array;
    if (url.startsWith(LOCAL_URL_PREFIX)) {
      const file = await readLocalUpload(url.slice(LOCAL_URL_PREFIX.length));
      if (!file) return null;
      bytes = file.bytes;
    } else if (/^https:\/\//.test(url)) {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (!res.ok) return null;
      bytes = new Uint8Array(await res.arrayBuffer());
    } else {
      return null;
    }
    const png = await sharp(bytes, { limitInputPixels: 4096 * 4096 })
      .resize(width, height, { fit: "cover", position: "top" })
      .png()
      .toBuffer();
    return `data:image/png;base64,${png.toString("base64")}`;
  } catch {
    return null;
  }
}
