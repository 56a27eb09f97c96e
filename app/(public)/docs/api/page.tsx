import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference, type OpenApiDoc } from "@/components/api-docs/api-reference";
import { openApiDocument } from "@/lib/api/openapi";
import { appOrigin } from "@/lib/env";

export const metadata: Metadata = {
  title: "API reference",
  description:
    "The Vitrine JSON API: publish, version, diff and fork artifacts from scripts and tools.",
};

// Rendered from the same OpenAPI document /api/v1/openapi.json serves.
export default function ApiDocsPage() {
  const doc = openApiDocument(appOrigin()) as unknown as OpenApiDoc;
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight">Vitrine API</h1>
        <p className="text-zinc-700">{doc.info.description}</p>
        <ul className="list-disc space-y-1 pl-5 text-sm text-zinc-700">
          <li>
            <strong>Tokens.</strong> Create one in{" "}
            <Link className="text-brand-700 underline" href="/settings/tokens">
              Settings → Tokens
            </Link>{" "}
            (read or write scope, an expiry; shown once) and send{" "}
            <code>Authorization: Bearer vit_…</code>. Browser cookies are never accepted.
          </li>
          <li>
            <strong>Errors</strong> are{" "}
            <code>{`{ "error": { "code", "message", "fields"? } }`}</code>: 400 malformed, 401 no or
            dead token, 403 read scope, 404 missing or private (the same answer), 409 stale parent
            (with <code>current</code>), 413 too large, 422 refused field, 429 rate limited, 503
            busy (with Retry-After).
          </li>
          <li>
            <strong>Caching.</strong> Reads carry an <code>ETag</code>; send it back in{" "}
            <code>If-None-Match</code> for a 304.
          </li>
          <li>
            <strong>Retries.</strong> Creates accept <code>Idempotency-Key</code>: the same key and
            body within 24 hours get the first answer again; another body under the key is a 422.
          </li>
          <li>
            Machine-readable:{" "}
            <a className="text-brand-700 underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>{" "}
            (OpenAPI 3.1).
          </li>
        </ul>
      </header>
      <ApiReference doc={doc} />
    </div>
  );
}
