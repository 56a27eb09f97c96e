import "server-only";
import { transform } from "sucrase";
import { renderRuntime } from "./bundle";

// The offline document Chromium screenshots for a thumbnail: the artifact's code, rendered the way
// the live preview renders it, on a page with no network (every request is aborted by the renderer)
// and a CSP that allows only inline code.

export const RENDER_CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data: blob:; font-src data:; media-src data: blob:; connect-src 'none'; form-action 'none'; base-uri 'none'";

const BASE_STYLE = `
  body { color: #18181b; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .markdown { max-width: 760px; margin: 40px auto; padding: 0 32px; line-height: 1.6; font-size: 18px; }
  .markdown pre { background: #f4f4f5; padding: 12px; border-radius: 6px; overflow: hidden; }
  .markdown img { max-width: 100%; }
  .svg-stage { display: grid; place-items: center; width: 100vw; height: 100vh; }
  .svg-stage svg { max-width: 92vw; max-height: 92vh; }
`;

/** `</script` inside inlined code must not end the element. */
function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}

function json(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}

function shell(head: string, body: string, style = BASE_STYLE): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${style}</style>${head}</head><body>${body}</body></html>`;
}

export type RenderKind = "html" | "svg" | "javascript" | "markdown" | "react";

export function renderKind(language: string): RenderKind | null {
  const l = language.toLowerCase();
  if (l === "html" || l === "svg" || l === "markdown" || l === "javascript") return l;
  if (l === "md") return "markdown";
  if (l === "js") return "javascript";
  if (l === "jsx" || l === "tsx" || l === "react") return "react";
  return null;
}

/** The HTML document for a version, or null for languages without a preview (css, python…). */
export async function buildRenderDocument({ language, code }: { language: string; code: string }): Promise<string | null> {
  const kind = renderKind(language);
  switch (kind) {
    case null:
      return null;
    case "html":
      // A full document stays as written; a fragment gets our shell around it.
      return /<html[\s>]|<!doctype/i.test(code) ? code : shell("", code, "");
    case "svg":
      return shell("", `<div class="svg-stage">${code}</div>`);
    case "javascript":
      return shell("", `<div id="root"></div><script>${inlineScript(code)}</script>`, "");
    case "markdown": {
      const runtime = await renderRuntime();
      return shell("", `<div id="root"></div><script>${inlineScript(runtime)}</script><script>window.__vitrineRender.markdown(${json(code)})</script>`);
    }
    case "react": {
      const runtime = await renderRuntime();
      const compiled = transform(code, {
        transforms: ["typescript", "jsx", "imports"],
        jsxRuntime: "automatic",
        production: true,
      }).code;
      return shell(
        "",
        `<div id="root"></div><script>${inlineScript(runtime)}</script><script>window.__vitrineRender.react(${json(compiled)})</script>`,
      );
    }
  }
}
