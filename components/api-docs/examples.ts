// Example request bodies for the reference page's curl lines, by request schema name.
export const BODY_EXAMPLES: Record<string, unknown> = {
  PublishRequest: {
    title: "Bouncing ball",
    language: "html",
    code: "<canvas id=c></canvas><script>/* … */</script>",
    visibility: "public",
    chat: { messages: [{ role: "user", content: "Make a bouncing ball" }] },
  },
  SaveVersionRequest: { parentVersion: 3, code: "<p>v4</p>", summary: "Faster ball" },
  SettingsRequest: { title: "Bouncing ball (final)", visibility: "public" },
  ForkRequest: { title: "My ball", visibility: "private" },
  SyncRequest: { sourceId: "0b7c2f8e-5a1d-4c3e-9f20-6d8a1b2c3d4e", sourceVersion: 5 },
  CommentRequest: { body: "Lovely physics!" },
};
