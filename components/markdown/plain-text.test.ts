import { describe, expect, it } from "vitest";
import { markdownPlainText } from "./plain-text";

describe("markdownPlainText", () => {
  it.each([
    ["A ball that **bounces** off the walls", "A ball that bounces off the walls"],
    ["_Italic_ and *also italic* and ~~gone~~", "Italic and also italic and gone"],
    ["See [the docs](https://example.com/docs) and ![a chart](x.png)", "See the docs and a chart"],
    ["# Title\n\n- one\n- two", "Title one two"],
    ["Uses `useState` and snake_case_names", "Uses useState and snake_case_names"],
    ["2 * 3 * 4 = 24", "2 * 3 * 4 = 24"],
    ["", ""],
  ])("%j → %j", (source, expected) => {
    expect(markdownPlainText(source)).toBe(expected);
  });
});
