import type { MetadataRoute } from "next";
import { appOrigin } from "@/lib/env";

// Crawl public pages; keep crawlers out of JSON, auth, editing and settings.
export const dynamic = "force-dynamic";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: [
          "/api/",
          "/login",
          "/signup",
          "/welcome",
          "/new",
          "/settings/",
          "/a/*/edit",
          "/a/*/settings",
        ],
      },
    ],
    sitemap: `${appOrigin()}/sitemap.xml`,
  };
}
