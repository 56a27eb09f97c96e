// The transcript fields of the publish form, read the one way both the publish action and the
// preview before publishing use: an uploaded file wins over pasted text, `chat_conversation` picks
// one conversation of an export file.
import { FORMAT_NAMES, importChat, type ChatImport, type ConversationSummary } from "./index";

export type ChatFields = { chat?: string; chat_file?: File; chat_conversation?: string };

export async function transcriptFromForm(input: ChatFields): Promise<ChatImport> {
  const file = input.chat_file && input.chat_file.size > 0 ? input.chat_file : null;
  const pick = input.chat_conversation?.trim() || undefined;
  return importChat(file ? await file.text() : input.chat, pick);
}

/** Longest excerpt of one message sent back for the preview (the stored message stays whole). */
export const PREVIEW_EXCERPT = 600;

/** What the form shows before publishing: who said what, in order, and what was left out. */
export type ChatPreview = {
  formatName: string;
  messageCount: number;
  messages: { role: string; excerpt: string; truncated: boolean }[];
  conversations: ConversationSummary[];
  picked: string;
  notes: string[];
};

export function chatPreviewOf(imported: Extract<ChatImport, { status: "ok" }>): ChatPreview {
  return {
    formatName: FORMAT_NAMES[imported.format],
    messageCount: imported.chat.messages.length,
    messages: imported.chat.messages.map((m) => ({
      role: m.role,
      excerpt:
        m.content.length > PREVIEW_EXCERPT ? `${m.content.slice(0, PREVIEW_EXCERPT)}…` : m.content,
      truncated: m.content.length > PREVIEW_EXCERPT,
    })),
    conversations: imported.conversations,
    picked: imported.picked,
    notes: imported.notes,
  };
}
