import { notFound, redirect } from "next/navigation";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { appOrigin } from "@/lib/env";
import { parseChat } from "@/domain/validation/artifact";
import { logLinesDuring } from "@/lib/log/capture.test-helper";
import {
  ActionError,
  MAX_PAYLOAD_VALUES,
  UNEXPECTED,
  formDataToObject,
  idle,
  objectAction,
  publicFormAction,
  runAction,
} from "./actions";
import type { Viewer } from "./auth/viewer";

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

describe("runAction: the one action wrapper", () => {
  const schema = z
    .object({
      title: z.string().min(1, "Give it a title."),
      count: z.coerce.number().int("Whole numbers only."),
    })
    .strict();
  const ada: Viewer = { id: "0f0e0d0c-0b0a-4000-8000-000000000001", handle: "ada" };
  const signedIn = async () => ada;
  const signedOut = async () => null;

  it("refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)", async () => {
    const handler = vi.fn();
    const state = await runAction(
      schema,
      () => ({ title: "x", count: "1", password: "hunter2" }),
      handler,
      { auth: "required", resolveViewer: signedOut },
    );
    expect(state).toEqual({
      status: "error",
      message: "Please sign in first.",
      values: { title: "x", count: "1" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("lets a signed-out caller through a public action, with a null viewer", async () => {
    const handler = vi.fn(async (_input: unknown, viewer: Viewer | null) => ({
      status: "success" as const,
      data: viewer,
    }));
    expect(
      await runAction(schema, () => ({ title: "x", count: "1" }), handler, {
        auth: "optional",
        resolveViewer: signedOut,
      }),
    ).toEqual({ status: "success", data: null });
  });

  it("maps zod issues to field errors, names unexpected fields, and leads with the first message", async () => {
    const handler = vi.fn();
    const state = await runAction(
      schema,
      () => ({ title: "", count: "1.5", owner_user_id: "x" }),
      handler,
      { resolveViewer: signedIn },
    );
    expect(state).toEqual({
      status: "error",
      message: "Give it a title.",
      fieldErrors: {
        form: ["Unexpected field: owner_user_id"],
        title: ["Give it a title."],
        count: ["Whole numbers only."],
      },
      values: { title: "", count: "1.5", owner_user_id: "x" },
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it("passes parsed input and the viewer to the handler; no return value means success", async () => {
    const handler = vi.fn(async () => undefined);
    expect(
      await runAction(schema, () => ({ title: "Hi", count: "3" }), handler, {
        resolveViewer: signedIn,
      }),
    ).toEqual({ status: "success" });
    expect(handler).toHaveBeenCalledWith({ title: "Hi", count: 3 }, ada);
  });

  it("turns an ActionError into its message and field errors", async () => {
    const state = await runAction(
      schema,
      () => ({ title: "Hi", count: "3" }),
      async () => {
        throw new ActionError("That handle is taken.", { handle: ["That handle is taken."] });
      },
      { resolveViewer: signedIn },
    );
    expect(state).toEqual({
      status: "error",
      message: "That handle is taken.",
      fieldErrors: { handle: ["That handle is taken."] },
      values: { title: "Hi", count: "3" },
    });
  });

  it("answers an unexpected error with a sentence, never its message or stack, and logs it", async () => {
    let state: unknown;
    const lines = await logLinesDuring(async () => {
      state = await runAction(
        schema,
        () => ({ title: "Hi", count: "3" }),
        async () => {
          throw new Error('relation "secret_table" does not exist');
        },
        { resolveViewer: signedIn },
      );
    });
    expect(state).toEqual({
      status: "error",
      message: UNEXPECTED,
      values: { title: "Hi", count: "3" },
    });
    expect(JSON.stringify(state)).not.toContain("secret_table");
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: "error" });
  });

  it("lets redirect() and notFound() through to Next.js", async () => {
    const go = runAction(
      schema,
      () => ({ title: "Hi", count: "3" }),
      async () => redirect("/a/1"),
      { resolveViewer: signedIn },
    );
    await expect(go).rejects.toMatchObject({ digest: expect.stringMatching(/^NEXT_REDIRECT;/) });
    const missing = runAction(
      schema,
      () => ({ title: "Hi", count: "3" }),
      async () => notFound(),
      { resolveViewer: signedIn },
    );
    await expect(missing).rejects.toMatchObject({
      digest: expect.stringMatching(/NOT_FOUND|HTTP_ERROR_FALLBACK;404/),
    });
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
    expect(state).toEqual({
      status: "error",
      message: `This form sends too many values (at most ${MAX_PAYLOAD_VALUES}).`,
    });
    const big = await objectAction(
      schema,
      handler,
    )({ title: "Hi", tags: Array.from({ length: 100_000 }, () => 1) });
    expect(big).toMatchObject({
      status: "error",
      message: expect.stringMatching(/too many values/),
    });
    expect(handled).toEqual([]);
  });

  it("refuses __proto__, constructor and prototype keys instead of dropping them", async () => {
    const fd = new FormData();
    fd.append("title", "Hi");
    fd.append("__proto__", "polluted");
    expect(await publicFormAction(schema, handler)(idle, fd)).toEqual({
      status: "error",
      message: "Unexpected field: __proto__",
    });
    const nested = JSON.parse('{"title":"Hi","meta":{"__proto__":{"isAdmin":true}}}');
    expect(await objectAction(schema, handler)(nested)).toEqual({
      status: "error",
      message: "Unexpected field: __proto__",
    });
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(handled).toEqual([]);
  });

  it("names the 64-character limit of a chat message's created_at", () => {
    const chat = JSON.stringify([{ role: "user", content: "hi", created_at: "x".repeat(65) }]);
    expect(parseChat(chat)).toEqual({
      error: "Chat message 1 created_at is longer than 64 characters.",
    });
  });

  it("answers a server action posted from another origin with 403, not 500", async () => {
    const { proxy } = await import("@/proxy");
    const { NextRequest } = await import("next/server");
    const post = (origin: string) =>
      proxy(
        new NextRequest(`${appOrigin()}/a/00000000-0000-4000-8000-000000000000`, {
          method: "POST",
          headers: { "next-action": "7f00", origin, host: new URL(appOrigin()).host },
        }),
      );
    const refused = await post("https://evil.example");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("Cross-site form submissions are not allowed.");
    expect((await post(new URL(appOrigin()).origin)).status).not.toBe(403);
  });
});
