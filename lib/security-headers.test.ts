import { describe, expect, it } from "vitest";
import {
  PREVIEW_SANDBOX,
  isPreviewDocumentPath,
  previewContentSecurityPolicy,
} from "./security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(" ")];
    }),
  );
}

describe("the preview CSP", () => {
  const csp = directives(
    previewContentSecurityPolicy({
      app: "http://localhost:3000",
      preview: "http://127.0.0.1:3000",
    }),
  );

  it("keeps the document sandboxed with no same-origin, top navigation or popups", () => {
    expect(csp.get("sandbox")).toBe(PREVIEW_SANDBOX);
    expect(PREVIEW_SANDBOX.split(" ").sort()).toEqual(
      ["allow-forms", "allow-pointer-lock", "allow-scripts"].sort(),
    );
    // No modals (phishing over the app page), no downloads, no escape to the app or a new window.
    expect(PREVIEW_SANDBOX).not.toMatch(/same-origin|top-navigation|popups|modals|downloads/);
  });

  it("loads images, fonts, media and CSS from the preview origin, data: and blob: only", () => {
    for (const name of ["img-src", "font-src", "media-src"]) {
      expect(csp.get(name)!.split(" ").sort(), name).toEqual(
        ["blob:", "data:", "http://127.0.0.1:3000"].sort(),
      );
    }
    expect(csp.get("style-src")!.split(" ").sort()).toEqual(
      ["'unsafe-inline'", "http://127.0.0.1:3000"].sort(),
    );
    expect(csp.get("frame-src")).toBe("'none'");
    for (const [name, value] of csp)
      if (name !== "frame-ancestors")
        expect(`${name} ${value}`).not.toMatch(/https?:(?!\/\/127\.0\.0\.1:3000)|\*/);
  });

  it("is framed only by the app and reaches no network", () => {
    expect(csp.get("frame-ancestors")).toBe("http://localhost:3000");
    expect(csp.get("connect-src")).toBe("'none'");
    expect(csp.get("form-action")).toBe("'none'");
    expect(csp.get("default-src")).toBe("'none'");
    expect(csp.get("base-uri")).toBe("'none'");
    expect(csp.get("object-src")).toBe("'none'");
  });

  it("runs inline artifact code, eval (Babel standalone) and its own vendored packages, never a CDN", () => {
    const scripts = csp.get("script-src")!.split(" ");
    expect(scripts.sort()).toEqual(
      ["'unsafe-inline'", "'unsafe-eval'", "blob:", "http://127.0.0.1:3000"].sort(),
    );
    expect(csp.get("style-src")).toBe("http://127.0.0.1:3000 'unsafe-inline'");
    expect(csp.get("connect-src")).toBe("'none'");
    expect(csp.get("worker-src")).toBe("blob:");
  });
});

describe("isPreviewDocumentPath", () => {
  it("admits the shim, vendored runtime files and bundled fonts only", () => {
    expect(isPreviewDocumentPath("/sandbox/v1")).toBe(true);
    expect(isPreviewDocumentPath("/sandbox/pkg/esm/react-DSJ6Y2IN.js")).toBe(true);
    expect(
      isPreviewDocumentPath("/sandbox/pkg/css/katex-0123456789ab/fonts/KaTeX_Main-Regular.woff2"),
    ).toBe(true);
    expect(isPreviewDocumentPath("/sandbox/fonts/css2")).toBe(true);
    expect(isPreviewDocumentPath("/sandbox/fonts/inter-latin-400-normal.woff2")).toBe(true);
    for (const p of [
      "/",
      "/sandbox/",
      "/sandbox/v2",
      "/sandbox/pkg/../v1",
      "/sandbox/pkg/esm/..",
      "/sandbox/pkg/",
      "/sandbox/pkg/.env",
      "/sandbox/pkg/a/b/c/d/e",
      "/sandbox/runtime/react.js",
      "/api/health",
      "/sandbox/fonts/../v1",
      "/sandbox/fonts/x.js",
    ]) {
      expect(isPreviewDocumentPath(p), p).toBe(false);
    }
  });
});
