// Images for the avatar tests (profile.spec.ts, avatars.spec.ts, account.spec.ts): real PNGs,
// a PNG that only claims a huge size, and the upload through the settings form.
import { crc32 } from "node:zlib";
import type { Page } from "@playwright/test";
import sharp from "sharp";

export async function png(width: number, height: number, color = "#e11d48"): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

// A PNG whose header claims 20000×20000 without the pixels (decoding it would need 1.2 GB): the
// server must refuse it from the header, before any decoding.
export function hugePngHeader(width: number, height: number): Buffer {
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
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", Buffer.from([0x78, 0x9c, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01])),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

export async function uploadAvatar(page: Page, name: string, mimeType: string, buffer: Buffer) {
  await page.getByLabel("Upload a new avatar").setInputFiles({ name, mimeType, buffer });
  await page.getByRole("button", { name: "Upload avatar" }).click();
}
