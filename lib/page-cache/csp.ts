import { createHash } from "node:crypto";

// Cached pages carry no per-request nonce: their CSP allows exactly the inline scripts they contain,
// by hash (CSP Level 2 'sha256-…'), and same-origin script files ('self'). The nonce attributes
// Next.js stamped at render time are stripped: stale and meaningless, they must not look like a key.

// An inline script is raw text up to the first "</script" (HTML tokeniser rule), so this is exact for
// what the browser hashes; attributes are matched with their quotes so a ">" inside one cannot end the tag.
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script\s*>/gi;
const NONCE_ATTR = /\snonce=(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

export type HashedDocument = { html: string; scriptHashes: string[] };

export function hashInlineScripts(html: string): HashedDocument {
  const hashes = new Set<string>();
  const out = html.replace(SCRIPT, (_whole, attrs: string, body: string) => {
    const clean = attrs.replace(NONCE_ATTR, "");
    const external = /\ssrc\s*=/i.test(clean);
    if (!external && body.length > 0) {
      hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
    }
    return `<script${clean}>${body}</script>`;
  });
  // <link rel=preload as=script nonce=…> and other tags: strip the nonce there too.
  const stripped = out.replace(/<(link|style)\b[^>]*>/gi, (tag) => tag.replace(NONCE_ATTR, ""));
  return { html: stripped, scriptHashes: [...hashes] };
}
