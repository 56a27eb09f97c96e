/** One message as Vitrine stores it (the shape of `artifact_versions.chat`, see domain/validation). */
export type ImportedMessage = { role: string; content: string; created_at?: string };

/** One conversation found in a pasted text or an uploaded export file. */
export type ImportedConversation = {
  /** Stable within the file: the export's own id, or its position. */
  id: string;
  title: string;
  messages: ImportedMessage[];
  /** ISO date of the conversation's start, when the export says. */
  createdAt?: string;
};

export type ChatFormat = "vitrine-json" | "chatgpt-export" | "claude-export" | "speaker-text";

/** What the transcript reader found: conversations, and sentences about what it had to leave out. */
export type ImportedChat = {
  format: ChatFormat;
  conversations: ImportedConversation[];
  notes: string[];
};
