// Reports, moderator actions and appeals: the choices and length limits, shared by the zod schemas
// (./moderation.ts) and the forms. No zod here: client components import this file.

export const REPORT_REASONS = ["spam", "abuse", "malware", "illegal", "other"] as const;
export type ReportReasonCode = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReasonCode, string> = {
  spam: "Spam",
  abuse: "Abuse or harassment",
  malware: "Malware or phishing",
  illegal: "Illegal content",
  other: "Other",
};

export const REPORT_TEXT_MAX = 1000;
export const MODERATION_REASON_MAX = 1000;
export const APPEAL_TEXT_MAX = 2000;

export const MODERATION_ACTIONS = ["hide", "restore", "dismiss", "delete_comment"] as const;
export type ModerationActionCode = (typeof MODERATION_ACTIONS)[number];
