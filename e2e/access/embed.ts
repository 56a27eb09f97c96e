import type { ActionEntry, RouteEntry } from "./types";

// Embeds and oEmbed (issue 14, part 4): public artifacts only, for everyone — an embed lives on other
// people's sites, so a private artifact is a 404 even for its owner.
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
];

export const actions: ActionEntry[] = [];
