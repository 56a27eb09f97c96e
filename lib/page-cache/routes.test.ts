import { describe, expect, it } from "vitest";
import { bypassReason, cacheablePage } from "./routes";

const ID = "0b4f4a52-7c1e-4c55-9a1e-4d3c2b1a0f99";
const q = (s = "") => new URLSearchParams(s);

describe("page cache routes", () => {
  it("caches the public pages, keyed by path and sorted query, with their tags", () => {
    expect(cacheablePage("/", q("sort=top&language=html"))).toMatchObject({
      key: "/?language=html&sort=top",
      fixedTags: ["lists", "people"],
    });
    expect(cacheablePage("/", q("sort=trending"))).toMatchObject({
      fixedTags: ["lists", "people", "views"],
    });
    expect(cacheablePage(`/a/${ID}`, q())).toMatchObject({ artifactIds: [ID], countsViewOf: ID });
    for (const sub of ["/versions", "/diff", "/forks", "/v/3"])
      expect(cacheablePage(`/a/${ID}${sub}`, q())).toMatchObject({ countsViewOf: null });
    const other = "11111111-2222-4333-8444-555555555555";
    expect(cacheablePage(`/a/${ID}/diff`, q(`from=${other}:2&to=3`))?.artifactIds).toEqual([
      ID,
      other,
    ]);
    expect(cacheablePage("/u/alice_1/followers", q())).toMatchObject({ handle: "alice_1" });
    expect(cacheablePage(`/embed/${ID}`, q())).not.toBeNull();
    expect(cacheablePage("/sitemap.xml", q())).toMatchObject({ fixedTags: ["lists"] });
    expect(cacheablePage("/sitemaps/a-3f.xml", q())).toMatchObject({
      fixedTags: ["lists", "people"],
    });
    expect(cacheablePage("/sitemaps/u-0.xml", q())).toMatchObject({
      fixedTags: ["lists", "people"],
    });
  });

  it("does not cache anything else", () => {
    for (const path of [
      "/login",
      "/new",
      `/a/${ID}/edit`,
      `/a/${ID}/fork`,
      `/a/${ID}/stats`,
      "/a/not-a-uuid",
      "/api/v1/artifacts",
      "/feed",
      "/u/Alice",
      "/moderation",
      "/sitemaps/x-1.xml",
      "/sitemaps/a-3f.xml/extra",
    ])
      expect(cacheablePage(path, q()), path).toBeNull();
  });

  it("bypasses signed-in, RSC, action and non-GET requests and its own renders", () => {
    const h = (init: Record<string, string>) => new Headers(init);
    expect(bypassReason("GET", h({ cookie: "theme=dark; authjs.csrf-token=x" }), q())).toBeNull();
    expect(bypassReason("GET", h({ cookie: "a=1; authjs.session-token=x" }), q())).toBe("session");
    expect(bypassReason("GET", h({ cookie: "__Secure-authjs.session-token.0=x" }), q())).toBe(
      "session",
    );
    expect(bypassReason("GET", h({ rsc: "1" }), q())).toBe("rsc");
    expect(bypassReason("GET", h({}), q("_rsc=abc"))).toBe("rsc");
    expect(bypassReason("GET", h({ "next-router-prefetch": "1" }), q())).toBe("rsc");
    expect(bypassReason("POST", h({}), q())).toBe("method");
    expect(bypassReason("GET", h({ "x-vitrine-page-render": "anything" }), q())).toBe("render");
  });
});
