import { authenticateApiRequest } from "@/lib/api/auth";
import { handleMcpRequest } from "@/lib/mcp/server";

// The MCP endpoint (Streamable HTTP, stateless): POST JSON-RPC with `Authorization: Bearer <token>`.
// A personal access token is required (401 with WWW-Authenticate otherwise; cookies are never
// read); write tools also need the write scope (lib/mcp/result.ts). Stateless means there is no
// stream to open with GET and no session to end with DELETE: both are 405, as the spec allows.

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const viewer = await authenticateApiRequest(request);
  if (viewer instanceof Response) return viewer;
  return handleMcpRequest(request, viewer);
}

function methodNotAllowed() {
  return Response.json(
    {
      jsonrpc: "2.0",
      error: {
        code: -32000,
        message: "Method not allowed: this MCP server is stateless; POST only.",
      },
      id: null,
    },
    { status: 405, headers: { Allow: "POST", "Cache-Control": "no-store" } },
  );
}

export const GET = methodNotAllowed;
export const DELETE = methodNotAllowed;
