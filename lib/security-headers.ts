import { appOrigin, env, previewOrigin } from "@/lib/env";

/** Paths that belong to the preview origin. The app origin never serves them, and vice versa. */
export const PREVIEW_PATH_PREFIX = "/sandbox/";

export function isPreviewHost(host: string | null): boolean {
  if (!host) return false;
  return (
    host.toLowerCase() === new URL(previewOrigin()).host.toLowerCase() &&
    host.toLowerCase() !== new URL(appOrigin()).host.toLowerCase()
  );
}

/**
 * Uploaded bytes and artifact images: nothing in them may run or load anything, even if a browser is
 * talked into rendering one as a document. Set by their routes and kept by proxy.ts (never the app's
 * CSP, whose scripts and frames an upload must not get).
 */
export const USER_CONTENT_CSP = "default-src 'none'; sandbox";

/** Routes that answer with user-supplied bytes (app/api/uploads/*, app/api/media/*). */
export function isUserContentPath(pathname: string): boolean {
  return pathname.startsWith("/api/uploads/") || pathname.startsWith("/api/media/");
}

/**
 * The embed pages (/embed/<id>): the only app pages any site may frame. Everything else keeps
 * `frame-ancestors 'none'` and `X-Frame-Options: DENY`.
 */
export const EMBED_PATH_PREFIX = "/embed/";

/** Set by proxy.ts on requests for embed pages (and removed from all others): the root layout reads it. */
export const EMBED_REQUEST_HEADER = "x-vitrine-embed";

export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith(EMBED_PATH_PREFIX);
}

/**
 * The app's CSP: scripts only with this request's nonce, frames only from the preview origin.
 * `frameable` (embed pages only) lets any site frame the page; every other page refuses framing.
 */
export function appContentSecurityPolicy(
  nonce: string,
  { frameable = false }: { frameable?: boolean } = {},
): string {
  return appPolicy(`'nonce-${nonce}' 'strict-dynamic'`, frameable);
}

/**
 * The CSP of a page served from the shared cache (lib/page-cache): no nonce (the page was rendered
 * for someone else), its own inline scripts allowed by hash, script files from 'self' only. No
 * 'strict-dynamic' (with hashes it would drop 'self', and the chunks Next.js loads later are files),
 * no 'unsafe-inline'.
 */
export function cachedPageContentSecurityPolicy(
  scriptHashes: string[],
  { frameable = false }: { frameable?: boolean } = {},
): string {
  return appPolicy(scriptHashes.map((h) => `'${h}'`).join(" "), frameable);
}

function appPolicy(scriptSources: string, frameable: boolean): string {
  const dev = env.NODE_ENV === "development";
  const oauthTargets = [
    env.AUTH_GITHUB_ID ? "https://github.com" : "",
    env.AUTH_GOOGLE_ID ? "https://accounts.google.com" : "",
  ].filter(Boolean);
  const uploadHosts = env.UPLOADTHING_TOKEN
    ? ["https://*.uploadthing.com", "https://*.ingest.uploadthing.com"]
    : [];
  return [
    "default-src 'self'",
    `script-src 'self'${scriptSources ? ` ${scriptSources}` : ""}${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (syntax highlighting, avatars) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${env.UPLOADTHING_TOKEN ? " https://*.ufs.sh https://utfs.io" : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""} ${uploadHosts.join(" ")}`.trim(),
    `frame-src ${previewOrigin()}`,
    frameable ? "frame-ancestors *" : "frame-ancestors 'none'",
    `form-action 'self' ${oauthTargets.join(" ")}`.trim(),
    "base-uri 'self'",
    "object-src 'none'",
  ].join("; ");
}

export const APP_SECURITY_HEADERS: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Cross-Origin-Opener-Policy": "same-origin",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** The embed pages' headers: the app's, without X-Frame-Options (their CSP says who may frame). */
export const EMBED_SECURITY_HEADERS: Record<string, string> = Object.fromEntries(
  Object.entries(APP_SECURITY_HEADERS).filter(([name]) => name !== "X-Frame-Options"),
);

/**
 * The iframe's sandbox tokens, also repeated as the CSP `sandbox` directive so the document stays
 * opaque-origin even when opened top-level. Never allow-same-origin, allow-top-navigation or
 * allow-popups: artifact code must not reach the app's storage, replace the app tab or open windows.
 * Never allow-modals (a prompt() drawn over the app page phishes its visitor) or allow-downloads (a
 * public artifact could start an `invoice.exe` download on load).
 */
export const PREVIEW_SANDBOX = "allow-scripts allow-forms allow-pointer-lock";

/**
 * The CSP of every preview response. Scripts: the preview origin's own runtimes and vendored
 * packages, inline and blob: (artifact code runs inline or as a blob: module). 'unsafe-eval' lets
 * pages that compile JSX in the browser (Babel standalone) and calculators that call eval() run: it
 * grants nothing inline script does not already have here (opaque origin, no cookies, no network).
 * No network at all: every fetch directive allows only the preview origin itself (which serves
 * nothing but our own runtime files, vendored packages and fonts), data: and blob:. Any outside URL,
 * even an image, would carry what the page read to whoever runs that host. Framed only by the app —
 * except the shim of an embed (`/sandbox/v1?embed=1`): CSP checks `frame-ancestors` against every
 * ancestor, and an embed page is itself framed by any site, so that shim allows `*`. It is no wider:
 * the shim takes code only from a parent window on the app origin (lib/preview/runtime/shim.ts), so
 * a site framing it directly gets an empty frame.
 * What CSP cannot govern (WebRTC, nested frames' realms) is closed in the frame itself, before
 * artifact code runs (lib/preview/runtime/close-channels.ts).
 */
export function previewContentSecurityPolicy(origins: {
  app: string;
  preview: string;
  embed?: boolean;
}): string {
  return [
    "default-src 'none'",
    `script-src ${origins.preview} 'unsafe-inline' 'unsafe-eval' blob:`,
    `style-src ${origins.preview} 'unsafe-inline'`,
    `img-src ${origins.preview} data: blob:`,
    `font-src ${origins.preview} data: blob:`,
    `media-src ${origins.preview} data: blob:`,
    "connect-src 'none'",
    "worker-src blob:",
    "frame-src 'none'",
    "manifest-src 'none'",
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    `frame-ancestors ${origins.embed ? "*" : origins.app}`,
    `sandbox ${PREVIEW_SANDBOX}`,
  ].join("; ");
}

/** Headers for everything the preview host answers. Never Set-Cookie. */
export function previewSecurityHeaders({ embed = false }: { embed?: boolean } = {}): Record<
  string,
  string
> {
  return {
    "Content-Security-Policy": previewContentSecurityPolicy({
      app: appOrigin(),
      preview: previewOrigin(),
      embed,
    }),
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    // No speculative name lookups for links in artifact pages (a hostname can carry data).
    "X-DNS-Prefetch-Control": "off",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/**
 * The only paths the preview host serves: the shim document, the vendored runtime files
 * (/sandbox/pkg/<dir>/<name>, at most four plain segments, never a dot-dot) and the bundled fonts.
 */
export function isPreviewDocumentPath(pathname: string): boolean {
  return (
    pathname === "/sandbox/v1" ||
    (/^\/sandbox\/pkg(\/[A-Za-z0-9_][A-Za-z0-9._-]*){1,4}$/.test(pathname) &&
      !pathname.includes("..")) ||
    /^\/sandbox\/fonts\/(css2?|icon|[a-z0-9-]+\.woff2)$/.test(pathname)
  );
}
