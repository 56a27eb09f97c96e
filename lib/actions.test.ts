import { describe, expect, it } from "vitest";
import { z } from "zod";
import { appOrigin } from "@/lib/env";
import { parseChat } from "@/lib/validation/artifact";
import { MAX_PAYLOAD_VALUES, formDataToObject, idle, objectAction, publicFormAction } from "./actions";

describe("formDataToObject", () => {
  it("drops Next's $ACTION fields, keeps repeated keys, and cannot pollute prototypes", () => {
    const fd = new FormData();
    fd.append("$ACTION_ID_abc", "");
    fd.append("title", "Hello");
    fd.append("tag", "a");
    fd.append("tag", "b");
    const obj = formDataToObject(fd);
    expect(obj.title).toBe("Hello");
    expect(obj.tag).toEqual(["a", "b"]);
    expect(Object.keys(obj)).not.toContain("$ACTION_ID_abc");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(obj)).toBe(Object.prototype);
  });
});

// Issue 12 item 9: errors where a sentence belongs.
describe("action payload limits", () => {
  const schema = z.object({ title: z.string().max(10) }).strict();
  const handled: unknown[] = [];
  const handler = async (input: unknown) => {
    handled.push(input);
  };

  it("refuses a 100k-element array with a sentence, in linear time, before any handler", async () => {
    const fd = new FormData();
    fd.append("title", "Hi");
    for (let i = 0; i < 100_000; i++) fd.append("tags", "x");
    const state = await publicFormAction(schema, handler)(idle, fd);
    expect(state).toEqual({ status: "error", message: `This form sends too many values (at most ${MAX_PAYLOAD_VALUES}).` });
    const big = await objectAction(schema, handler)({ title: "Hi", tags: Array.from({ length: 100_000 }, () => 1) });
    expect(big).toMatchObject({ status: "error", message: expect.stringMatching(/too many values/) });
    expect(handled).toEqual([]);
  });

  it("refuses __proto__, constructor and prototype keys instead of dropping them", async () => {
    const fd = new FormData();
    fd.append("title", "Hi");
    fd.append("__proto__", "polluted");
    expect(await publicFormAction(schema, handler)(idle, fd)).toEqual({ status: "error", message: "Unexpected field: __proto__" });
    const nested = JSON.parse('{"title":"Hi","meta":{"__proto__":{"isAdmin":true}}}');
    expect(await objectAction(schema, handler)(nested)).toEqual({ status: "error", message: "Unexpected field: __proto__" });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it("names the 64-character limit of a chat message's created_at", () => {
    const chat = JSON.stringify([{ role: "user", content: "hi", created_at: "x".repeat(65) }]);
    expect(parseChat(chat)).toEqual({ error: "Chat message 1 created_at is longer than 64 characters." });
  });

  it("answers a server action posted from another origin with 403, not 500", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const post = (origin: string) =>
      proxy(new NextRequest(`${appOrigin()}/a/00000000-0000-4000-8000-000000000000`, { method: "POST", headers: { "next-action": "7f00", origin, host: new URL(appOrigin()).host } }));
    const refused = post("https://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Cross-site form submissions are not allowed.");
    expect(post(new URL(appOrigin()).origin).status).not.toBe(403);
  });
});
