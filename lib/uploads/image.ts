import "server-only";
import sharp, { type Metadata } from "sharp";

// Avatar validation and re-encoding (SECURITY.md rule 8). The order matters for memory: the byte
// cap first, then the format by magic bytes, then the dimensions from the header (sharp's metadata
// does not decode pixels), and only then a decode, still bounded by limitInputPixels. Whatever was
// uploaded, what we store is a fresh square WebP made by sharp.

export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
export const AVATAR_MAX_PIXELS = 40_000_000;
export const AVATAR_SIZE = 256;

export type AvatarRefusal =
  "empty" | "too-big" | "svg" | "markup" | "not-image" | "pixels" | "unreadable";
export type AvatarResult =
  { ok: true; bytes: Buffer } | { ok: false; code: AvatarRefusal; message: string };

const FORMATS = "PNG, JPEG or WebP";

/** The image format from the first bytes, or null: names and declared types are never trusted. */
export function sniffImageType(bytes: Uint8Array): "png" | "jpeg" | "webp" | null {
  const b = bytes;
  if (
    b.length >= 8 &&
    b[0] === 0x89 &&
    b[1] === 0x50 &&
    b[2] === 0x4e &&
    b[3] === 0x47 &&
    b[4] === 0x0d &&
    b[5] === 0x0a &&
    b[6] === 0x1a &&
    b[7] === 0x0a
  )
    return "png";
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return "jpeg";
  if (
    b.length >= 12 &&
    String.fromCharCode(...b.subarray(0, 4)) === "RIFF" &&
    String.fromCharCode(...b.subarray(8, 12)) === "WEBP"
  )
    return "webp";
  return null;
}

/** One sentence per refusal; also shown after a plain (no-JavaScript) form post, by code. */
export const AVATAR_MESSAGES: Record<AvatarRefusal, string> = {
  empty: "Choose an image file to upload.",
  "too-big": "Avatars can be at most 5 MB; that file is larger.",
  svg: `SVG images are not accepted as avatars. Please upload a ${FORMATS} image.`,
  markup: `That file is not an image (it looks like HTML or XML). Please upload a ${FORMATS} image.`,
  "not-image": `That file is not a ${FORMATS} image.`,
  pixels: "Avatars can be at most 40 megapixels.",
  unreadable: `That image could not be read. Please try another ${FORMATS} file.`,
};

function refuse(code: AvatarRefusal, message = AVATAR_MESSAGES[code]): AvatarResult {
  return { ok: false, code, message };
}

function refusedType(bytes: Uint8Array): AvatarResult {
  const head = Buffer.from(bytes.subarray(0, 512)).toString("utf8").trimStart().toLowerCase();
  if (head.includes("<svg") || (head.startsWith("<?xml") && head.includes("svg")))
    return refuse("svg");
  if (head.startsWith("<")) return refuse("markup");
  return refuse("not-image");
}

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** Validates uploaded bytes and returns a 256×256 WebP, or a sentence saying what is wrong. */
export async function processAvatar(bytes: Uint8Array): Promise<AvatarResult> {
  if (bytes.length === 0) return refuse("empty");
  if (bytes.length > AVATAR_MAX_BYTES) {
    return refuse(
      "too-big",
      `Avatars can be at most 5 MB; that file is ${megabytes(bytes.length)}.`,
    );
  }
  const type = sniffImageType(bytes);
  if (!type) return refusedType(bytes);

  let metadata: Metadata;
  try {
    // Header only: no pixels are decoded, so even a 20000×20000 claim costs nothing to read.
    // (limitInputPixels would make metadata() throw, losing the size for the message.)
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse("unreadable");
  }
  const { width = 0, height = 0, format } = metadata;
  if ((format === "jpeg" ? "jpeg" : format) !== type) {
    return refuse("not-image");
  }
  if (width * height > AVATAR_MAX_PIXELS) {
    const mp = Math.round((width * height) / 1_000_000);
    return refuse(
      "pixels",
      `Avatars can be at most 40 megapixels; that image is ${width}×${height} (${mp} megapixels).`,
    );
  }
  if (width < 1 || height < 1) return refuse("unreadable");

  try {
    const out = await sharp(bytes, { limitInputPixels: AVATAR_MAX_PIXELS, failOn: "error" })
      .rotate() // apply EXIF orientation, then drop all metadata (location included)
      .resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover", position: "attention" })
      .webp({ quality: 85 })
      .toBuffer();
    return { ok: true, bytes: out };
  } catch {
    return refuse("unreadable");
  }
}
