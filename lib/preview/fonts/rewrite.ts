import "server-only";
import { previewOrigin } from "@/lib/env";
import { fileForGstaticSlug, fontUrl } from "./catalog";

// Google Fonts URLs in artifact code (HTML <link>, CSS @import, a JS string that builds a <link>)
// point at our own stylesheet route on the preview origin instead; the frame has no network, so the
// originals could only fail. Font files linked straight from fonts.gstatic.com map to the bundled
// file of the same family, or to a local() that matches nothing, so the next font in the stack is
// used without any request.

const STYLESHEET = /(?:https?:)?\/\/fonts\.googleapis\.com\/(css2?|icon)(?=[?"'`\s)<>]|$)/g;
const GSTATIC_IN_URL =
  /url\(\s*(['"]?)(?:https?:)?\/\/fonts\.gstatic\.com\/s\/([a-z0-9]+)\/[^"')\s]*\1\s*\)/gi;
const GSTATIC = /(?:https?:)?\/\/fonts\.gstatic\.com\/s\/([a-z0-9]+)\/[^"'`)\s<>]*/gi;

export function rewriteFontUrls(text: string): string {
  if (!text.includes("fonts.g")) return text;
  return text
    .replace(STYLESHEET, (_, kind: string) => `${previewOrigin()}/sandbox/fonts/${kind}`)
    .replace(GSTATIC_IN_URL, (whole, _q, slug: string) => {
      const file = fileForGstaticSlug(slug);
      return file ? `url(${fontUrl(file)})` : 'local("vitrine-font-not-bundled")';
    })
    .replace(GSTATIC, (whole, slug: string) => {
      const file = fileForGstaticSlug(slug);
      return file ? fontUrl(file) : whole;
    });
}
