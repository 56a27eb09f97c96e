import { appOrigin, env, previewOrigin } from "@/lib/env";

/** Paths that belong to the preview origin. The app origin never serves them, and vice versa. */
export const PREVIEW_PATH_PREFIX = "/sandbox/";

export function isPreviewHost(host: string | null): boolean {
  if (!host) return false;
  return host.toLowerCase() === new URL(previewOrigin()).host.toLowerCase() && host.toLowerCase() !== new URL(appOrigin()).host.toLowerCase();
}

/** The app's CSP: scripts only with this request's nonce, frames only from the preview origin. */
export function appContentSecurityPolicy(nonce: string): string {
  const dev = env.NODE_ENV === "development";
  const oauthTargets = [
    env.AUTH_GITHUB_ID ? "https://github.com" : "",
    env.AUTH_GOOGLE_ID ? "https://accounts.google.com" : "",
  ].filter(Boolean);
  const uploadHosts = env.UPLOADTHING_TOKEN ? ["https://*.uploadthing.com", "https://*.ingest.uploadthing.com"] : [];
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (syntax highlighting, avatars) cannot carry a nonce.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${env.UPLOADTHING_TOKEN ? " https://*.ufs.sh https://utfs.io" : ""}`,
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""} ${uploadHosts.join(" ")}`.trim(),
    `frame-src ${previewOrigin()}`,
    "frame-ancestors 'none'",
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
