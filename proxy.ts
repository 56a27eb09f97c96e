import { NextResponse, type NextRequest } from "next/server";
import {
  APP_SECURITY_HEADERS,
  PREVIEW_PATH_PREFIX,
  appContentSecurityPolicy,
  isPreviewHost,
} from "@/lib/security-headers";

// Routing only — never authorisation (every page, action and route checks access in db/queries).
// 1. The preview host answers preview documents and nothing else; the app host never answers them.
// 2. App responses get a per-request CSP nonce and the security headers.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const onPreviewHost = isPreviewHost(request.headers.get("host"));
  const isPreviewPath = pathname.startsWith(PREVIEW_PATH_PREFIX);

  if (onPreviewHost !== isPreviewPath) {
    return new NextResponse("Not found", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff", "Cache-Control": "no-store" },
    });
  }
  if (onPreviewHost || pathname.startsWith("/_next/")) return NextResponse.next();

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = appContentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  // Next.js reads the nonce from this request header and stamps it on its own scripts.
  requestHeaders.set("Content-Security-Policy", csp);
  requestHeaders.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(APP_SECURITY_HEADERS)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Everything, static assets included: the preview host must not serve the app's bundles either.
  matcher: ["/:path*"],
};
