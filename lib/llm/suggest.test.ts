// The optional model suggestion against a real HTTP server of the test's own that speaks the
// OpenAI chat-completions shape: the success path, and the local fallback on every failure.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { suggestTitleAndDescription, type ModelConfig } from "./suggest";

type Handler = (body: Record<string, unknown>, res: http.ServerResponse) => void;
let handler: Handler = () => {};
const seen: { auth?: string; path?: string; body?: Record<string, unknown> }[] = [];
let server: http.Server;
let baseUrl = "";

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const body = JSON.parse(raw || "{}") as Record<string, unknown>;
      seen.push({ auth: req.headers.authorization, path: req.url, body });
      handler(body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const config = (): ModelConfig => ({
  baseUrl,
  apiKey: "test-key",
  model: "tiny-model",
  timeoutMs: 1500,
});
const completion = (content: string) =>
  JSON.stringify({
    id: "chatcmpl-1",
    object: "chat.completion",
    model: "tiny-model",
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
  });

const INPUT = {
  code: "<!doctype html><title>Pomodoro Timer</title><h1>Focus</h1>",
  language: "html",
  firstUserMessage: "make me a pomodoro timer with a dark theme",
};
const LOCAL = {
  title: "Pomodoro Timer",
  description: "make me a pomodoro timer with a dark theme",
  source: "local",
};

describe("suggestTitleAndDescription", () => {
  it("asks the configured endpoint and uses its answer, cleaned and clipped", async () => {
    handler = (_body, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(
        completion(
          'Sure! ```json\n{"title": "Dark Pomodoro\\u202E Timer", "description": "A 25/5 focus timer with a dark theme."}\n```',
        ),
      );
    };
    seen.length = 0;
    expect(await suggestTitleAndDescription(INPUT, config())).toEqual({
      title: "Dark Pomodoro Timer",
      description: "A 25/5 focus timer with a dark theme.",
      source: "model",
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.path).toBe("/v1/chat/completions");
    expect(seen[0]!.auth).toBe("Bearer test-key");
    expect(seen[0]!.body!.model).toBe("tiny-model");
    const messages = seen[0]!.body!.messages as { role: string; content: string }[];
    expect(messages.at(-1)!.content).toContain("pomodoro timer with a dark theme");
    expect(messages.at(-1)!.content).toContain("<title>Pomodoro Timer</title>");
  });

  it("falls back to the local suggestion on an HTTP error", async () => {
    handler = (_b, res) => {
      res.writeHead(500, { "Content-Type": "application/json" });
      res.end('{"error":{"message":"overloaded"}}');
    };
    expect(await suggestTitleAndDescription(INPUT, config())).toEqual(LOCAL);
  });

  it("falls back when the answer is not the JSON asked for", async () => {
    handler = (_b, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(completion("I think a good title would be Pomodoro."));
    };
    expect(await suggestTitleAndDescription(INPUT, config())).toEqual(LOCAL);
    handler = (_b, res) => {
      res.writeHead(200, { "Content-Type": "text/html" });
      res.end("<html>proxy error</html>");
    };
    expect(await suggestTitleAndDescription(INPUT, config())).toEqual(LOCAL);
  });

  it("falls back when the endpoint does not answer within the timeout", async () => {
    handler = () => {}; // never answers
    expect(await suggestTitleAndDescription(INPUT, { ...config(), timeoutMs: 600 })).toEqual(LOCAL);
  });

  it("falls back when nothing listens there, and is local without a configuration", async () => {
    expect(
      await suggestTitleAndDescription(INPUT, { ...config(), baseUrl: "http://127.0.0.1:9/v1" }),
    ).toEqual(LOCAL);
    seen.length = 0;
    expect(await suggestTitleAndDescription(INPUT, null)).toEqual(LOCAL);
    expect(seen).toHaveLength(0);
  });
});
