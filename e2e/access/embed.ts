import type { ActionEntry, RouteEntry } from "./types";

// Embeds and oEmbed (issue 14, part 4): public artifacts only, for everyone — an embed lives on other
// people's sites, so a private artifact is a 404 even for its owner. And the MCP server (part 3).
export const routes: RouteEntry[] = [
  { path: "/embed/[id]", kind: "page", rule: "public-artifact" },
  {
    path: "/api/oembed",
    kind: "route",
    rule: "public-artifact",
    methods: ["GET"],
    // The artifact is inside the url parameter, which the walker cannot fill.
    walk: "app/api/oembed/route.test.ts and e2e/embed.spec.ts",
  },
  {
    path: "/api/mcp",
    kind: "route",
    // A bearer token only (cookies never count); write tools need the write scope.
    rule: "api-token",
    methods: ["POST", "GET", "DELETE"],
    walk: "app/api/mcp/route.test.ts: an SDK client with write, read, wrong, expired, revoked and no token",
  },
];

export const actions: ActionEntry[] = [];
