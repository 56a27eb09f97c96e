// The explore grid's pictures: the first card's thumbnail is the largest paint on a phone, so it is
// fetched first (eager, fetchpriority=high); the rest of the first row is eager at normal priority
// (several high-priority images would share the bandwidth the first one needs); the rest are lazy.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Thumbnail, cardLoading } from "./thumbnail";

const img = (loading: ReturnType<typeof cardLoading>) =>
  renderToStaticMarkup(
    createElement(Thumbnail, {
      artifactId: "a2f8bb84-8810-413f-8056-3802ebf6edf6",
      title: "Snake",
      language: "html",
      thumbVersion: "1796043756",
      loading,
    }),
  );

describe("card thumbnails", () => {
  it("loads the first card first, the rest of the first row eagerly and the others lazily", () => {
    expect([0, 1, 2, 3, 4, 11].map((i) => cardLoading(i, 4))).toEqual([
      "lcp",
      "eager",
      "eager",
      "eager",
      "lazy",
      "lazy",
    ]);
    expect(cardLoading(0, 0)).toBe("lazy");
  });

  it("marks only the first card's image high priority", () => {
    expect(img("lcp")).toMatch(/<img [^>]*loading="eager"[^>]*fetchPriority="high"/);
    expect(img("eager")).toMatch(/<img [^>]*loading="eager"[^>]*fetchPriority="auto"/);
    expect(img("lazy")).toMatch(/<img [^>]*loading="lazy"[^>]*fetchPriority="auto"/);
  });
});
