import "server-only";
import { previewKind } from "./languages";
import type { PreviewPayload } from "./messages";
import { styleForPreview } from "./tailwind/artifact";
import { transpileReactCached } from "./transpile";

/**
 * What the artifact page posts into the preview frame for one version, or null for languages that
 * show code only. React is transpiled here, on the server; errors become a payload the frame shows.
 * Tailwind is compiled here too (React always, HTML when the page asks for it), and Google Fonts
 * links point at the bundled fonts.
 */
export async function buildPreviewPayload(
  language: string | null | undefined,
  code: string,
): Promise<PreviewPayload | null> {
  const kind = previewKind(language);
  if (!kind) return null;
  let runnable = code;
  if (kind === "react") {
    const result = transpileReactCached(code, (language ?? "tsx").toLowerCase());
    if (!result.ok) return { kind: "error", message: result.message };
    runnable = result.code;
  }
  const styled = await styleForPreview(kind, code, runnable);
  return styled.css === undefined
    ? { kind, code: styled.code }
    : { kind, code: styled.code, css: styled.css };
}
