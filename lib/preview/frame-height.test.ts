import { describe, expect, it } from "vitest";
import {
  APP_MAX_HEIGHT,
  APP_MIN_HEIGHT,
  DEFAULT_HEIGHT,
  initialFrameHeight,
  nextFrameHeight,
} from "./frame-height";
import { MIN_FRAME_HEIGHT } from "./messages";

describe("nextFrameHeight", () => {
  it("fits documents to their content, never below the floor", () => {
    expect(nextFrameHeight("markdown", initialFrameHeight("markdown"), 900)).toBe(900);
    expect(nextFrameHeight("markdown", 900, 30)).toBe(MIN_FRAME_HEIGHT);
  });

  it("keeps an SVG's box: it scales to it", () => {
    expect(nextFrameHeight("svg", DEFAULT_HEIGHT, 1500)).toBe(DEFAULT_HEIGHT);
  });

  it("follows an app's content between a floor and a ceiling", () => {
    expect(nextFrameHeight("react", DEFAULT_HEIGHT, 300)).toBe(300);
    expect(nextFrameHeight("html", DEFAULT_HEIGHT, 150)).toBe(APP_MIN_HEIGHT);
    expect(nextFrameHeight("html", DEFAULT_HEIGHT, 1600)).toBe(APP_MAX_HEIGHT);
  });

  it("does not chase a page sized to the frame itself (100vh plus or minus a margin)", () => {
    let height = DEFAULT_HEIGHT;
    for (let i = 0; i < 50; i++) height = nextFrameHeight("html", height, height + 16);
    expect(height).toBe(DEFAULT_HEIGHT);
    for (let i = 0; i < 50; i++) height = nextFrameHeight("html", height, height - 16);
    expect(height).toBe(DEFAULT_HEIGHT);
  });

  it("keeps the default box for absolutely positioned layouts that report no height", () => {
    expect(nextFrameHeight("javascript", 300, 0)).toBe(DEFAULT_HEIGHT);
  });
});
