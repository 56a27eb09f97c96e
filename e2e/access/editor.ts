import type { ActionEntry, RouteEntry } from "./types";

// The split editor (live preview, transcript preview) and the onboarding step after sign-up (issue 16).
export const routes: RouteEntry[] = [{ path: "/start", kind: "page", rule: "signed-in" }];

export const actions: ActionEntry[] = [
  {
    file: "app/(account)/editor-actions.ts",
    name: "livePreviewAction",
    rule: "signed-in",
    provenBy: [
      "lib/editor/live.test.ts > is the artifact page's payload (React transpiled on the server), null when empty",
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
      "e2e/editor.spec.ts > type on /new: the sandboxed preview follows before publishing, beside the code at 1280 px",
    ],
  },
  {
    file: "app/(account)/editor-actions.ts",
    name: "chatPreviewAction",
    rule: "signed-in",
    provenBy: [
      "lib/editor/live.test.ts > a bad uploaded file gets one sentence on the chat field, and nothing else happens",
      "lib/actions.test.ts > refuses a signed-out caller before parsing or running anything, and echoes what was typed (never secrets)",
      "e2e/editor.spec.ts > template, pasted ChatGPT transcript with its message preview, publish",
    ],
  },
];
