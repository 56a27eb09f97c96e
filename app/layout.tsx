import type { Metadata, Viewport } from "next";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { geistMono, geistSans } from "./fonts";
import { Providers } from "./providers";
import { headers } from "next/headers";
import { getViewerProfile } from "@/lib/auth/viewer";
import { EMBED_REQUEST_HEADER } from "@/lib/security-headers";
import { appOrigin } from "@/lib/env";
import "./globals.css";

export const metadata: Metadata = {
  // Social-card and canonical URLs resolve against the configured app origin.
  metadataBase: new URL(appOrigin()),
  title: { default: "Vitrine — publish, version and fork live code", template: "%s · Vitrine" },
  description:
    "Publish live HTML, React, SVG and scripts with the chat that made them. Keep every version, diff any two, fork with lineage.",
  applicationName: "Vitrine",
  openGraph: { siteName: "Vitrine", type: "website" },
  twitter: { card: "summary_large_image" },
};

export const viewport: Viewport = { themeColor: "#4f6ef7", width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Embed pages (/embed/<id>, framed by other sites) are the artifact alone: no header or footer.
  if ((await headers()).get(EMBED_REQUEST_HEADER) === "1")
    return (
      <html lang="en" className={`${geistSans.variable} ${geistMono.variable}`}>
        <body className="font-sans">{children}</body>
      </html>
    );
  const viewer = await getViewerProfile();
  return (
    <html lang="en" className={`${geistSans.variable} ${geistMono.variable}`}>
      <body className="flex min-h-dvh flex-col font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <Providers>
          <SiteHeader viewer={viewer} />
          <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 sm:px-6">
            {children}
          </main>
          <SiteFooter />
        </Providers>
      </body>
    </html>
  );
}
