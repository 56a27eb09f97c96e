import "server-only";
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { previewOrigin } from "@/lib/env";

// The Google Fonts families people link most, vendored from npm `@fontsource/*` (latin subset,
// woff2) and served from the preview origin. A Google Fonts stylesheet URL in an artifact is
// rewritten to our own stylesheet route, which declares @font-face rules for the families we have;
// a family we do not have gets no rule, so the page's own fallback (`…, sans-serif`) applies and
// nothing is ever requested for it. Browsers download only the weights a page really uses.

const FAMILIES: Record<string, string> = {
  inter: "inter",
  roboto: "roboto",
  "open sans": "open-sans",
  lato: "lato",
  montserrat: "montserrat",
  poppins: "poppins",
  "fira code": "fira-code",
  "jetbrains mono": "jetbrains-mono",
  "playfair display": "playfair-display",
  "source sans 3": "source-sans-3",
  // Google renamed it; old links still ask for the old name.
  "source sans pro": "source-sans-3",
};

export const BUNDLED_FAMILIES = [
  "Inter",
  "Roboto",
  "Open Sans",
  "Lato",
  "Montserrat",
  "Poppins",
  "Fira Code",
  "JetBrains Mono",
  "Playfair Display",
  "Source Sans 3",
];

export type FontFile = {
  name: string;
  packageId: string;
  weight: number;
  style: "normal" | "italic";
};

const FILE_NAME = /^([a-z0-9-]+)-latin-(\d{3})-(normal|italic)$/;

function filesDir(packageId: string): string {
  return path.join(process.cwd(), "node_modules", "@fontsource", packageId, "files");
}

const filesByPackage = new Map<string, FontFile[]>();

/** The latin woff2 files one package ships, read from disk once. */
function packageFiles(packageId: string): FontFile[] {
  let files = filesByPackage.get(packageId);
  if (!files) {
    files = [];
    for (const entry of readdirSync(/*turbopackIgnore: true*/ filesDir(packageId))) {
      const match = FILE_NAME.exec(entry.replace(/\.woff2$/, ""));
      if (entry.endsWith(".woff2") && match && match[1] === packageId) {
        files.push({
          name: entry.replace(/\.woff2$/, ""),
          packageId,
          weight: Number(match[2]),
          style: match[3] as FontFile["style"],
        });
      }
    }
    filesByPackage.set(packageId, files);
  }
  return files;
}

/** A served font file by its name (`inter-latin-400-normal`), or null: names never reach the file system unchecked. */
export function fontFile(name: string): FontFile | null {
  const match = FILE_NAME.exec(name);
  if (!match || !Object.values(FAMILIES).includes(match[1]!)) return null;
  return packageFiles(match[1]!).find((f) => f.name === name) ?? null;
}

export function readFontFile(file: FontFile): Buffer {
  return readFileSync(
    /*turbopackIgnore: true*/ path.join(filesDir(file.packageId), `${file.name}.woff2`),
  );
}

const hashes = new Map<string, string>();

/** A short content hash, so each font URL can be cached for a year. */
export function fontHash(file: FontFile): string {
  let hash = hashes.get(file.name);
  if (!hash) {
    hash = createHash("sha256").update(readFontFile(file)).digest("hex").slice(0, 12);
    hashes.set(file.name, hash);
  }
  return hash;
}

export function fontUrl(file: FontFile): string {
  return `${previewOrigin()}/sandbox/fonts/${file.name}.woff2?v=${fontHash(file)}`;
}

/** The package for a family name as written in a Google Fonts URL (`Open+Sans`, `open sans`), or null. */
export function packageForFamily(family: string): string | null {
  const key = family.replace(/\+/g, " ").trim().toLowerCase().replace(/\s+/g, " ");
  return Object.hasOwn(FAMILIES, key) ? FAMILIES[key]! : null;
}

/** The family names a Google Fonts stylesheet URL asks for (css2 `family=A:wght@…&family=B`, css `family=A:400|B`). */
export function requestedFamilies(search: URLSearchParams): string[] {
  const names: string[] = [];
  for (const value of search.getAll("family")) {
    for (const part of value.split("|")) {
      const name = part.split(":")[0]!.trim();
      if (name) names.push(name.replace(/\+/g, " "));
    }
  }
  return [...new Set(names)];
}

/** @font-face rules for every bundled family the URL asks for; unknown families get none. */
export function fontFaceCss(search: URLSearchParams): string {
  const rules: string[] = [];
  for (const family of requestedFamilies(search)) {
    const packageId = packageForFamily(family);
    if (!packageId) {
      rules.push(
        `/* "${family.replace(/[^\w -]/g, "")}" is not bundled: the page's fallback font is used */`,
      );
      continue;
    }
    for (const file of packageFiles(packageId)) {
      rules.push(
        `@font-face{font-family:"${family.replace(/[^\w -]/g, "")}";font-style:${file.style};font-weight:${file.weight};font-display:swap;` +
          `src:url(${fontUrl(file)}) format("woff2");unicode-range:U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD}`,
      );
    }
  }
  return rules.join("\n");
}

/** The regular file of a family by its gstatic folder name (`/s/opensans/…` → open-sans 400). */
export function fileForGstaticSlug(slug: string): FontFile | null {
  const packageId = Object.values(FAMILIES).find(
    (id) => id.replace(/-/g, "") === slug.toLowerCase(),
  );
  if (!packageId) return null;
  const files = packageFiles(packageId);
  return files.find((f) => f.weight === 400 && f.style === "normal") ?? files[0] ?? null;
}
