import "server-only";
import path from "node:path";

// The thumbnail page's runtime (React + react-markdown), built from runtime/render-entry.ts once per
// process and kept in memory. Only our own entry is bundled: artifact code never goes through esbuild
// (it could otherwise import files from the server's disk), it is transpiled by sucrase instead.
let bundle: Promise<string> | null = null;

export function renderRuntime(): Promise<string> {
  bundle ??= (async () => {
    const esbuild = await import("esbuild");
    const result = await esbuild.build({
      entryPoints: [path.join(process.cwd(), "lib/thumbnails/runtime/render-entry.ts")],
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
  })().catch((err) => {
    bundle = null;
    throw err;
  });
  return bundle;
}
