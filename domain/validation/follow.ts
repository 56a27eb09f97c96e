import { z } from "zod";

export const toggleFollowSchema = z.object({ userId: z.uuid(), follow: z.boolean() }).strict();

export const SELF_FOLLOW_MESSAGE = "You cannot follow yourself.";
