import { crc32 } from "node:zlib";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AVATAR_MAX_BYTES, processAvatar, sniffImageType } from "./image";

const solid = (format: "png" | "jpeg" | "webp", width = 300, height = 200) =>
  sharp({ create: { width, height, channels: 3, background: "#4f6ef7" } })
    [format]()
    .toBuffer();

/** A valid PNG whose header claims width×height, with one byte of pixel data behind it. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), body.length + 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

describe("avatar validation", () => {
  it("re-encodes PNG, JPEG and WebP to a 256×256 WebP", async () => {
    for (const format of ["png", "jpeg", "webp"] as const) {
      const result = await processAvatar(await solid(format));
      expect(result.ok, format).toBe(true);
      if (!result.ok) continue;
      const meta = await sharp(result.bytes).metadata();
      expect([meta.format, meta.width, meta.height]).toEqual(["webp", 256, 256]);
      expect(meta.exif).toBeUndefined();
    }
  });

  it("knows a file by its bytes, not its name", () => {
    expect(sniffImageType(Buffer.from("<svg></svg>"))).toBeNull();
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe("jpeg");
  });

  it("refuses SVG, HTML and other non-images with a clear message", async () => {
    const svg = await processAvatar(
      Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
    );
    expect(svg).toMatchObject({
      ok: false,
      code: "svg",
      message: expect.stringMatching(/SVG images are not accepted/),
    });
    const html = await processAvatar(Buffer.from("<html><script>alert(1)</script></html>"));
    expect(html).toMatchObject({ ok: false, code: "markup" });
    const gif = await processAvatar(Buffer.from("GIF89a......"));
    expect(gif).toMatchObject({
      ok: false,
      code: "not-image",
      message: "That file is not a PNG, JPEG or WebP image.",
    });
    expect(await processAvatar(Buffer.alloc(0))).toMatchObject({ ok: false, code: "empty" });
  });

  it("refuses files over 5 MB before looking inside", async () => {
    const big = Buffer.concat([await solid("png", 10, 10), Buffer.alloc(AVATAR_MAX_BYTES)]);
    expect(await processAvatar(big)).toMatchObject({
      ok: false,
      code: "too-big",
      message: expect.stringMatching(/at most 5 MB; that file is 5\.0 MB/),
    });
  });

  it("refuses more than 40 megapixels from the header alone, without decoding", async () => {
    const before = process.memoryUsage().rss;
    const result = await processAvatar(pngHeader(20000, 20000));
    expect(result).toMatchObject({
      ok: false,
      code: "pixels",
      message: expect.stringMatching(/20000×20000 \(400 megapixels\)/),
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it("refuses a truncated or corrupt image as unreadable", async () => {
    const png = await solid("png");
    expect(await processAvatar(png.subarray(0, 60))).toMatchObject({
      ok: false,
      code: "unreadable",
    });
  });
});
