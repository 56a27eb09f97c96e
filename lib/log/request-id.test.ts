// The proxy gives every request an id: the caller's when sane, a fresh UUID otherwise; forwarded to
// the server (where lib/log stamps it on every line) and echoed in the response.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { appOrigin, previewOrigin } from "@/lib/env";
import { proxy } from "@/proxy";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

async function send(origin: string, path: string, requestId?: string) {
  const headers = new Headers({ host: new URL(origin).host });
  if (requestId !== undefined) headers.set("x-request-id", requestId);
  const response = await proxy(new NextRequest(`${origin}${path}`, { headers }));
  return {
    echoed: response.headers.get("x-request-id"),
    // What NextResponse.next({ request: { headers } }) hands on to the route as x-request-id.
    forwarded: response.headers.get("x-middleware-request-x-request-id"),
  };
}

describe("request ids in the proxy", () => {
  it("keeps a sane incoming id, forwards it to the server and echoes it", async () => {
    for (const id of [
      "3f2a9c1e-0d4b-4e7a-9a51-2c7e5b8d1f00",
      "b1946ac92492d2347c6235b4d2611184",
      "Root=1-67891233-abcdef012345678912345678",
    ]) {
      // (Pages of the shared page cache, lib/page-cache, are not sent here: a unit test has no server.)
      for (const path of ["/login", "/api/health", "/uploads/x.png", "/_next/static/x.js"]) {
        expect(await send(appOrigin(), path, id), `${id} ${path}`).toEqual({
          echoed: id,
          forwarded: id,
        });
      }
      expect(await send(previewOrigin(), "/sandbox/v1", id)).toEqual({ echoed: id, forwarded: id });
    }
  });

  it("replaces a missing or junk id with a fresh UUID, on refusals too", async () => {
    const junk = ["", "has space", "x".repeat(129), 'quo"te', "line\u0085break", "<script>", "é"];
    const seen = new Set<string>();
    for (const id of [undefined, ...junk]) {
      const { echoed, forwarded } = await send(appOrigin(), "/login", id);
      expect(echoed, String(id)).toMatch(UUID);
      expect(forwarded).toBe(echoed);
      seen.add(echoed!);
    }
    expect(seen.size).toBe(junk.length + 1);
    // Refusals (the app never serves /sandbox, the preview host never serves pages) carry one too.
    expect((await send(appOrigin(), "/sandbox/v1", "bad id")).echoed).toMatch(UUID);
    expect((await send(previewOrigin(), "/login", "ok-id-1")).echoed).toBe("ok-id-1");
  });
});
