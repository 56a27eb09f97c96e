import { appOrigin } from "@/lib/env";
import { openApiDocument } from "@/lib/api/openapi";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas (lib/api/openapi.ts).
export function GET() {
  return Response.json(openApiDocument(appOrigin()), {
    headers: { "Cache-Control": "public, max-age=300", "Access-Control-Allow-Origin": "*" },
  });
}
