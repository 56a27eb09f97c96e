import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { editSchema, publishSchema, settingsSchema } from "./artifact";
import { postCommentSchema } from "./comment";
import { forkSchema } from "./fork";
import { normalizeHandle } from "./handle";
import { profileSchema } from "./profile";

// One safe-text rule on every surface where people name or describe things (issue 12, item 10):
// each surface below must refuse each of these, with a sentence naming the field.
const HIDDEN = {
  NUL: "\u0000",
  BEL: "\u0007",
  "RIGHT-TO-LEFT OVERRIDE": "\u202E",
  "LEFT-TO-RIGHT ISOLATE": "\u2066",
  "ZERO WIDTH SPACE": "\u200B",
  "ZERO WIDTH JOINER": "\u200D",
  BOM: "\uFEFF",
  DEL: "\u007F",
} as const;

const REFUSAL = /cannot contain control, invisible or right-to-left override characters/;

type Surface = {
  name: string;
  schema: z.ZodType;
  field: string;
  valid: Record<string, unknown>;
  multiline: boolean;
};

const publish = {
  idempotency_key: randomUUID(),
  title: "Hello",
  description: "",
  language: "html",
  code: "<p>hi</p>",
  visibility: "public",
};
const settings = {
  artifact_id: randomUUID(),
  title: "Hello",
  description: "",
  visibility: "public",
};
const edit = {
  artifact_id: randomUUID(),
  base_version_id: randomUUID(),
  code: "x",
  label: "",
  summary: "",
};
const fork = {
  artifactId: randomUUID(),
  v: "",
  title: "My fork",
  visibility: "public",
  idempotencyKey: "a".repeat(32),
};
const comment = { artifactId: randomUUID(), body: "Nice" };
const profile = {
  handle: "ada",
  displayName: "",
  bio: "",
  city: "",
  country: "",
  gender: "",
  age: "",
};

const SURFACES: Surface[] = [
  {
    name: "publish title",
    schema: publishSchema,
    field: "title",
    valid: publish,
    multiline: false,
  },
  {
    name: "publish description",
    schema: publishSchema,
    field: "description",
    valid: publish,
    multiline: true,
  },
  {
    name: "settings title",
    schema: settingsSchema,
    field: "title",
    valid: settings,
    multiline: false,
  },
  {
    name: "settings description",
    schema: settingsSchema,
    field: "description",
    valid: settings,
    multiline: true,
  },
  { name: "version label", schema: editSchema, field: "label", valid: edit, multiline: false },
  { name: "version summary", schema: editSchema, field: "summary", valid: edit, multiline: true },
  { name: "fork title", schema: forkSchema, field: "title", valid: fork, multiline: false },
  { name: "comment", schema: postCommentSchema, field: "body", valid: comment, multiline: true },
  {
    name: "profile display name",
    schema: profileSchema,
    field: "displayName",
    valid: profile,
    multiline: false,
  },
  { name: "profile city", schema: profileSchema, field: "city", valid: profile, multiline: false },
  { name: "profile bio", schema: profileSchema, field: "bio", valid: profile, multiline: true },
];

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
}

describe.each(SURFACES)("safe text: $name", ({ schema, field, valid, multiline }) => {
  it("accepts ordinary text in any script, with emoji", () => {
    for (const text of ["Café № 5", "مرحبا بالعالم", "日本語のタイトル", "Rocket 🚀"]) {
      expect(messages(schema, { ...valid, [field]: text }), text).toEqual([]);
    }
  });

  it.each(Object.entries(HIDDEN))("refuses %s with a sentence naming the field", (_name, char) => {
    const found = messages(schema, { ...valid, [field]: `Fine${char}text` });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(REFUSAL);
  });

  it(multiline ? "keeps line breaks and tabs" : "refuses line breaks and tabs", () => {
    const found = messages(schema, { ...valid, [field]: "one\ntwo\tthree" });
    if (multiline) expect(found).toEqual([]);
    else expect(found[0]).toMatch(REFUSAL);
  });
});

describe("safe text: handles", () => {
  it.each(Object.entries(HIDDEN))("refuses %s", (_name, char) => {
    const result = normalizeHandle(`ada${char}x`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(/NUL|invisible or right-to-left/);
  });
});
