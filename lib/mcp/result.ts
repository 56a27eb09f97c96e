import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { BUSY_MESSAGE, isBusy } from "@/db/busy";
import type { TokenViewer } from "@/db/queries/tokens";
import { requestLogger } from "@/lib/log/request";

// What every MCP tool answers: text for the model to read plus the same facts as structured
// content, or a refusal (isError) with one clear sentence. A tool never throws: the unexpected is
// logged and answered "nothing was saved, try again", the way the browser's actions answer it.

export const UNEXPECTED = "Something went wrong on our side. Nothing was saved — please try again.";

/** The same sentence for a missing artifact and another person's private one. */
export const NOT_FOUND = "Not found: no artifact you can see has this id (or this version).";

export function answer(text: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: "text", text }], structuredContent: structured };
}

export function refuse(message: string, structured?: Record<string, unknown>): CallToolResult {
  return {
    content: [{ type: "text", text: message }],
    ...(structured ? { structuredContent: structured } : {}),
    isError: true,
  };
}

/** A write tool with a read-scope token: refused before anything runs. */
export function needsWrite(viewer: TokenViewer, tool: string): CallToolResult | null {
  if (viewer.scope === "write") return null;
  return refuse(
    `This token has the read scope; ${tool} needs a token with the write scope (create one in Settings → Tokens).`,
  );
}

/** Runs a tool body; a busy database and the unexpected become refusals, never a thrown error. */
export function guarded<A>(
  tool: string,
  viewer: TokenViewer,
  body: (args: A) => Promise<CallToolResult>,
): (args: A) => Promise<CallToolResult> {
  return async (args) => {
    try {
      return await body(args);
    } catch (err) {
      if (isBusy(err)) return refuse(BUSY_MESSAGE);
      (await requestLogger()).error({ err, tool, userId: viewer.userId }, "mcp tool failed");
      return refuse(UNEXPECTED);
    }
  };
}
