import { describe, expect, it } from "vitest";
import { ogText } from "./og-text";

describe("ogText", () => {
  it("keeps Latin text, drops what the card font cannot draw, and shortens", () => {
    expect(ogText("Café ♥ au lait 🚀", 50)).toBe("Café au lait");
    expect(ogText("天気", 50, "A live artifact")).toBe("A live artifact");
    expect(ogText("a".repeat(100), 10)).toBe("aaaaaaa...");
    expect(ogText(null, 10)).toBe("");
  });
});
