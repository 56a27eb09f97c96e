import { describe, expect, it } from "vitest";
import { previewOrigin } from "@/lib/env";
import { bundledFontAsset, renderCsp } from "./document";

// Thumbnails answer the bundled fonts that an artifact's rewritten Google Fonts link names on the
// preview origin, from disk, so a card uses the same typeface as the preview.
describe("bundled fonts in thumbnails", () => {
  const origin = previewOrigin();

  it("answers the @font-face stylesheet and the woff2 files it points at", () => {
    const css = bundledFontAsset(
      `${origin}/sandbox/fonts/css2?family=Inter:wght@400;700&display=swap`,
    );
    expect(css?.headers["Content-Type"]).toBe("text/css; charset=utf-8");
    const text = css!.body.toString("utf8");
    expect(text).toContain('font-family:"Inter"');
    const fontUrl = /url\(([^)]+\.woff2[^)]*)\)/.exec(text)?.[1]?.replace(/["']/g, "");
    expect(fontUrl?.startsWith(`${origin}/sandbox/fonts/`)).toBe(true);
    const font = bundledFontAsset(fontUrl!);
    expect(font?.headers["Content-Type"]).toBe("font/woff2");
    expect(font!.body.subarray(0, 4).toString("latin1")).toBe("wOF2");
  });

  it("answers nothing else, and the page's CSP admits only those fonts", () => {
    expect(bundledFontAsset(`${origin}/sandbox/fonts/../v1`)).toBeNull();
    expect(bundledFontAsset(`${origin}/sandbox/fonts/nope.woff2`)).toBeNull();
    expect(bundledFontAsset("https://fonts.gstatic.com/s/inter/v1/x.woff2")).toBeNull();
    expect(renderCsp()).toContain(
      `font-src http://thumbnail.vitrine.invalid ${origin}/sandbox/fonts/ data:`,
    );
    expect(renderCsp()).toContain("connect-src 'none'");
  });
});
