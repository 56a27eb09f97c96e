import { describe, expect, it } from "vitest";
import { CHATGPT_EXPORT } from "@/domain/chat-import/samples";
import { chatPreviewSchema } from "@/domain/validation/artifact";
import { formDataToObject, runAction } from "@/lib/actions";
import type { Viewer } from "@/lib/auth/viewer";
import { chatPreview, livePreview, livePreviewSchema } from "./live";

// The editor's server round trips through the one action wrapper, as the browser posts them.
const ada: Viewer = { id: "0f0e0d0c-0b0a-4000-8000-0000000000ed", handle: "ada" };
const asAda = { auth: "required" as const, resolveViewer: async () => ada };

function postChat(fields: Record<string, string | File>) {
  const fd = new FormData();
  for (const [key, value] of Object.entries(fields)) fd.append(key, value);
  return runAction(
    chatPreviewSchema,
    () => formDataToObject(fd),
    (input) => chatPreview(input),
    asAda,
  );
}

describe("the transcript read on the server before publishing", () => {
  it("a bad uploaded file gets one sentence on the chat field, and nothing else happens", async () => {
    const cut = new File([JSON.stringify(CHATGPT_EXPORT).slice(0, 500)], "conversations.json", {
      type: "application/json",
    });
    const state = await postChat({ chat: "", chat_file: cut });
    expect(state).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^The chat transcript looks like JSON but is not valid JSON/),
      fieldErrors: { chat: [expect.stringMatching(/not valid JSON/)] },
    });
  });

  it("a file that is not a transcript at all says what it needs", async () => {
    const notes = new File(["my shopping list\neggs\nmilk"], "notes.txt", { type: "text/plain" });
    const state = await postChat({ chat_file: notes });
    expect(state).toMatchObject({
      status: "error",
      message: expect.stringMatching(/^We could not tell who said what\./),
    });
  });

  it("an export file lists its conversations and previews the picked one", async () => {
    const file = new File([JSON.stringify(CHATGPT_EXPORT)], "conversations.json");
    const state = await postChat({
      chat_file: file,
      chat_conversation: "c0ffee00-0000-4000-8000-000000000002",
    });
    expect(state.status).toBe("success");
    const data = state.status === "success" ? state.data : undefined;
    expect(data?.formatName).toBe("ChatGPT data export");
    expect(data?.conversations.map((c) => c.title)).toEqual(["Pomodoro timer", "Regex help"]);
    expect(data?.messages.map((m) => [m.role, m.excerpt])).toEqual([
      ["user", "Match an email"],
      ["assistant", "/^[^@\\s]+@[^@\\s]+$/"],
    ]);
  });

  it("pasted text is read when there is no file; nothing pasted is no transcript", async () => {
    const state = await postChat({ chat: "You said:\nhi\nChatGPT said:\nhello" });
    expect(state).toMatchObject({ status: "success", data: { messageCount: 2 } });
    expect(await postChat({ chat: "  " })).toEqual({ status: "success" });
  });
});

describe("the live preview payload", () => {
  it("is the artifact page's payload (React transpiled on the server), null when empty", async () => {
    const run = (input: unknown) =>
      runAction(
        livePreviewSchema,
        () => input,
        (parsed, viewer) => livePreview(parsed, viewer!),
        asAda,
      );
    const react = await run({
      language: "jsx",
      code: 'export default function App() { return <p className="p-4">Hi</p>; }',
    });
    expect(react).toMatchObject({ status: "success", data: { kind: "react" } });
    const code = react.status === "success" ? (react.data as { code: string }).code : "";
    expect(code).not.toContain("<p"); // JSX became calls: the frame gets runnable code
    expect(await run({ language: "html", code: "   " })).toEqual({ status: "success", data: null });
    expect(await run({ language: "python", code: "print(1)" })).toEqual({
      status: "success",
      data: null,
    });
    expect(await run({ language: "cobol", code: "x" })).toMatchObject({ status: "error" });
  });
});
