// What every part of the preview runtime build shares (scripts/build-preview-runtime.ts): where
// the output goes, esbuild's common options, and content-hashed file names under /sandbox/pkg/….
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import path from "node:path";
import * as esbuild from "esbuild";
import { RUNTIME_DIR } from "../../lib/preview/packages/manifest-shape";

export const root = path.resolve(import.meta.dirname, "..", "..");
export const out = path.join(root, RUNTIME_DIR);
export const files = path.join(out, "files");
export const URL_PREFIX = "/sandbox/pkg/";

export const common: esbuild.BuildOptions = {
  absWorkingDir: root,
  bundle: true,
  platform: "browser",
  target: "es2020",
  minify: true,
  legalComments: "none",
  jsx: "automatic",
  define: { "process.env.NODE_ENV": '"production"', global: "globalThis" },
  logLevel: "error",
};

// Not require.resolve("x/package.json"): packages with an "exports" map (d3) refuse that sub-path.
export function packageDir(name: string): string {
  return path.join(root, "node_modules", ...name.split("/"));
}

function hash(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex").slice(0, 12);
}

export function writeHashed(name: string, ext: string, content: string | Buffer): string {
  const file = `${name}-${hash(content)}${ext}`;
  writeFileSync(path.join(files, file), content);
  return URL_PREFIX + file;
}

export function entryName(specifier: string): string {
  return specifier
    .replace(/^@\//, "")
    .replace(/^@/, "")
    .replace(/\.m?js$/, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_");
}

export async function bundleIife(source: string, plugins: esbuild.Plugin[] = []): Promise<string> {
  const result = await esbuild.build({
    ...common,
    entryPoints: [source],
    format: "iife",
    write: false,
    plugins,
  });
  return result.outputFiles[0]!.text;
}
