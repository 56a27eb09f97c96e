import type { MetadataRoute } from "next";
import { listSitemapEntries } from "@/db/queries/gallery";
import { appOrigin } from "@/lib/env";

// Public things only: the latest public artifacts (capped) and profiles that have public work.
// Private artifacts, and profiles with nothing public, are never listed.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = appOrigin();
  const { artifacts, profiles } = await listSitemapEntries();
  return [
    { url: `${origin}/`, changeFrequency: "hourly", priority: 1 },
    ...artifacts.map((a) => ({
      url: `${origin}/a/${a.id}`,
      lastModified: a.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.7,
    })),
    ...profiles.map((p) => ({
      url: `${origin}/u/${p.handle}`,
      lastModified: p.updatedAt,
      changeFrequency: "weekly" as const,
      priority: 0.5,
    })),
  ];
}
