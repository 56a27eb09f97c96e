import { describe, expect, it } from "vitest";
import { canonicalTag, parseTags, tagFiltersFrom, tagFromUrl, TAGS_PER_ARTIFACT } from "./tags";
import { categorySchema, tagsFieldSchema } from "@/domain/validation/tags";

describe("parseTags", () => {
  it("lower-cases, trims, joins inner spaces with hyphens and drops duplicates, in the order given", () => {
    expect(parseTags("  React, three-js ,react,Data Viz,, REACT ,\nsvg")).toEqual({
      ok: true,
      tags: ["react", "three-js", "data-viz", "svg"],
    });
  });

  it("treats blank input and lone separators as no tags", () => {
    expect(parseTags("")).toEqual({ ok: true, tags: [] });
    expect(parseTags(" , ,\n, - ")).toEqual({ ok: true, tags: [] });
  });

  it("collapses hyphen runs and strips them at the ends", () => {
    expect(parseTags("--ui---kit-")).toEqual({ ok: true, tags: ["ui-kit"] });
  });

  it("accepts exactly 20 tags of exactly 30 characters", () => {
    const tags = Array.from({ length: 20 }, (_, i) =>
      `t${String(i).padStart(2, "0")}`.padEnd(30, "x"),
    );
    const result = parseTags(tags.join(","));
    expect(result).toEqual({ ok: true, tags });
  });

  it("refuses HTML with a sentence naming the tag", () => {
    const result = parseTags("react, <b>bold</b>");
    expect(result).toEqual({
      ok: false,
      error: "The tag “<b>bold</b>” can only contain the letters a–z, digits and hyphens.",
    });
  });

  it("refuses emoji and other letters outside a–z", () => {
    expect(parseTags("rocket🚀")).toMatchObject({
      ok: false,
      error: expect.stringContaining("“rocket🚀”"),
    });
    expect(parseTags("café")).toMatchObject({ ok: false, error: expect.stringContaining("a–z") });
    expect(parseTags("snake_case")).toMatchObject({ ok: false });
  });

  it("refuses a 10,000-character tag, naming its length and the limit, shortened in the message", () => {
    const result = parseTags("a".repeat(10_000));
    expect(result).toEqual({
      ok: false,
      error: `The tag “${"a".repeat(24)}…” is 10,000 characters long; a tag can be at most 30.`,
    });
  });

  it("refuses a 31-character tag", () => {
    expect(parseTags("b".repeat(31))).toMatchObject({
      ok: false,
      error: expect.stringContaining("31 characters"),
    });
  });

  it("refuses 500 entries, counting distinct tags", () => {
    const many = Array.from({ length: 500 }, (_, i) => `tag-${i}`).join(",");
    expect(parseTags(many)).toEqual({
      ok: false,
      error: "You gave 500 different tags; an artifact can have at most 20.",
    });
    // 500 entries that are one tag after normalising are one tag.
    expect(parseTags(Array(500).fill("Same").join(","))).toEqual({ ok: true, tags: ["same"] });
    expect(TAGS_PER_ARTIFACT).toBe(20);
  });

  it("refuses an absurdly long field before splitting it", () => {
    expect(parseTags("a,".repeat(15_000))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^Tags must be at most 20,000 characters in all/),
    });
  });
});

describe("tagFromUrl and canonicalTag", () => {
  it("reads URL tags the way the form does, and nothing invalid", () => {
    expect(tagFromUrl("React")).toBe("react");
    expect(tagFromUrl("data-viz")).toBe("data-viz");
    expect(tagFromUrl("<b>")).toBeNull();
    expect(tagFromUrl("")).toBeNull();
    expect(tagFromUrl(null)).toBeNull();
    expect(tagFromUrl("x".repeat(31))).toBeNull();
    expect(canonicalTag("  Two  Words ")).toBe("two-words");
  });
});

describe("tagFiltersFrom (the explore form)", () => {
  it("canonicalises a valid tag, keeps an invalid one as typed for the page to name, reads the category", () => {
    const form = (tag: string, category = "") => new URLSearchParams({ tag, category });
    expect(tagFiltersFrom(form(" D3 ", "ui"))).toEqual({ tag: "d3", category: "ui" });
    expect(tagFiltersFrom(form("<b>", "games"))).toEqual({ tag: "<b>", category: null });
    expect(tagFiltersFrom(form("  "))).toEqual({ tag: null, category: null });
  });
});

describe("form schemas", () => {
  it("turns the field into a list and refusals into one issue with the sentence", () => {
    expect(tagsFieldSchema.parse(undefined)).toEqual([]);
    expect(tagsFieldSchema.parse("a, b")).toEqual(["a", "b"]);
    const refused = tagsFieldSchema.safeParse("🚀");
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.message)).toEqual([
      "The tag “🚀” can only contain the letters a–z, digits and hyphens.",
    ]);
  });

  it("accepts the five categories only", () => {
    for (const c of ["general", "ui", "animation", "dashboard", "tooling"])
      expect(categorySchema.parse(c)).toBe(c);
    expect(categorySchema.safeParse("games").error?.issues[0]?.message).toBe(
      "Choose a category from the list (general, ui, animation, dashboard, tooling).",
    );
  });
});
