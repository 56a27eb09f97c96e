import { describe, expect, it } from "vitest";
import { runtimeManifest } from "@/lib/preview/packages/manifest";
import { GET } from "./route";

// Against the real build (.preview-runtime, made by the Vitest global setup when missing).
function get(urlPath: string) {
  const segments = urlPath.replace(/^\/sandbox\/pkg\//, "").split("/");
  return GET(new Request(`http://127.0.0.1:3000${urlPath}`), {
    params: Promise.resolve({ path: segments }),
  });
}

describe("/sandbox/pkg/… (vendored packages on the preview origin)", () => {
  it("serves modules, classic scripts, stylesheets and fonts with immutable caching, their type, nosniff and CORS", async () => {
    const manifest = runtimeManifest();
    const css = manifest.css.katex!;
    const cases: [string, string][] = [
      [manifest.imports.react!, "text/javascript; charset=utf-8"],
      [
        manifest.imports["three/addons/controls/OrbitControls.js"]!,
        "text/javascript; charset=utf-8",
      ],
      [manifest.umd.d3!.main!, "text/javascript; charset=utf-8"],
      [css, "text/css; charset=utf-8"],
      [css.replace(/katex\.min\.css$/, "fonts/KaTeX_Main-Regular.woff2"), "font/woff2"],
    ];
    for (const [url, type] of cases) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("content-type"), url).toBe(type);
      expect(res.headers.get("cache-control"), url).toBe("public, max-age=31536000, immutable");
      expect(res.headers.get("x-content-type-options"), url).toBe("nosniff");
      expect(res.headers.get("access-control-allow-origin"), url).toBe("*");
      expect(res.headers.get("set-cookie"), url).toBeNull();
      expect(res.headers.get("content-security-policy"), url).toMatch(/connect-src 'none'/);
    }
    expect((await (await get(manifest.imports.react!)).text()).length).toBeGreaterThan(1000);
  });

  it("answers 404, not cached, for anything that is not a vendored file", async () => {
    for (const url of [
      "/sandbox/pkg/manifest.json",
      "/sandbox/pkg/esm/nope-123.js",
      "/sandbox/pkg/../manifest.json",
      "/sandbox/pkg/esm/..",
      "/sandbox/pkg/.env",
    ]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.headers.get("cache-control"), url).toBe("no-store");
    }
  });
});
