import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { editSchema, parseChat, publishSchema, settingsSchema } from "./artifact";

const valid = {
  idempotency_key: randomUUID(),
  title: "Hello",
  description: "",
  language: "html",
  code: "<p>hi</p>",
  visibility: "public",
  versioning_enabled: "on",
};

function firstError(
  input: unknown,
  schema: {
    safeParse: (v: unknown) => { success: boolean; error?: { issues: { message: string }[] } };
  } = publishSchema,
) {
  const result = schema.safeParse(input);
  return result.success ? null : result.error!.issues[0]!.message;
}

describe("publish limits (each refusal names the limit)", () => {
  it("accepts a normal form and applies defaults", () => {
    const parsed = publishSchema.parse(valid);
    expect(parsed).toMatchObject({
      title: "Hello",
      description: null,
      versioning_enabled: true,
      chat_history_public: false,
    });
    expect(publishSchema.parse({ ...valid, visibility: undefined }).visibility).toBe("private");
  });
  it("title ≤ 120, description ≤ 5,000, code ≤ 1 MB, unknown language", () => {
    expect(firstError({ ...valid, title: "x".repeat(121) })).toBe(
      "Title must be at most 120 characters.",
    );
    expect(firstError({ ...valid, title: "   " })).toBe("Give your artifact a title.");
    expect(firstError({ ...valid, description: "x".repeat(5001) })).toBe(
      "Description must be at most 5,000 characters.",
    );
    expect(firstError({ ...valid, code: "é".repeat(524_289) })).toBe("Code must be at most 1 MB.");
    expect(firstError({ ...valid, language: "cobol" })).toMatch(/^Choose a language from the list/);
  });
  it("refuses NUL bytes, extra fields and __proto__", () => {
    expect(firstError({ ...valid, title: "a\u0000b" })).toBe(
      "Title cannot contain control, invisible or right-to-left override characters.",
    );
    expect(firstError({ ...valid, code: "a\u0000" })).toBe(
      "Code contains a NUL byte, which is not allowed.",
    );
    expect(publishSchema.safeParse({ ...valid, owner_user_id: randomUUID() }).success).toBe(false);
    expect(
      publishSchema.safeParse(
        JSON.parse(`{"__proto__": {"x": 1}, ${JSON.stringify(valid).slice(1)}`),
      ).success,
    ).toBe(false);
    expect(
      settingsSchema.safeParse({
        artifact_id: randomUUID(),
        title: "t",
        visibility: "public",
        likes_count: "9",
      }).success,
    ).toBe(false);
  });
  it("label ≤ 40 and summary ≤ 500 on a new version", () => {
    const edit = { artifact_id: randomUUID(), base_version_id: randomUUID(), code: "x" };
    expect(firstError({ ...edit, label: "l".repeat(41) }, editSchema)).toBe(
      "Label must be at most 40 characters.",
    );
    expect(firstError({ ...edit, summary: "s".repeat(501) }, editSchema)).toBe(
      "Summary must be at most 500 characters.",
    );
    expect(editSchema.parse({ ...edit, label: "  ", summary: "" })).toMatchObject({
      label: null,
      summary: null,
    });
  });
});

describe("chat transcripts", () => {
  it("accepts { messages } and a bare array; empty means none", () => {
    expect(parseChat('{"messages":[{"role":"user","content":"hi"}]}')).toEqual({
      chat: { messages: [{ role: "user", content: "hi" }] },
    });
    expect(
      parseChat('[{"role":"assistant","content":"yo","created_at":"2026-01-01"}]'),
    ).toMatchObject({ chat: { messages: [{ role: "assistant" }] } });
    expect(parseChat("  ")).toEqual({ chat: null });
  });
  it("names what is wrong", () => {
    const three = [
      { role: "user", content: "a" },
      { role: "assistant", content: "b" },
      { role: "user" },
    ];
    expect(parseChat(JSON.stringify(three))).toEqual({ error: "Chat message 3 has no content." });
    expect(parseChat('[{"content":"x"}]')).toEqual({ error: "Chat message 1 has no role." });
    expect(parseChat('[{"role":"user","content":"x","extra":1}]')).toEqual({
      error: "Chat message 1 has an unexpected field: extra.",
    });
    expect(parseChat("{not json")).toEqual({ error: "The chat transcript is not valid JSON." });
    expect(parseChat('{"msgs":[]}')).toEqual({
      error: "The chat transcript has an unexpected field: msgs.",
    });
    expect(parseChat('"hello"')).toMatchObject({ error: expect.stringContaining("must be") });
  });
  it("≤ 500 messages and ≤ 2 MB", () => {
    const many = Array.from({ length: 501 }, () => ({ role: "user", content: "x" }));
    expect(parseChat(JSON.stringify(many))).toEqual({
      error: "The chat transcript can have at most 500 messages.",
    });
    const big = JSON.stringify([{ role: "user", content: "x".repeat(2_100_000) }]);
    expect(parseChat(big)).toEqual({ error: "The chat transcript must be at most 2 MB." });
  });
});
