import { createHash } from "node:crypto";
import { derivedOnce } from "@/lib/derived/once";
import { CODE_HTML_VERSION, codeHtml } from "./code-html";
import "./code-view.css";

/**
 * Server-rendered, highlighted code with line numbers (#L12 anchors). The highlighted markup is
 * computed once per content (`blobRef`, the version's code_blob_ref; the code's own sha256 when
 * the caller has none — the same value) and language, shared by every process through PostgreSQL,
 * and inserted as one pre-escaped string (code-html.ts escapes every text and attribute). Long
 * lines scroll inside the box; line numbers are not selectable, so a manual copy takes only the code.
 */
export async function CodeView({
  id,
  code,
  language,
  blobRef,
  label = "Code",
}: {
  id: string;
  code: string;
  language: string;
  blobRef?: string;
  label?: string;
}) {
  const html = await derivedOnce(
    {
      blobRef: blobRef ?? `sha256:${createHash("sha256").update(code, "utf8").digest("hex")}`,
      kind: "highlight",
      variant: `${language}/${CODE_HTML_VERSION}`,
    },
    () => codeHtml(code, language),
  );
  return (
    <div
      id={id}
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[70vh] overflow-auto rounded-b-lg bg-white"
      // eslint-disable-next-line react/no-danger -- escaped by hast-util-to-html (code-html.test.ts)
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
