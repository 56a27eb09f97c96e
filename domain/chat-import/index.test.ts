import { describe, expect, it } from "vitest";
import { importChat, type ChatImport } from "./index";
import {
  BOLD_NAMES,
  CHATGPT_COPIED,
  CHATGPT_EXPORT,
  CLAUDE_EXPORT,
  HUMAN_ASSISTANT,
  MARKDOWN_HEADINGS,
} from "./samples";

function ok(result: ChatImport) {
  if (result.status !== "ok") throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result;
}
const roles = (result: ChatImport) => ok(result).chat.messages.map((m) => m.role);

describe("importChat: pasted text", () => {
  it("reads chatgpt.com's copied page (You said: / ChatGPT said:), skipping the page chrome", () => {
    const result = ok(importChat(CHATGPT_COPIED));
    expect(result.format).toBe("speaker-text");
    expect(roles(result)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(result.chat.messages[0]!.content).toBe(
      "Make me a pomodoro timer in a single HTML file, dark theme.",
    );
    // The code block stays inside the assistant's message, whole.
    expect(result.chat.messages[1]!.content).toContain("<!DOCTYPE html>");
    expect(result.chat.messages[1]!.content).toContain("Open it in a browser and press Start.");
    expect(result.notes).toEqual(["2 lines before the first speaker line were left out."]);
  });

  it("reads Human: / Assistant: prefixes with the message on the same line", () => {
    const result = ok(importChat(HUMAN_ASSISTANT));
    expect(result.chat.messages).toEqual([
      { role: "user", content: "Write an SVG of a sun." },
      {
        role: "assistant",
        content:
          'Here is a simple sun:\n\n<svg viewBox="0 0 100 100"><circle cx="50" cy="50" r="20" fill="gold"/></svg>',
      },
      { role: "user", content: "Add rays." },
      { role: "assistant", content: "Added eight rays around the circle." },
    ]);
  });

  it("reads Markdown role headings and keeps 'User:' inside a code fence as content", () => {
    const result = ok(importChat(MARKDOWN_HEADINGS));
    expect(roles(result)).toEqual(["user", "assistant", "user", "assistant"]);
    expect(result.chat.messages[1]!.content).toContain("// User: this comment must stay");
    expect(result.notes).toEqual(["1 line before the first speaker line was left out."]);
  });

  it("reads bold names (**You:** …), inline or on their own line", () => {
    expect(ok(importChat(BOLD_NAMES)).chat.messages).toEqual([
      { role: "user", content: "What is 2 + 2?" },
      { role: "assistant", content: "4." },
      { role: "user", content: "And times 3?" },
      { role: "assistant", content: "12." },
    ]);
  });

  it("reads User: / Claude: and Windows line endings", () => {
    expect(roles(importChat("User: hi\r\nClaude: hello\r\nUser: bye"))).toEqual([
      "user",
      "assistant",
      "user",
    ]);
  });

  it("says in one sentence what it needs when no speaker is found", () => {
    const result = importChat("Just some notes I took\nabout the timer.");
    expect(result).toEqual({
      status: "error",
      error: expect.stringMatching(/^We could not tell who said what\. .*"You said:"/),
    });
  });
});

describe("importChat: data exports", () => {
  it("ChatGPT: follows current_node, drops system and the unkept branch, keeps text of images", () => {
    const result = ok(importChat(JSON.stringify(CHATGPT_EXPORT)));
    expect(result.format).toBe("chatgpt-export");
    expect(result.conversations.map((c) => [c.title, c.messageCount])).toEqual([
      ["Pomodoro timer", 4],
      ["Regex help", 2],
    ]);
    expect(result.picked).toBe("c0ffee00-0000-4000-8000-000000000001");
    expect(result.chat.messages.map((m) => m.content)).toEqual([
      "Make me a pomodoro timer",
      "Here is a timer:\n\n```html\n<div>25:00</div>\n```",
      "Like this screenshot, but blue",
      "Done: the background is now #1e3a8a.",
    ]);
    expect(result.chat.messages[0]!.created_at).toBe("2025-11-30T05:20:01.500Z");
    expect(result.notes[0]).toMatch(/holds 2 conversations; “Pomodoro timer” is shown/);
  });

  it("ChatGPT: picks a conversation by id, reading code content", () => {
    const result = ok(
      importChat(JSON.stringify(CHATGPT_EXPORT), "c0ffee00-0000-4000-8000-000000000002"),
    );
    expect(result.chat.messages).toEqual([
      { role: "user", content: "Match an email", created_at: expect.any(String) },
      { role: "assistant", content: "/^[^@\\s]+@[^@\\s]+$/", created_at: expect.any(String) },
    ]);
    expect(result.notes).toEqual([]);
  });

  it("ChatGPT: one conversation object (not an array) is read too", () => {
    expect(ok(importChat(JSON.stringify(CHATGPT_EXPORT[1]))).chat.messages).toHaveLength(2);
  });

  it("Claude: human → user, text blocks joined when text is empty, untitled gets a name", () => {
    const result = ok(importChat(JSON.stringify(CLAUDE_EXPORT)));
    expect(result.format).toBe("claude-export");
    expect(result.chat.messages).toEqual([
      {
        role: "user",
        content: "Draw the solar system as an SVG.",
        created_at: "2026-11-20T09:00:01.000000Z",
      },
      {
        role: "assistant",
        content: "Here is the solar system:\n\nEach planet is a circle.",
        created_at: "2026-11-20T09:00:09.000000Z",
      },
    ]);
    expect(result.conversations[1]).toMatchObject({ title: "Conversation 2", messageCount: 2 });
  });

  it("an unknown pick is refused with a sentence, not the first conversation", () => {
    expect(importChat(JSON.stringify(CLAUDE_EXPORT), "nope")).toEqual({
      status: "error",
      error: "The conversation you picked is not in this file any more. Pick one from the list.",
    });
  });

  it("an export with no readable message says so", () => {
    const empty = [{ uuid: "a", name: "x", chat_messages: [{ sender: "human", text: "" }] }];
    expect(importChat(JSON.stringify(empty))).toEqual({
      status: "error",
      error:
        "This Claude data export holds no conversation with readable messages (1 entry could not be read).",
    });
  });

  it("a conversation over 500 messages is refused with its count", () => {
    const long = [
      {
        uuid: "a",
        name: "long",
        chat_messages: Array.from({ length: 501 }, (_, i) => ({
          sender: i % 2 ? "assistant" : "human",
          text: `m${i}`,
        })),
      },
    ];
    expect(importChat(JSON.stringify(long))).toEqual({
      status: "error",
      error: "This conversation has 501 messages; at most 500 can be kept. Trim it and try again.",
    });
  });
});

describe("importChat: our own JSON and broken input", () => {
  it("still accepts { messages } and a bare array, unchanged", () => {
    const own = ok(importChat('{"messages":[{"role":"user","content":"hi"}]}'));
    expect(own.format).toBe("vitrine-json");
    expect(own.chat).toEqual({ messages: [{ role: "user", content: "hi" }] });
    expect(ok(importChat('[{"role":"assistant","content":"yo"}]')).chat.messages).toHaveLength(1);
  });

  it("keeps the existing sentences for our JSON's errors", () => {
    expect(importChat('[{"role":"user"}]')).toEqual({
      status: "error",
      error: "Chat message 1 has no content.",
    });
  });

  it("a file cut short is 'not valid JSON', not a parse stack", () => {
    const cut = JSON.stringify(CHATGPT_EXPORT).slice(0, 300);
    expect(importChat(cut)).toEqual({
      status: "error",
      error: expect.stringMatching(/^The chat transcript looks like JSON but is not valid JSON/),
    });
  });

  it("nothing is empty, and a byte-order mark is ignored", () => {
    expect(importChat("  \n ")).toEqual({ status: "empty" });
    expect(importChat(undefined)).toEqual({ status: "empty" });
    expect(roles(importChat("\uFEFFHuman: a\nAssistant: b"))).toEqual(["user", "assistant"]);
  });
});
