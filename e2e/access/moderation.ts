import type { ActionEntry, RouteEntry } from "./types";

// Reports and moderation (issue 15 part 3). The walker (e2e/access.spec.ts) checks that /moderation
// is 404 for its anonymous, owner and other actors (none is a moderator); e2e/moderation.spec.ts
// signs a moderator in.
export const routes: RouteEntry[] = [{ path: "/moderation", kind: "page", rule: "moderator" }];

export const actions: ActionEntry[] = [
  {
    file: "app/moderation/actions.ts",
    name: "moderateAction",
    rule: "moderator",
    provenBy: [
      "db/queries/moderation.test.ts > refuse everyone without the role, changing nothing; the CLI's functions grant and revoke",
      "db/queries/moderation.test.ts > on a deleted artifact or comment answer a sentence and change nothing",
      "e2e/moderation.spec.ts > a report reaches a moderator who hides the artifact: 404 for others, the owner appeals, the moderator restores",
    ],
  },
  {
    file: "app/(public)/a/[id]/report-actions.ts",
    name: "reportAction",
    rule: "signed-in",
    provenBy: [
      "db/queries/moderation.test.ts > reports on private, hidden, deleted or missing items are not-found and write nothing",
      "db/queries/moderation.test.ts > one open report per user per item, under concurrency; the artifact and each comment are items",
      "e2e/moderation.spec.ts > a reported comment is deleted by a moderator; /moderation is 404 for everyone else",
    ],
  },
  {
    file: "app/(public)/a/[id]/appeal-actions.ts",
    name: "appealAction",
    rule: "artifact-owner",
    provenBy: [
      "db/queries/moderation.test.ts > queue oldest first, keyset-paged, each item with its reports; hide → appeal once → restore, all recorded",
      "e2e/moderation.spec.ts > a report reaches a moderator who hides the artifact: 404 for others, the owner appeals, the moderator restores",
    ],
  },
];
