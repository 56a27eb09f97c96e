"use client";

import { useEffect, useRef, useState } from "react";
import { chatPreviewAction } from "@/app/(account)/editor-actions";
import { inputClass } from "@/components/form/form";
import type { ChatPreview } from "@/domain/chat-import/form";
import { LIMITS } from "@/domain/validation/artifact";
import { useKeepOnReset } from "./keep-on-reset";

const DEBOUNCE_MS = 400;

type Read =
  | { kind: "none" }
  | { kind: "pending" }
  | { kind: "ok"; preview: ChatPreview }
  | { kind: "error"; message: string };

const ROLE_NAMES: Record<string, string> = {
  user: "You",
  assistant: "Assistant",
  system: "System",
};

/**
 * The chat transcript, pasted as it comes out of an assistant or uploaded as a data export. The
 * server reads it (the publish action's own reader) and the messages are shown before publishing.
 * With JavaScript an uploaded file is read into the text box, so a refused publish keeps it; without,
 * the file field is posted as is.
 */
export function ChatImportField({
  defaultText,
  defaultPick,
  error,
}: {
  defaultText: string;
  defaultPick: string;
  /** The publish action's error for this field (`chat-error`). */
  error: React.ReactNode;
}) {
  const [text, setText] = useState(defaultText);
  const [pick, setPick] = useState(defaultPick);
  // The last answer and what it answered (text + pick): anything newer is "pending" until it lands.
  const [answer, setAnswer] = useState<{ key: string; read: Read }>({
    key: "",
    read: { kind: "none" },
  });
  const [fileNote, setFileNote] = useState<string | null>(null);
  const sequence = useRef(0);
  const conversationSelect = useRef<HTMLSelectElement>(null);
  const key = `${pick}\u0000${text}`;
  const empty = !text.trim();

  useEffect(() => {
    if (empty) return;
    const id = ++sequence.current;
    const timer = window.setTimeout(async () => {
      const form = new FormData();
      form.set("chat", text);
      if (pick) form.set("chat_conversation", pick);
      let next: Read;
      try {
        const state = await chatPreviewAction({ status: "idle" }, form);
        if (state.status === "success")
          next = state.data ? { kind: "ok", preview: state.data as ChatPreview } : { kind: "none" };
        else if (state.status === "error") next = { kind: "error", message: state.message };
        else next = { kind: "none" };
      } catch {
        next = {
          kind: "error",
          message: "The transcript could not be read just now. Check your connection.",
        };
      }
      if (id === sequence.current) setAnswer({ key, read: next });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [text, pick, key, empty]);

  const read: Read = empty
    ? { kind: "none" }
    : answer.key === key
      ? answer.read
      : { kind: "pending" };

  async function onFile(event: React.ChangeEvent<HTMLInputElement>) {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > LIMITS.chatBytes) {
      setFileNote(
        `${file.name} is larger than 2 MB; export or copy just the conversation you want.`,
      );
      input.value = "";
      return;
    }
    // Read here and kept in the text box: a refused publish gives the text back; a file field it cannot.
    setText(await file.text());
    setPick("");
    setFileNote(`Read ${file.name} (${Math.ceil(file.size / 1024)} KB).`);
    input.value = "";
  }

  const preview = read.kind === "ok" ? read.preview : null;
  useKeepOnReset(conversationSelect, preview?.picked ?? "");
  return (
    <fieldset className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4">
      <legend className="px-1 text-sm font-medium">Chat transcript (optional)</legend>
      <p id="chat-hint" className="text-sm text-zinc-600">
        Paste the conversation as you copied it (&ldquo;You said: … ChatGPT said: …&rdquo;,
        &ldquo;Human: … Assistant: …&rdquo;, or Markdown with &ldquo;## User&rdquo; headings), or
        upload the <code className="font-mono text-xs">conversations.json</code> of a ChatGPT or
        Claude data export. Vitrine JSON works too. Up to 500 messages and 2 MB.
      </p>
      <label htmlFor="chat" className="sr-only">
        Chat transcript
      </label>
      <textarea
        id="chat"
        name="chat"
        rows={5}
        value={text}
        onChange={(e) => setText(e.target.value)}
        className={`${inputClass} font-mono text-xs`}
        placeholder={"You said:\n…\nChatGPT said:\n…"}
        aria-describedby="chat-hint chat-error chat-read"
      />
      <div className="text-sm">
        <label htmlFor="chat_file" className="mr-2 font-medium">
          Or upload
        </label>
        <input
          id="chat_file"
          name="chat_file"
          type="file"
          accept=".json,.txt,.md,application/json,text/plain,text/markdown"
          onChange={onFile}
          className="max-w-full text-sm file:mr-2 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-2.5 file:py-1 file:text-sm file:font-medium hover:file:bg-zinc-50"
        />
        {fileNote && <p className="mt-1 text-xs text-zinc-600">{fileNote}</p>}
      </div>
      {error}
      <div id="chat-read" role="status" aria-live="polite" data-testid="chat-read">
        {read.kind === "pending" && (
          <p className="text-sm text-zinc-500">Reading the transcript…</p>
        )}
        {read.kind === "error" && (
          <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
            {read.message}
          </p>
        )}
        {preview && (
          <p className="text-sm text-zinc-700">
            Read as a {preview.formatName}: {preview.messageCount}{" "}
            {preview.messageCount === 1 ? "message" : "messages"}.
          </p>
        )}
      </div>
      {preview && preview.conversations.length > 1 && (
        <div className="space-y-1">
          <label htmlFor="chat_conversation" className="block text-sm font-medium">
            Conversation
          </label>
          <select
            ref={conversationSelect}
            id="chat_conversation"
            name="chat_conversation"
            value={preview.picked}
            onChange={(e) => setPick(e.target.value)}
            className={`${inputClass} sm:w-96`}
          >
            {preview.conversations.map((c) => (
              <option key={c.id} value={c.id}>
                {c.title} ({c.messageCount} {c.messageCount === 1 ? "message" : "messages"}
                {c.createdAt ? `, ${c.createdAt.slice(0, 10)}` : ""})
              </option>
            ))}
          </select>
        </div>
      )}
      {preview && preview.conversations.length <= 1 && pick && (
        <input type="hidden" name="chat_conversation" value={pick} />
      )}
      {preview && preview.notes.length > 0 && (
        <ul className="list-inside list-disc text-sm text-amber-900">
          {preview.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {preview && (
        <ol
          aria-label="Messages as they will be published"
          className="max-h-96 space-y-2 overflow-y-auto rounded-md border border-zinc-200 bg-zinc-50 p-2"
          data-testid="chat-messages"
        >
          {preview.messages.map((m, i) => (
            <li
              key={i}
              className={`rounded-md px-3 py-2 text-sm ${m.role === "user" ? "bg-white" : "bg-brand-50"}`}
            >
              <span className="block text-xs font-semibold text-zinc-700">
                {ROLE_NAMES[m.role] ?? m.role}
              </span>
              <span className="block break-words whitespace-pre-wrap text-zinc-800">
                {m.excerpt}
              </span>
            </li>
          ))}
        </ol>
      )}
    </fieldset>
  );
}
