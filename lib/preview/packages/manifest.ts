import "server-only";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { MANIFEST_VERSION, RUNTIME_DIR, type RuntimeManifest } from "./manifest-shape";

// The vendored runtime built by scripts/build-preview-runtime.ts. process.cwd() is the project root
// under `next start` and in tests (Next's own advice for reading files at run time).
export function runtimeDir(): string {
  return path.join(process.cwd(), RUNTIME_DIR);
}

export class RuntimeNotBuilt extends Error {}

let cached: { mtimeKey: string; manifest: RuntimeManifest } | null = null;

/** The manifest, read once per build (a rebuild in development is picked up by its new content). */
export function runtimeManifest(): RuntimeManifest {
  const file = path.join(runtimeDir(), "manifest.json");
  if (!existsSync(file)) {
    throw new RuntimeNotBuilt(
      "The preview runtime is not built: run `npm run build:preview-runtime` (npm run build does it).",
    );
  }
  const text = readFileSync(file, "utf8");
  if (cached?.mtimeKey === text) return cached.manifest;
  const manifest = JSON.parse(text) as RuntimeManifest;
  if (manifest.version !== MANIFEST_VERSION) {
    throw new RuntimeNotBuilt(
      "The preview runtime was built by another version: run `npm run build:preview-runtime`.",
    );
  }
  cached = { mtimeKey: text, manifest };
  return manifest;
}

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** The file behind /sandbox/pkg/<segments>, or null for anything that is not a plain vendored path. */
export function runtimeFile(segments: string[]): string | null {
  if (
    segments.length === 0 ||
    segments.length > 4 ||
    !segments.every((s) => SEGMENT.test(s) && !s.includes(".."))
  )
    return null;
  const file = path.join(runtimeDir(), "files", ...segments);
  return existsSync(file) ? file : null;
}

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".woff2": "font/woff2",
  ".woff": "font/woff",
  ".ttf": "font/ttf",
};

/** The Content-Type of a vendored file, or null for a kind we never serve. */
export function runtimeContentType(file: string): string | null {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? null;
}
