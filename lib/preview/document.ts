import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { appOrigin } from "@/lib/env";
import { previewSecurityHeaders } from "@/lib/security-headers";
import type { PreviewPayload } from "./messages";
import { runtimeDir, runtimeManifest } from "./packages/manifest";

// JSON inside <script> must not be able to close the element.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const shims = new Map<string, string>();

/** Our bootstrap, built with the package set (scripts/build-preview-runtime.ts), inlined. */
function shimSource(url: string): string {
  let source = shims.get(url);
  if (source === undefined) {
    source = readFileSync(
      path.join(runtimeDir(), "files", ...url.replace(/^\/sandbox\/pkg\//, "").split("/")),
      "utf8",
    );
    shims.set(url, source);
  }
  return source;
}

/**
 * The shim document at /sandbox/v1: plain HTML, the import map of the vendored package set and the
 * inlined bootstrap, nothing of Next.js. The same for every artifact: code arrives by postMessage.
 * The thumbnail renderer passes `payload` instead (no parent to ask), and the shim renders it at once.
 */
export function previewDocument(options: { payload?: PreviewPayload } = {}): string {
  const manifest = runtimeManifest();
  const config = {
    appOrigin: appOrigin(),
    runtimes: { markdown: manifest.runtimes.markdown },
    ...(options.payload ? { payload: options.payload } : {}),
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Vitrine preview</title>
<script type="importmap">${scriptSafeJson({ imports: manifest.imports })}</script>
<script type="application/json" id="vitrine-config">${scriptSafeJson(config)}</script>
</head>
<body>
<script>${shimSource(manifest.runtimes.shim).replace(/<\/script/gi, "<\\/script")}</script>
</body>
</html>`;
}

/**
 * Headers for preview responses: the sandbox CSP and friends, never a cookie. `embed`: the shim of
 * an embed page, which any site may frame (see previewContentSecurityPolicy).
 */
export function previewHeaders(
  contentType: string,
  cacheControl: string,
  { embed = false }: { embed?: boolean } = {},
): Headers {
  const headers = new Headers(previewSecurityHeaders({ embed }));
  headers.set("Content-Type", contentType);
  headers.set("Cache-Control", cacheControl);
  return headers;
}
