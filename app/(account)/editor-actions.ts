"use server";

import { formAction, objectAction } from "@/lib/actions";
import { chatPreview, livePreview, livePreviewSchema } from "@/lib/editor/live";
import { chatPreviewSchema } from "@/domain/validation/artifact";

/** The editor's live preview: the sandbox payload for the code being written (signed in only). */
export const livePreviewAction = objectAction(livePreviewSchema, livePreview);

/** The chat transcript read on the server, shown as messages before publishing (signed in only). */
export const chatPreviewAction = formAction(chatPreviewSchema, (input) => chatPreview(input));
