// The build is redone when the source changed, not only when there is none: a hash of every file
// that goes into `next build` is written next to the build, and `npm start` compares it.
// `npm run build` writes it (tsx lib/roles/build-stamp.ts write).
import { createHash } from "node:crypto";
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const SOURCE_DIRS = ["app", "components", "lib", "db", "domain", "public", "data/migrations"];
const SOURCE_FILES = [
  "package.json",
  "package-lock.json",
  "next.config.js",
  "tsconfig.json",
  "postcss.config.mjs",
  "proxy.ts",
  "instrumentation.ts",
];
const SKIP = /(\.test\.tsx?$|\/bench\/|\/test\/)/;

function walk(dir: string, out: string[]) {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (entry.isFile() && !SKIP.test(full)) out.push(full);
  }
}

/** A hash of the build's inputs: paths and contents, in a stable order. */
export function sourceHash(root: string): string {
  const files: string[] = [];
  for (const dir of SOURCE_DIRS) walk(path.join(root, dir), files);
  for (const file of SOURCE_FILES)
    if (existsSync(path.join(root, file))) files.push(path.join(root, file));
  const hash = createHash("sha256");
  for (const file of files.sort()) {
    hash.update(path.relative(root, file)).update("\0");
    hash.update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "vitrine-source-hash");

/** Why a build is needed, or null when the build in .next was made from this very source. */
export function staleBuildReason(root: string): string | null {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) return "there is no build yet";
  if (!existsSync(stampFile(root))) return "the build carries no source stamp";
  if (readFileSync(stampFile(root), "utf8").trim() !== sourceHash(root))
    return "the source changed since the last build";
  return null;
}

export function writeBuildStamp(root: string): void {
  if (!statSync(path.join(root, ".next")).isDirectory())
    throw new Error("No .next folder: build first.");
  writeFileSync(stampFile(root), sourceHash(root));
}

/**
 * `output: "standalone"` traces the server's imports into .next/standalone but leaves out what the
 * browser fetches (public/, .next/static/): copy them in so `node .next/standalone/server.js` serves
 * a complete site.
 */
export function completeStandalone(root: string): void {
  const standalone = path.join(root, ".next", "standalone");
  if (!existsSync(standalone)) return;
  cpSync(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });
  cpSync(path.join(root, ".next", "static"), path.join(standalone, ".next", "static"), {
    recursive: true,
  });
  // The preview's vendored packages and runtimes are read from disk at run time (not traced).
  const runtime = path.join(root, ".preview-runtime");
  if (existsSync(runtime))
    cpSync(runtime, path.join(standalone, ".preview-runtime"), { recursive: true });
}

if (process.argv[1]?.endsWith("build-stamp.ts") && process.argv[2] === "write") {
  completeStandalone(process.cwd());
  writeBuildStamp(process.cwd());
}
