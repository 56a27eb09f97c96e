import type { Metadata } from "next";
import { appOrigin } from "@/lib/env";

// Open Graph / Twitter metadata for shareable pages. The images come from the routes'
// opengraph-image.tsx files (Next adds og:image / twitter:image from them).

export function artifactSocialMetadata({
  id,
  title,
  description,
}: {
  id: string;
  title: string;
  description: string;
}): Metadata {
  const url = `/a/${id}`;
  return {
    metadataBase: new URL(appOrigin()),
    alternates: { canonical: url },
    openGraph: { type: "article", url, title, description, siteName: "Vitrine" },
    twitter: { card: "summary_large_image", title, description },
  };
}
