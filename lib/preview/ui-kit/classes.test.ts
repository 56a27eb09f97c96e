import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { __unstable__loadDesignSystem } from "@tailwindcss/node";
import { describe, expect, it } from "vitest";
import { badgeVariants } from "./components/badge";
import { buttonVariants } from "./components/button";
import { toggleVariants } from "./components/toggle";
import { cn } from "./utils";

const tokens = (classes: string) => classes.split(/\s+/).filter(Boolean).sort();

describe("cn", () => {
  it("joins conditionally and lets later classes win", () => {
    expect(cn("px-2 py-1", false && "hidden", { "font-bold": true }, "px-4")).toBe(
      "py-1 font-bold px-4",
    );
    expect(cn("bg-primary text-primary-foreground", "bg-red-500")).toBe(
      "text-primary-foreground bg-red-500",
    );
  });
});

describe("variants produce shadcn/ui's classes", () => {
  it("buttonVariants", () => {
    const outlineSm = tokens(buttonVariants({ variant: "outline", size: "sm" }));
    for (const t of [
      "border",
      "bg-background",
      "shadow-xs",
      "hover:bg-accent",
      "h-8",
      "gap-1.5",
      "px-3",
      "rounded-md",
      "inline-flex",
    ]) {
      expect(outlineSm).toContain(t);
    }
    expect(outlineSm).not.toContain("h-9");
    expect(tokens(buttonVariants())).toEqual(
      expect.arrayContaining([
        "bg-primary",
        "text-primary-foreground",
        "hover:bg-primary/90",
        "h-9",
        "px-4",
        "py-2",
      ]),
    );
    expect(tokens(buttonVariants({ variant: "destructive" }))).toContain("bg-destructive");
    expect(tokens(buttonVariants({ variant: "ghost", size: "icon" }))).toEqual(
      expect.arrayContaining(["hover:bg-accent", "size-9"]),
    );
    expect(tokens(buttonVariants({ variant: "link" }))).toContain("hover:underline");
    expect(tokens(buttonVariants({ size: "icon-sm" }))).toContain("size-8");
    // A caller's class replaces the conflicting default (Button passes it through cn).
    expect(tokens(cn(buttonVariants({ className: "h-12" })))).not.toContain("h-9");
  });

  it("badgeVariants and toggleVariants", () => {
    expect(tokens(badgeVariants({ variant: "secondary" }))).toEqual(
      expect.arrayContaining([
        "bg-secondary",
        "text-secondary-foreground",
        "text-xs",
        "px-2",
        "py-0.5",
      ]),
    );
    expect(tokens(badgeVariants({ variant: "outline" }))).toContain("text-foreground");
    expect(tokens(toggleVariants({ variant: "outline", size: "sm" }))).toEqual(
      expect.arrayContaining(["border-input", "data-[state=on]:bg-accent", "h-8", "min-w-8"]),
    );
  });
});

// The kit's class strings: every double-quoted literal with a space in it, plus single-class
// className="…" attributes and cn("…") arguments. Imports, data-slot values and variant names
// have no space.
function kitClassTokens(): Map<string, string> {
  const found = new Map<string, string>();
  const dir = path.join(import.meta.dirname, "components");
  for (const file of readdirSync(dir)) {
    const source = readFileSync(path.join(dir, file), "utf8").replace(/^\s*\/\/.*$/gm, "");
    // Scanned left to right, each match consumes a whole literal, so quotes stay paired.
    const literals = [...source.matchAll(/(className=|cn\(\s*)?"((?:[^"\\\n]|\\.)*)"/g)]
      .filter((m) => m[1] || /\s/.test(m[2]!))
      .map((m) => m[2]!);
    for (const literal of literals)
      for (const t of tokens(literal)) if (!found.has(t)) found.set(t, file);
  }
  return found;
}

describe("theme.css with Tailwind's own compiler", () => {
  it("gives every class the kit uses a rule (no typo, no class the theme lacks)", async () => {
    const theme = readFileSync(path.join(import.meta.dirname, "theme.css"), "utf8");
    const design = await __unstable__loadDesignSystem(`@import "tailwindcss";\n${theme}`, {
      base: import.meta.dirname,
    });
    const found = kitClassTokens();
    const candidates = [...found.keys()];
    expect(candidates.length).toBeGreaterThan(300);
    const css = design.candidatesToCss(candidates);
    // `group`, `group/name` and `peer` are markers for other classes' selectors: no rule of their own.
    const isMarker = (c: string) => /^(group|peer)(\/[\w-]+)?$/.test(c);
    const unknown = candidates
      .filter((c, i) => !css[i] && !isMarker(c))
      .map((c) => `${c} (${found.get(c)})`);
    expect(unknown).toEqual([]);

    // Spot checks: the colours come from the theme's variables, animations from tw-animate-css,
    // and `dark:` follows the .dark class.
    const [primary, inAnim, dark, radius] = design.candidatesToCss([
      "bg-primary",
      "animate-in",
      "dark:bg-input/30",
      "rounded-lg",
    ]);
    expect(primary).toContain("background-color: var(--primary)");
    expect(inAnim).toContain("animation: enter");
    expect(dark).toContain(":is(.dark *)");
    expect(radius).toContain("border-radius: var(--radius)");
  });
});
