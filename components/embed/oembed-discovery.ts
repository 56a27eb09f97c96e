import type { Metadata } from "next";
import { oembedDiscoveryUrl } from "@/domain/oembed";
import { appOrigin } from "@/lib/env";

/**
 * Adds oEmbed discovery (https://oembed.com, section 4) to an artifact page's metadata:
 * `<link rel="alternate" type="application/json+oembed" href="/api/oembed?url=…">`, for public
 * artifacts only (a private one has no embed, and its owner's page must not advertise one).
 */
export function withOembedDiscovery(
  artifact: { id: string; title: string; visibility: "public" | "private" },
  metadata: Metadata,
): Metadata {
  if (artifact.visibility !== "public") return metadata;
  return {
    ...metadata,
    alternates: {
      ...metadata.alternates,
      types: {
        ...metadata.alternates?.types,
        "application/json+oembed": [
          {
            url: oembedDiscoveryUrl(appOrigin(), { artifactId: artifact.id }),
            title: `${artifact.title} (oEmbed)`,
          },
        ],
      },
    },
  };
}
