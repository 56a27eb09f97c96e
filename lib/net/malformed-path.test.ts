import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { UNMATCHED_PATH, answerMalformedPath, hasMalformedSegment } from "./malformed-path";

const request = (path: string) => new NextRequest(new URL(path, "http://localhost:3000"));

describe("paths with malformed percent-encoding", () => {
  it.each([
    "/u/%FF",
    "/@%FF",
    "/a/%E0%A4%A/diff",
    "/t/%",
    "/api/v1/users/%ZZ",
    "/u/mira%FF/followers",
  ])("%s is malformed", (path) =>
    expect(hasMalformedSegment(request(path).nextUrl.pathname)).toBe(true),
  );

  it.each([
    "/",
    "/u/mira",
    "/u/%40mira",
    "/t/caf%C3%A9",
    "/a/00000000-0000-4000-8000-000000000000",
    "/u/%00",
  ])("%s is not (NUL and the like are the pages' own business)", (path) => {
    expect(hasMalformedSegment(request(path).nextUrl.pathname)).toBe(false);
    expect(answerMalformedPath(request(path), new Headers())).toBeNull();
  });

  it("sends a page to the not-found page, with a nonce and the app's headers", () => {
    const headers = new Headers();
    const res = answerMalformedPath(request("/u/%FF"), headers)!;
    expect(new URL(res.headers.get("x-middleware-rewrite")!).pathname).toBe(UNMATCHED_PATH);
    const nonce = headers.get("x-nonce");
    expect(nonce).toBeTruthy();
    expect(res.headers.get("Content-Security-Policy")).toContain(`'nonce-${nonce}'`);
    expect(res.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("answers the API's own 404 under /api", async () => {
    const res = answerMalformedPath(request("/api/v1/artifacts/%FF/versions"), new Headers())!;
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "not_found", message: "Not found." } });
    expect(res.headers.get("x-middleware-rewrite")).toBeNull();
  });
});
