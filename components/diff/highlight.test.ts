import { describe, expect, it } from "vitest";
import { highlightLines, shikiLanguage } from "./highlight";

describe("highlightLines", () => {
  it("colours the very first lines after start-up (grammar compilation must not cut them short)", async () => {
    const tokens = await highlightLines(
      ['import { useState } from "react";', "export default function A() {}"],
      "tsx",
    );
    expect(tokens![0]!.map((t) => t.content)).toEqual([
      "import",
      " { useState } ",
      "from",
      " ",
      '"react"',
      ";",
    ]);
  });

  it("keeps a token that spans lines right on every line, and cuts only at line ends", async () => {
    const lines = ["/* a comment", "   still the comment */ const x = 1;"];
    const tokens = (await highlightLines(lines, "javascript"))!;
    expect(tokens.map((line) => line.map((t) => t.content).join(""))).toEqual(lines);
    const comment = tokens[0]![0]!.color;
    expect(tokens[1]![0]).toMatchObject({ content: "   still the comment */", color: comment });
    expect(tokens[1]!.find((t) => t.content === "const")!.color).not.toBe(comment);
  });

  it("colours a prefix exactly as the whole file, and leaves unknown languages plain", async () => {
    const lines = ["const a = `x", "y`;", "let b = 2;"];
    expect((await highlightLines(lines, "javascript", 2))!).toEqual(
      (await highlightLines(lines, "javascript"))!.slice(0, 2),
    );
    expect(await highlightLines(lines, "other")).toBeNull();
    expect(shikiLanguage("svg")).toBe("xml");
  });
});
