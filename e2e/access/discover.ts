// Finds every page, route handler, metadata route and server action in app/, by the file-system
// conventions Next.js routes by.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

const ROUTE_FILES: Record<string, "page" | "route"> = { "page.tsx": "page", "route.ts": "route" };
// Metadata files that Next.js turns into routes.
const METADATA: Record<string, (dir: string) => string> = {
  "icon.svg": (d) => `${d}/icon.svg`,
  "opengraph-image.tsx": (d) => `${d}/opengraph-image`,
  "twitter-image.tsx": (d) => `${d}/twitter-image`,
  "sitemap.ts": (d) => `${d}/sitemap.xml`,
  "robots.ts": (d) => `${d}/robots.txt`,
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name.startsWith("_") ? [] : walk(full);
    return [full];
  });
}

function toRoutePath(appDir: string, dir: string): string {
  const segments = path
    .relative(appDir, dir)
    .split(path.sep)
    .filter((s) => s && !(s.startsWith("(") && s.endsWith(")")) && !s.startsWith("@"));
  return `/${segments.join("/")}`.replace(/\/$/, "") || "";
}

export function discoverRoutes(appDir: string): { path: string; kind: "page" | "route" }[] {
  const found: { path: string; kind: "page" | "route" }[] = [];
  for (const file of walk(appDir)) {
    const base = path.basename(file);
    const dirPath = toRoutePath(appDir, path.dirname(file));
    if (ROUTE_FILES[base]) found.push({ path: dirPath || "/", kind: ROUTE_FILES[base] });
    else if (METADATA[base]) found.push({ path: METADATA[base](dirPath), kind: "route" });
  }
  return found;
}

export function discoverActions(appDir: string, root: string): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  for (const file of walk(appDir)) {
    if (!/\.(ts|tsx)$/.test(file)) continue;
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    for (const match of source.matchAll(
      /export\s+(?:async\s+)?function\s+(\w+)|export\s+const\s+(\w+)\s*=/g,
    )) {
      found.push({
        file: path.relative(root, file).split(path.sep).join("/"),
        name: (match[1] ?? match[2])!,
      });
    }
  }
  return found;
}
