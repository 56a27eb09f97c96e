import { describe, expect, it } from "vitest";
import { GET } from "./route";
import { previewOrigin } from "@/lib/env";
import { fontFaceCss } from "@/lib/preview/fonts/catalog";
import { rewriteFontUrls } from "@/lib/preview/fonts/rewrite";

const call = (file: string, query = "") =>
  GET(new Request(`${previewOrigin()}/sandbox/fonts/${file}${query}`), {
    params: Promise.resolve({ file }),
  });

describe("Google Fonts fall back to the bundled fonts", () => {
  it("points stylesheet links, @import and gstatic files at the preview origin", () => {
    const page = `<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>
      <link href="https://fonts.googleapis.com/css2?family=Inter:wght@400;700&display=swap" rel="stylesheet">
      <style>@import url('https://fonts.googleapis.com/css?family=Roboto:300,400|Lobster');
      @font-face { font-family: X; src: url(https://fonts.gstatic.com/s/poppins/v20/abc.woff2) format('woff2'); }
      @font-face { font-family: Y; src: url("https://fonts.gstatic.com/s/lobster/v1/x.woff2"); }</style>`;
    const out = rewriteFontUrls(page);
    expect(out).not.toMatch(/fonts\.googleapis\.com|fonts\.gstatic\.com\/s/);
    expect(out).toContain(
      `${previewOrigin()}/sandbox/fonts/css2?family=Inter:wght@400;700&display=swap`,
    );
    expect(out).toContain(
      `url('${previewOrigin()}/sandbox/fonts/css?family=Roboto:300,400|Lobster')`,
    );
    expect(out).toMatch(
      new RegExp(
        `url\\(${previewOrigin()}/sandbox/fonts/poppins-latin-400-normal\\.woff2\\?v=[0-9a-f]{12}\\)`,
      ),
    );
    expect(out).toContain('src: local("vitrine-font-not-bundled")');
  });

  it("declares every bundled weight of a known family, and nothing for an unknown one", () => {
    const css = fontFaceCss(
      new URLSearchParams("family=Open+Sans:ital,wght@0,400;1,700&family=Lobster"),
    );
    expect(css).toContain('font-family:"Open Sans";font-style:italic;font-weight:700');
    expect(css).toContain(`${previewOrigin()}/sandbox/fonts/open-sans-latin-400-normal.woff2?v=`);
    expect(css).not.toMatch(/font-family:"Lobster"/);
  });

  it("serves fonts with their type, CORS for the opaque frame, and a year of cache when versioned", async () => {
    const css = await call("css2", "?family=Fira+Code");
    expect(css.status).toBe(200);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    const url = new URL(
      /url\(([^)]+fira-code-latin-400-normal[^)]+)\)/.exec(await css.text())![1]!,
    );
    const font = await call("fira-code-latin-400-normal.woff2", url.search);
    expect(font.status).toBe(200);
    expect(font.headers.get("content-type")).toBe("font/woff2");
    expect(font.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(font.headers.get("access-control-allow-origin")).toBe("*");
    expect(font.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new TextDecoder().decode((await font.arrayBuffer()).slice(0, 4))).toBe("wOF2");
    for (const bad of [
      "..%2F..%2Fpackage.json",
      "inter-latin-400-normal.woff",
      "lobster-latin-400-normal.woff2",
    ]) {
      expect((await call(bad)).status, bad).toBe(404);
    }
  });
});
