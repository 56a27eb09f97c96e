import "server-only";
import path from "node:path";
import { bundleBrowserEntry } from "@/lib/preview/bundle";

// The thumbnail page's runtime (React + react-markdown), built from runtime/render-entry.ts once per
// process and kept in memory. Only our own entry is bundled: artifact code never goes through esbuild
// (it could otherwise import files from the server's disk), it is transpiled by sucrase instead.
let bundle: Promise<string> | null = null;

export function renderRuntime(): Promise<string> {
  bundle ??= bundleBrowserEntry(path.join(process.cwd(), "lib/thumbnails/runtime/render-entry.ts")).catch((err) => {
    bundle = null;
    throw err;
  });
  return bundle;
}
