// Reads a chat transcript however it was pasted or uploaded — Vitrine's own JSON, ChatGPT's or
// Claude's data export, or the text of a conversation with speaker lines — into the one stored
// shape `{ messages: [{ role, content, created_at? }] }`. Runs on the server (publish, and the
// preview before publishing); every refusal is a sentence the form can show as is.
import { LIMITS, parseChat, type Chat } from "../validation/artifact";
import {
  looksLikeChatGptExport,
  looksLikeClaudeExport,
  readChatGptExport,
  readClaudeExport,
  type ExportRead,
} from "./exports";
import { parseSpeakerText } from "./speaker-text";
import type { ChatFormat, ImportedConversation } from "./types";

export type { ChatFormat, ImportedConversation, ImportedMessage } from "./types";

export type ConversationSummary = {
  id: string;
  title: string;
  messageCount: number;
  createdAt?: string;
};

export type ChatImport =
  | { status: "empty" }
  | { status: "error"; error: string }
  | {
      status: "ok";
      format: ChatFormat;
      chat: Chat;
      /** Every conversation the file holds (one for pasted text), and the one kept. */
      conversations: ConversationSummary[];
      picked: string;
      /** Sentences about what was left out or chosen, shown with the preview. */
      notes: string[];
    };

export const FORMAT_NAMES: Record<ChatFormat, string> = {
  "vitrine-json": "Vitrine JSON",
  "chatgpt-export": "ChatGPT data export",
  "claude-export": "Claude data export",
  "speaker-text": "pasted conversation",
};

const NOT_UNDERSTOOD =
  'We could not tell who said what. Put each message under a speaker line such as "You said:" / "ChatGPT said:", "Human:" / "Assistant:" or "## User" / "## Assistant", or upload the conversations.json of a ChatGPT or Claude data export.';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Final check through the one chat rule (limits, roles, NUL bytes): the stored shape stays one. */
function validated(messages: ImportedConversation["messages"]): { chat: Chat } | { error: string } {
  if (messages.length > LIMITS.chatMessages)
    return {
      error: `This conversation has ${messages.length} messages; at most ${LIMITS.chatMessages} can be kept. Trim it and try again.`,
    };
  const result = parseChat(JSON.stringify({ messages }));
  if ("error" in result) return { error: result.error };
  return { chat: result.chat ?? { messages: [] } };
}

function fromExport(format: ChatFormat, read: ExportRead, pick: string | undefined): ChatImport {
  const { conversations, unreadable } = read;
  const usable = conversations.filter((c) => c.messages.length > 0);
  const name = FORMAT_NAMES[format];
  if (usable.length === 0)
    return {
      status: "error",
      error: `This ${name} holds no conversation with readable messages${unreadable ? ` (${plural(unreadable, "entry", "entries")} could not be read)` : ""}.`,
    };
  const chosen = pick ? usable.find((c) => c.id === pick) : usable[0];
  if (!chosen)
    return {
      status: "error",
      error: "The conversation you picked is not in this file any more. Pick one from the list.",
    };
  const notes: string[] = [];
  if (usable.length > 1 && !pick)
    notes.push(
      `This file holds ${usable.length} conversations; “${chosen.title}” is shown. Pick another from the list.`,
    );
  if (unreadable)
    notes.push(
      `${plural(unreadable, "message")} could not be read (images, files or empty entries) and ${unreadable === 1 ? "was" : "were"} left out.`,
    );
  const checked = validated(chosen.messages);
  if ("error" in checked) return { status: "error", error: checked.error };
  return {
    status: "ok",
    format,
    chat: checked.chat,
    conversations: usable.map((c) => ({
      id: c.id,
      title: c.title,
      messageCount: c.messages.length,
      ...(c.createdAt ? { createdAt: c.createdAt } : {}),
    })),
    picked: chosen.id,
    notes,
  };
}

function fromText(source: string): ChatImport {
  const parsed = parseSpeakerText(source);
  if (!parsed || parsed.messages.length === 0) return { status: "error", error: NOT_UNDERSTOOD };
  const notes: string[] = [];
  if (parsed.skippedLines)
    notes.push(
      `${plural(parsed.skippedLines, "line")} before the first speaker line ${parsed.skippedLines === 1 ? "was" : "were"} left out.`,
    );
  if (parsed.emptyMessages)
    notes.push(
      `${plural(parsed.emptyMessages, "speaker line")} with no message after it left out.`,
    );
  const checked = validated(parsed.messages);
  if ("error" in checked) return { status: "error", error: checked.error };
  const count = checked.chat.messages.length;
  return {
    status: "ok",
    format: "speaker-text",
    chat: checked.chat,
    conversations: [{ id: "1", title: "Pasted conversation", messageCount: count }],
    picked: "1",
    notes,
  };
}

/**
 * The transcript in `raw`, or "empty" when there is none. `pick` chooses one conversation of an
 * export file by its id; without it, the first (the exports list the newest first).
 */
export function importChat(raw: string | null | undefined, pick?: string): ChatImport {
  const source = raw?.replace(/^\uFEFF/, "").trim();
  if (!source) return { status: "empty" };
  if (new TextEncoder().encode(source).length > LIMITS.chatBytes)
    return { status: "error", error: "The chat transcript must be at most 2 MB." };
  if (/^[[{]/.test(source)) {
    let json: unknown;
    try {
      json = JSON.parse(source);
    } catch {
      // Not JSON after all: a conversation may start with "[" or "{". Read it as text, and if that
      // finds no speaker either, say the JSON is broken (what the person most likely pasted).
      const asText = fromText(source);
      return asText.status === "ok"
        ? asText
        : {
            status: "error",
            error:
              "The chat transcript looks like JSON but is not valid JSON (it may be cut short). Paste the whole file, or upload it.",
          };
    }
    if (looksLikeChatGptExport(json))
      return fromExport("chatgpt-export", readChatGptExport(json), pick);
    if (looksLikeClaudeExport(json))
      return fromExport("claude-export", readClaudeExport(json), pick);
    const own = parseChat(source);
    if ("error" in own) return { status: "error", error: own.error };
    if (!own.chat) return { status: "empty" };
    return {
      status: "ok",
      format: "vitrine-json",
      chat: own.chat,
      conversations: [{ id: "1", title: "Conversation", messageCount: own.chat.messages.length }],
      picked: "1",
      notes: [],
    };
  }
  return fromText(source);
}
