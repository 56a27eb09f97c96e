// The MCP server in the production build: the SDK's client connects to /api/mcp of the running app
// with a personal access token, publishes with a chat and saves a version; the rows are in
// PostgreSQL and the artifact page shows them. (The tool-by-tool matrix: app/api/mcp/route.test.ts.)
import { createHash, randomBytes } from "node:crypto";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { createUser, expect, query, test } from "./fixtures";

const APP_URL = process.env.E2E_BASE_URL ?? "http://localhost:3000";

/** A token made the way db/queries/tokens.ts makes one (only its SHA-256 is stored). */
async function tokenFor(userId: string, scope: "read" | "write") {
  const token = `vit_${randomBytes(32).toString("base64url")}`;
  await query(
    "insert into api_tokens (user_id, name, scope, token_hash, prefix) values ($1, 'e2e', $2, $3, $4)",
    [userId, scope, createHash("sha256").update(token).digest("hex"), token.slice(0, 10)],
  );
  return token;
}

async function connect(token: string) {
  const client = new Client({ name: "vitrine-e2e", version: "1.0.0" });
  await client.connect(
    new StreamableHTTPClientTransport(new URL("/api/mcp", APP_URL), {
      requestInit: { headers: { Authorization: `Bearer ${token}` } },
    }),
  );
  return client;
}

test("an MCP client publishes with its chat and saves a version through /api/mcp of the production app", async ({
  page,
  request,
}) => {
  const user = await createUser("mcp-e2e");
  const client = await connect(await tokenFor(user.id, "write"));
  try {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toContain("publish_artifact");
    const title = `From an assistant ${Date.now()}`;
    const published = (await client.callTool({
      name: "publish_artifact",
      arguments: {
        title,
        language: "html",
        code: "<h1>First</h1>",
        visibility: "public",
        chat_history_public: true,
        chat: [
          { role: "user", content: "Say first." },
          { role: "assistant", content: "Done: a page that says First." },
        ],
      },
    })) as CallToolResult;
    expect(published.isError).toBeFalsy();
    const id = published.structuredContent!.id as string;
    const saved = (await client.callTool({
      name: "save_version",
      arguments: {
        artifact_id: id,
        expected_parent_version: 1,
        code: "<h1>Second</h1>",
        summary: "Says second",
      },
    })) as CallToolResult;
    expect(saved.isError).toBeFalsy();
    const rows = await query<{ version_index: number; summary: string | null }>(
      "select version_index, summary from artifact_versions where artifact_id = $1 order by version_index",
      [id],
    );
    expect(rows).toEqual([
      { version_index: 1, summary: null },
      { version_index: 2, summary: "Says second" },
    ]);
    await page.goto(`/a/${id}/v/1`);
    await expect(page.getByText("Done: a page that says First.")).toBeVisible();

    // The read-scope token is refused on a write; no token is a 401 with a Bearer challenge.
    const reader = await connect(await tokenFor(user.id, "read"));
    const refused = (await reader.callTool({
      name: "publish_artifact",
      arguments: { title: "No", language: "html", code: "<p>no</p>" },
    })) as CallToolResult;
    expect(refused.isError).toBe(true);
    await reader.close();
    const anonymous = await request.post("/api/mcp", {
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json, text/event-stream",
      },
      data: { jsonrpc: "2.0", id: 1, method: "tools/list" },
    });
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()["www-authenticate"]).toMatch(/^Bearer /);
  } finally {
    await client.close();
  }
});
