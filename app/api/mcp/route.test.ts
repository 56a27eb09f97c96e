import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/index";
import { createToken } from "@/db/queries/tokens";
import { makeArtifact, makeUsers } from "@/db/test/social-fixtures";
import { stopBoss } from "@/lib/thumbnails/queue";
import { DELETE, GET, POST } from "./route";

// The MCP server end to end: the SDK's own client speaks Streamable HTTP to the route handler,
// served over a real local HTTP server, with real tokens, on the real (test) PostgreSQL.

let server: Server;
let endpoint: URL;
const clients: Client[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(new URL(req.url ?? "/", endpoint), {
      method: req.method,
      headers,
      body: req.method === "POST" ? Buffer.concat(chunks) : undefined,
    });
    const handler = req.method === "POST" ? POST : req.method === "DELETE" ? DELETE : GET;
    const response = await handler(request);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mcp`);
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await new Promise((resolve) => server.close(resolve));
  await stopBoss(); // the publish and save tools queue a thumbnail, as the browser's actions do
});

async function connect(token: string | null): Promise<Client> {
  const client = new Client({ name: "vitrine-test", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(endpoint, {
    requestInit: token ? { headers: { Authorization: `Bearer ${token}` } } : {},
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function userWithToken(scope: "read" | "write") {
  const [userId] = await makeUsers(1, `mcp-${scope}`);
  const { token } = await createToken(userId!, { name: "test", scope, expiresAt: null });
  return { userId: userId!, token };
}

async function call(client: Client, name: string, args: Record<string, unknown>) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

const textOf = (result: CallToolResult) =>
  result.content.map((c) => (c.type === "text" ? c.text : "")).join("\n");

const chat = [
  { role: "user", content: "Make me a bouncing ball." },
  { role: "assistant", content: "Here is a canvas with a bouncing ball." },
];

describe("/api/mcp", () => {
  it("an SDK client with a write token lists the tools, publishes with a chat, saves a version, diffs — all in PostgreSQL", async () => {
    const { userId, token } = await userWithToken("write");
    const client = await connect(token);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      "diff_versions",
      "fork_artifact",
      "get_artifact",
      "publish_artifact",
      "save_version",
      "search_artifacts",
    ]);
    const publishSchema = tools.find((t) => t.name === "publish_artifact")!.inputSchema;
    expect(publishSchema.required).toEqual(expect.arrayContaining(["title", "language", "code"]));

    const published = await call(client, "publish_artifact", {
      title: "Bouncing ball",
      language: "html",
      code: "<canvas></canvas>\n<p>one</p>\n",
      description: "A *ball*.",
      visibility: "public",
      chat,
    });
    expect(published.isError, textOf(published)).toBeFalsy();
    const id = published.structuredContent!.id as string;
    expect(published.structuredContent).toMatchObject({ version: 1, visibility: "public" });
    expect(textOf(published)).toContain(`/a/${id}`);
    const [row] = (
      await db.execute(sql`select a.owner_user_id, a.title, a.visibility, a.description, v.version_index, v.chat
        from artifacts a join artifact_versions v on v.id = a.current_version_id where a.id = ${id}`)
    ).rows;
    expect(row).toMatchObject({
      owner_user_id: userId,
      title: "Bouncing ball",
      visibility: "public",
      description: "A *ball*.",
      version_index: 1,
      chat: { messages: chat },
    });

    const read = await call(client, "get_artifact", { artifact_id: id });
    expect(read.structuredContent).toMatchObject({
      title: "Bouncing ball",
      current_version: 1,
      is_owner: true,
      chat,
    });

    const followUp = [...chat, { role: "user", content: "Make it two lines." }];
    const saved = await call(client, "save_version", {
      artifact_id: id,
      expected_parent_version: 1,
      code: "<canvas></canvas>\n<p>two</p>\n",
      summary: "Second paragraph",
      chat: followUp,
    });
    expect(saved.isError, textOf(saved)).toBeFalsy();
    expect(saved.structuredContent).toMatchObject({ version: 2, parent_version: 1 });
    const versions = (
      await db.execute(sql`select v.version_index, v.summary, v.chat, p.version_index as parent
        from artifact_versions v left join artifact_versions p on p.id = v.parent_version_id
        where v.artifact_id = ${id} order by v.version_index`)
    ).rows;
    expect(versions).toEqual([
      { version_index: 1, summary: null, chat: { messages: chat }, parent: null },
      { version_index: 2, summary: "Second paragraph", chat: { messages: followUp }, parent: 1 },
    ]);

    // A save against a version that is no longer current changes nothing and names the current one.
    const stale = await call(client, "save_version", {
      artifact_id: id,
      expected_parent_version: 1,
      code: "<p>lost?</p>",
    });
    expect(stale.isError).toBe(true);
    expect(textOf(stale)).toContain("the current version is 2");
    expect(stale.structuredContent).toMatchObject({ status: "conflict", current_version: 2 });
    const count = await db.execute(
      sql`select count(*)::int as n from artifact_versions where artifact_id = ${id}`,
    );
    expect(count.rows[0]).toEqual({ n: 2 });

    const diff = await call(client, "diff_versions", { artifact_id: id, from: 1, to: 2 });
    expect(diff.isError, textOf(diff)).toBeFalsy();
    expect(diff.structuredContent).toMatchObject({ from: 1, to: 2, added: 1, removed: 1 });
    expect(diff.structuredContent!.unified).toBe(
      "--- v1\n+++ v2\n@@ -1,2 +1,2 @@\n <canvas></canvas>\n-<p>one</p>\n+<p>two</p>",
    );

    const found = await call(client, "search_artifacts", { query: "Bouncing" });
    expect((found.structuredContent!.results as { id: string }[]).map((r) => r.id)).toContain(id);
  });

  it("forks another user's public artifact for the token's user", async () => {
    const [owner] = await makeUsers(1, "mcp-owner");
    const source = await makeArtifact({
      ownerUserId: owner!,
      title: "Original",
      visibility: "public",
    });
    const { userId, token } = await userWithToken("write");
    const client = await connect(token);
    const forked = await call(client, "fork_artifact", { artifact_id: source.id });
    expect(forked.isError, textOf(forked)).toBeFalsy();
    const forkId = forked.structuredContent!.id as string;
    const [row] = (
      await db.execute(
        sql`select owner_user_id, forked_from_id, title, visibility from artifacts where id = ${forkId}`,
      )
    ).rows;
    expect(row).toEqual({
      owner_user_id: userId,
      forked_from_id: source.id,
      title: "Original",
      visibility: "private",
    });
    // Saving straight to someone else's artifact is refused, with the way forward.
    const notMine = await call(client, "save_version", {
      artifact_id: source.id,
      expected_parent_version: 1,
      code: "<p>mine now</p>",
    });
    expect(notMine.isError).toBe(true);
    expect(textOf(notMine)).toContain("Fork it first");
  });

  it("another user's private artifact answers exactly like a missing one, on every tool", async () => {
    const [owner] = await makeUsers(1, "mcp-private");
    const secret = await makeArtifact({
      ownerUserId: owner!,
      title: "Secret",
      visibility: "private",
    });
    const { token } = await userWithToken("write");
    const client = await connect(token);
    const missing = crypto.randomUUID();
    const cases: [string, Record<string, unknown>][] = [
      ["get_artifact", {}],
      ["diff_versions", {}],
      ["fork_artifact", {}],
      ["save_version", { expected_parent_version: 1, code: "<p>x</p>" }],
    ];
    for (const [tool, args] of cases) {
      const hidden = await call(client, tool, { artifact_id: secret.id, ...args });
      const absent = await call(client, tool, { artifact_id: missing, ...args });
      expect(hidden.isError, tool).toBe(true);
      expect(textOf(hidden), tool).toBe(textOf(absent));
      expect(textOf(hidden)).not.toContain("Secret");
    }
    const search = await call(client, "search_artifacts", { query: "Secret" });
    expect(search.structuredContent!.results).toEqual([]);
    const forks = await db.execute(
      sql`select count(*)::int as n from artifacts where forked_from_id = ${secret.id}`,
    );
    expect(forks.rows[0]).toEqual({ n: 0 });
  });

  it("a read-scope token reads but cannot publish, save or fork", async () => {
    const { userId, token } = await userWithToken("read");
    const mine = await makeArtifact({
      ownerUserId: userId,
      title: "Read only",
      visibility: "public",
    });
    const client = await connect(token);
    expect((await call(client, "get_artifact", { artifact_id: mine.id })).isError).toBeFalsy();
    const attempts: [string, Record<string, unknown>][] = [
      ["publish_artifact", { title: "Nope", language: "html", code: "<p>x</p>" }],
      ["save_version", { artifact_id: mine.id, expected_parent_version: 1, code: "<p>x</p>" }],
      ["fork_artifact", { artifact_id: mine.id }],
    ];
    for (const [tool, args] of attempts) {
      const result = await call(client, tool, args);
      expect(result.isError, tool).toBe(true);
      expect(textOf(result)).toContain("read scope");
    }
    const rows = await db.execute(
      sql`select (select count(*)::int from artifacts where owner_user_id = ${userId}) as artifacts,
        (select count(*)::int from artifact_versions where artifact_id = ${mine.id}) as versions`,
    );
    expect(rows.rows[0]).toEqual({ artifacts: 1, versions: 1 });
  });

  it("refuses bad input with a sentence and writes nothing", async () => {
    const { userId, token } = await userWithToken("write");
    const client = await connect(token);
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ title: "  ", language: "html", code: "<p>x</p>" }, /Give your artifact a title\./],
      [{ title: "T", language: "cobol", code: "<p>x</p>" }, /Choose a language from the list/],
      [{ title: "T", language: "html", code: "   " }, /Code cannot be empty\./],
      [
        { title: "T", language: "html", code: "x".repeat(1_048_577) },
        /Code must be at most 1 MB\./,
      ],
      [
        {
          title: "T",
          language: "html",
          code: "<p>x</p>",
          chat: [{ role: "user", content: "hi", mood: "?" }],
        },
        /Chat message 1 has an unexpected field: mood\./,
      ],
      [
        { title: "T", language: "html", code: "<p>x</p>", visibility: "secret" },
        /Visibility must be public or private\./,
      ],
      [
        { title: "T", language: "html", code: "<p>x</p>", owner_user_id: crypto.randomUUID() },
        /Unrecognized key: "owner_user_id"/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await call(client, "publish_artifact", args);
      expect(result.isError, JSON.stringify(args).slice(0, 80)).toBe(true);
      expect(textOf(result)).toMatch(message);
    }
    const bad = await call(client, "get_artifact", { artifact_id: "not-a-uuid" });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toContain("That artifact does not exist.");
    const rows = await db.execute(
      sql`select count(*)::int as n from artifacts where owner_user_id = ${userId}`,
    );
    expect(rows.rows[0]).toEqual({ n: 0 });
  });

  it("refuses a request without a token, with a wrong, revoked or expired one, and a cookie alone (401 with WWW-Authenticate)", async () => {
    const { userId } = await userWithToken("write");
    const { token: expired } = await createToken(userId, {
      name: "old",
      scope: "write",
      expiresAt: new Date(Date.now() - 60_000),
    });
    const { token: revoked, row } = await createToken(userId, {
      name: "gone",
      scope: "write",
      expiresAt: null,
    });
    await db.execute(sql`update api_tokens set revoked_at = now() where id = ${row.id}`);
    const initialize = JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: {
        protocolVersion: "2025-06-18",
        capabilities: {},
        clientInfo: { name: "raw", version: "1" },
      },
    });
    const headerSets: Record<string, string>[] = [
      {},
      { Authorization: "Bearer vit_wrongwrongwrongwrongwrongwrongwrongwrongwro" },
      { Authorization: `Bearer ${expired}` },
      { Authorization: `Bearer ${revoked}` },
      { Authorization: "Basic dXNlcjpwYXNz" },
      { Cookie: "authjs.session-token=anything" },
    ];
    for (const extra of headerSets) {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/json, text/event-stream",
          ...extra,
        },
        body: initialize,
      });
      expect(response.status, JSON.stringify(extra)).toBe(401);
      expect(response.headers.get("www-authenticate")).toMatch(/^Bearer /);
    }
    await expect(connect(null)).rejects.toThrow();
    // GET (a stream) and DELETE (a session) do not exist on a stateless server.
    expect((await fetch(endpoint, { method: "GET" })).status).toBe(405);
  });
});
