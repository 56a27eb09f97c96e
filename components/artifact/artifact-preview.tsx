import { createHash } from "node:crypto";
import { previewOrigin } from "@/lib/env";
import { previewPayloadOnce } from "@/lib/preview/payload-once";
import { PreviewFrame } from "./preview-frame";

type Props = {
  language: string | null | undefined;
  code: string;
  /** The version's code_blob_ref: the payload is computed once per content (payload-once.ts). */
  blobRef?: string;
  title: string;
  /** In an embed page (see PreviewFrame). */
  embed?: boolean;
};

/**
 * The live preview of one version, for a viewer the page has already authorised. React is
 * transpiled on the server, once per version (lib/preview/payload-once.ts); the code reaches the
 * sandbox only by postMessage from this page.
 * Languages without a preview (CSS, Python, other) render nothing: the page shows the code only.
 */
export async function ArtifactPreview({ language, code, blobRef, title, embed }: Props) {
  const payload = await previewPayloadOnce(language, code, blobRef);
  if (!payload) return null;
  return (
    // Keyed by the code: the sandbox renders once, so new code (after a sync or a restore, which
    // refresh the page in place) needs a fresh frame, not a second message to the old one.
    <PreviewFrame
      key={createHash("sha256").update(`${language}\0${code}`).digest("hex").slice(0, 16)}
      previewOrigin={previewOrigin()}
      payload={payload}
      title={title}
      embed={embed}
    />
  );
}
