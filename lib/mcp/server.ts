import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { TokenViewer } from "@/db/queries/tokens";
import { registerReadTools } from "./read-tools";
import { registerWriteTools } from "./write-tools";

// Vitrine's MCP server (Streamable HTTP, stateless): one McpServer and one transport per request,
// for the token's user, answered with plain JSON (no SSE stream, no session to keep) — any number
// of web processes can serve it, and nothing outlives the request.

export const MCP_SERVER_INFO = { name: "vitrine", version: "1.0.0" } as const;

const INSTRUCTIONS =
  "Vitrine publishes, versions, diffs and forks live code artifacts (HTML, React, SVG, Markdown, scripts). " +
  "Publish what you made with publish_artifact and include the chat as provenance; to change it later, " +
  "get_artifact for its current version, then save_version with that number as expected_parent_version.";

export function buildMcpServer(viewer: TokenViewer): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS });
  registerReadTools(server, viewer);
  registerWriteTools(server, viewer);
  return server;
}

/** Answers one MCP request (a JSON-RPC message or batch, POSTed) for this viewer. */
export async function handleMcpRequest(request: Request, viewer: TokenViewer): Promise<Response> {
  const server = buildMcpServer(viewer);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    return await transport.handleRequest(request);
  } finally {
    // The JSON answer is complete once handleRequest resolves: nothing is left to stream.
    await server.close();
  }
}
