import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { appOrigin, previewOrigin } from "@/lib/env";
import { proxy } from "@/proxy";

function request(origin: string, path: string, method = "GET") {
  return new NextRequest(`${origin}${path}`, { method, headers: { host: new URL(origin).host } });
}

describe("proxy host split", async () => {
  it("serves only the shim and runtimes on the preview host, GET only, with the sandbox CSP on refusals", async () => {
    expect((await proxy(request(previewOrigin(), "/sandbox/v1"))).status).not.toBe(404);
    expect(
      (await proxy(request(previewOrigin(), "/sandbox/pkg/esm/react-DSJ6Y2IN.js"))).status,
    ).not.toBe(404);
    for (const path of [
      "/",
      "/api/health",
      "/a/00000000-0000-4000-8000-000000000000",
      "/_next/static/chunks/x.js",
      "/sandbox/v2",
      "/sandbox/pkg/.env",
      "/sandbox/runtime/react.js",
      "/login",
    ]) {
      const res = await proxy(request(previewOrigin(), path));
      expect(res.status, path).toBe(404);
      expect(res.headers.get("content-security-policy"), path).toMatch(/sandbox allow-scripts/);
      expect(res.headers.get("set-cookie"), path).toBeNull();
    }
    expect((await proxy(request(previewOrigin(), "/sandbox/v1", "POST"))).status).toBe(404);
  });

  it("never serves preview documents on the app host, and gives app pages the nonce CSP", async () => {
    expect((await proxy(request(appOrigin(), "/sandbox/v1"))).status).toBe(404);
    expect((await proxy(request(appOrigin(), "/sandbox/pkg/esm/react-DSJ6Y2IN.js"))).status).toBe(
      404,
    );
    // (An anonymous "/" is a page of the shared cache, lib/page-cache; /login always renders.)
    const page = await proxy(request(appOrigin(), "/login"));
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(csp).toContain(`frame-src ${previewOrigin()}`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  });

  it("keeps the uploads' and artifact images' own CSP instead of the app's", async () => {
    for (const path of [
      "/api/uploads/avatars/a.webp",
      "/api/uploads/avatar",
      "/api/media/00000000-0000-4000-8000-000000000000/thumb",
    ]) {
      const res = await proxy(request(appOrigin(), path));
      expect(res.headers.get("content-security-policy"), path).toBe("default-src 'none'; sandbox");
      expect(res.headers.get("x-content-type-options"), path).toBe("nosniff");
    }
  });
});
