// /docs/api is rendered from the OpenAPI document: every operation, its curl line and every schema.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { ApiReference, anchor, type OpenApiDoc } from "./api-reference";

describe("the API reference page", () => {
  it("lists every operation with an anchor, a curl example and every schema, and no script", () => {
    const doc = openApiDocument("https://vitrine.example") as unknown as OpenApiDoc;
    const html = renderToStaticMarkup(createElement(ApiReference, { doc }));
    for (const [path, item] of Object.entries(doc.paths ?? {}))
      for (const method of Object.keys(item))
        expect(html, `${method} ${path}`).toContain(`id="${anchor(method, path)}"`);
    for (const name of Object.keys(doc.components?.schemas ?? {}))
      expect(html).toContain(`id="schema-${name}"`);
    expect(html).toContain("curl -X POST &quot;https://vitrine.example/api/v1/artifacts&quot;");
    expect(html).toContain("Authorization: Bearer $VITRINE_TOKEN");
    expect(html).toContain("Idempotency-Key: $(uuidgen)");
    expect(html).toContain("parentVersion");
    expect(html).not.toContain("<script");
  });
});
