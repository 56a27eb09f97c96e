import "server-only";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

// The frame's scripts are plain browser code built from lib/preview/runtime/*.ts with esbuild, once
// per process, and kept in memory. No Next.js runtime: the preview host serves nothing of the app.
// process.cwd() is the project root under `next start` (Next's own advice for reading files). The
// runtimes are bundled from source and node_modules at run time, so the server needs the project
// tree (not a standalone output); file tracing is told not to chase these reads.
const RUNTIMES = {
  shim: () => path.join(process.cwd(), "lib", "preview", "runtime", "shim.ts"),
  react: () => path.join(process.cwd(), "lib", "preview", "runtime", "react-runtime.ts"),
  markdown: () => path.join(process.cwd(), "lib", "preview", "runtime", "markdown-runtime.ts"),
} as const;

export type RuntimeName = keyof typeof RUNTIMES;

export function isRuntimeName(name: string): name is RuntimeName {
  return Object.hasOwn(RUNTIMES, name);
}

function entryPath(name: RuntimeName): string {
  return RUNTIMES[name]();
}

const versions = new Map<RuntimeName, string>();

/**
 * A short fingerprint of a runtime's inputs (its entry source and the installed React), used as
 * `?v=` so the script can be cached for a year and still change on the next deploy.
 */
export function runtimeVersion(name: RuntimeName): string {
  let v = versions.get(name);
  if (!v) {
    const hash = createHash("sha256").update(readFileSync(/*turbopackIgnore: true*/ entryPath(name)));
    hash.update(readFileSync(path.join(process.cwd(), "node_modules", "react", "package.json")));
    v = hash.digest("hex").slice(0, 12);
    versions.set(name, v);
  }
  return v;
}

type Bundles = Map<RuntimeName, Promise<string>>;
const globalForBundles = globalThis as unknown as { __vitrineRuntimeBundles?: Bundles };
const bundles: Bundles = (globalForBundles.__vitrineRuntimeBundles ??= new Map());

/**
 * Bundles one of our own browser entry files (never artifact code) into a minified IIFE. Shared by
 * the preview runtimes and the thumbnail renderer's page runtime.
 */
export async function bundleBrowserEntry(entry: string): Promise<string> {
  const esbuild = await import("esbuild");
  const result = await esbuild.build({
    entryPoints: [entry],
    absWorkingDir: process.cwd(),
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

function build(name: RuntimeName): Promise<string> {
  return bundleBrowserEntry(entryPath(name));
}

/** The bundled script of one runtime. A failed build is not cached, so the next request retries. */
export function runtimeBundle(name: RuntimeName): Promise<string> {
  let pending = bundles.get(name);
  if (!pending) {
    pending = build(name);
    bundles.set(name, pending);
    pending.catch(() => bundles.delete(name));
  }
  return pending;
}
