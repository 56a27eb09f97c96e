import localFont from "next/font/local";

// The site's two typefaces, Geist and Geist Mono, as their Latin subsets (fontsource's files,
// ~29 KB and ~23 KB) rather than the `geist` package's full variable fonts (~70 KB each): every
// page preloaded both, ~140 KB that a phone on a slow network fetched before the first paint
// (Lighthouse counts it in the LCP of every page). Characters outside the subset render in the
// fallback fonts below.
//  - Sans is preloaded (headings and body text use it) and its fallback is metric-adjusted Arial,
//    so the swap when it arrives does not move the text.
//  - Mono is not preloaded: only code views use it, and it swaps in when they need it.

export const geistSans = localFont({
  src: "../node_modules/@fontsource-variable/geist/files/geist-latin-wght-normal.woff2",
  variable: "--font-geist-sans",
  weight: "100 900",
  display: "swap",
  adjustFontFallback: "Arial",
  fallback: ["ui-sans-serif", "system-ui", "sans-serif"],
});

export const geistMono = localFont({
  src: "../node_modules/@fontsource-variable/geist-mono/files/geist-mono-latin-wght-normal.woff2",
  variable: "--font-geist-mono",
  weight: "100 900",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  fallback: [
    "ui-monospace",
    "SFMono-Regular",
    "Roboto Mono",
    "Menlo",
    "Monaco",
    "Liberation Mono",
    "DejaVu Sans Mono",
    "Courier New",
    "monospace",
  ],
});
