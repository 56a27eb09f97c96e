import "server-only";
import { appOrigin, previewOrigin } from "@/lib/env";
import { previewSecurityHeaders } from "@/lib/security-headers";
import { runtimeBundle, runtimeVersion } from "./bundle";

// JSON inside <script> must not be able to close the element.
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

/** The shim document at /sandbox/v1: plain HTML and the inlined bootstrap, nothing of Next.js. */
export async function previewDocument(): Promise<string> {
  const shim = await runtimeBundle("shim");
  const config = {
    appOrigin: appOrigin(),
    runtimes: {
      react: `${previewOrigin()}/sandbox/runtime/react.js?v=${runtimeVersion("react")}`,
      markdown: `${previewOrigin()}/sandbox/runtime/markdown.js?v=${runtimeVersion("markdown")}`,
    },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Vitrine preview</title>
<script type="application/json" id="vitrine-config">${scriptSafeJson(config)}</script>
</head>
<body>
<script>${shim.replace(/<\/script/gi, "<\\/script")}</script>
</body>
</html>`;
}

/** Headers for preview responses: the sandbox CSP and friends, never a cookie. */
export function previewHeaders(contentType: string, cacheControl: string): Headers {
  const headers = new Headers(previewSecurityHeaders());
  headers.set("Content-Type", contentType);
  headers.set("Cache-Control", cacheControl);
  return headers;
}
