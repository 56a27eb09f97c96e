// Server rendering (react-dom/server) of the static components: the markup shadcn/ui produces —
// data-slot attributes, classes, roles — with a caller's className merged in.
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Alert, AlertDescription, AlertTitle } from "./components/alert";
import { Badge } from "./components/badge";
import { Button, buttonVariants } from "./components/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./components/card";
import { Progress } from "./components/progress";
import { Separator } from "./components/separator";
import { Table, TableBody, TableCell, TableRow } from "./components/table";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./components/tabs";
import { ToggleGroup, ToggleGroupItem } from "./components/toggle-group";
import { Input } from "./components/input";
import { cn } from "./utils";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);
// The sorted classes of the element with that data-slot (static markup: a regex is enough).
function classOf(markup: string, slot: string): string[] {
  const m = markup.match(
    new RegExp(`data-slot="${slot}"[^>]*?class="([^"]*)"|class="([^"]*)"[^>]*?data-slot="${slot}"`),
  );
  if (!m) throw new Error(`no element with data-slot="${slot}" in ${markup}`);
  const entities: Record<string, string> = {
    "&amp;": "&",
    "&#x27;": "'",
    "&gt;": ">",
    "&lt;": "<",
    "&quot;": '"',
  };
  return (m[1] ?? m[2]!)
    .replace(/&(amp|#x27|gt|lt|quot);/g, (e) => entities[e]!)
    .split(" ")
    .sort();
}

describe("static components render shadcn/ui's markup", () => {
  it("Card and its parts", () => {
    const markup = html(
      h(Card, { className: "w-96" }, [
        h(CardHeader, { key: "h" }, [
          h(CardTitle, { key: "t" }, "Revenue"),
          h(CardDescription, { key: "d" }, "Last 30 days"),
        ]),
        h(CardContent, { key: "c" }, "$12,400"),
      ]),
    );
    expect(classOf(markup, "card")).toEqual(
      expect.arrayContaining(["bg-card", "rounded-xl", "border", "shadow-sm", "w-96"]),
    );
    expect(classOf(markup, "card-title")).toEqual(["font-semibold", "leading-none"]);
    expect(classOf(markup, "card-description")).toEqual(["text-muted-foreground", "text-sm"]);
    expect(markup).toContain("$12,400");
  });

  it("Button: variant and size, asChild renders the child element", () => {
    const markup = html(h(Button, { variant: "outline", size: "sm", className: "w-full" }, "Save"));
    expect(markup.startsWith("<button")).toBe(true);
    expect(classOf(markup, "button")).toEqual(
      cn(buttonVariants({ variant: "outline", size: "sm" }), "w-full")
        .split(" ")
        .sort(),
    );
    const link = html(
      h(Button, { asChild: true, variant: "link" }, h("a", { href: "#docs" }, "Docs")),
    );
    expect(link).toMatch(/^<a [^>]*href="#docs"/);
    expect(classOf(link, "button")).toContain("hover:underline");
  });

  it("Badge, Alert (role=alert, destructive), Input", () => {
    expect(classOf(html(h(Badge, { variant: "secondary" }, "New")), "badge")).toContain(
      "bg-secondary",
    );
    const alert = html(
      h(Alert, { variant: "destructive" }, [
        h(AlertTitle, { key: "t" }, "Payment failed"),
        h(AlertDescription, { key: "d" }, "Check your card."),
      ]),
    );
    expect(alert).toContain('role="alert"');
    expect(classOf(alert, "alert")).toContain("text-destructive");
    expect(classOf(alert, "alert-title")).toContain("font-medium");
    const input = html(h(Input, { type: "email", placeholder: "you@example.com" }));
    expect(input).toContain('type="email"');
    expect(classOf(input, "input")).toEqual(
      expect.arrayContaining(["h-9", "rounded-md", "border-input"]),
    );
  });

  it("Progress moves its indicator by the value", () => {
    const markup = html(h(Progress, { value: 66 }));
    expect(markup).toContain('role="progressbar"');
    expect(markup).toContain("transform:translateX(-34%)");
    expect(html(h(Progress, {}))).toContain("transform:translateX(-100%)");
  });

  it("Separator: orientation and decorative role", () => {
    const markup = html(h(Separator, { orientation: "vertical" }));
    expect(markup).toContain('data-orientation="vertical"');
    expect(markup).toContain('role="none"');
  });

  it("Table wraps the table in a scroll container", () => {
    const markup = html(
      h(Table, null, h(TableBody, null, h(TableRow, null, h(TableCell, null, "Ada")))),
    );
    expect(markup).toMatch(
      /^<div data-slot="table-container" class="relative w-full overflow-x-auto"><table/,
    );
    expect(classOf(markup, "table-row")).toContain("hover:bg-muted/50");
  });

  it("Tabs shows only the active content", () => {
    const markup = html(
      h(Tabs, { defaultValue: "usage" }, [
        h(TabsList, { key: "l" }, [
          h(TabsTrigger, { key: "a", value: "overview" }, "Overview"),
          h(TabsTrigger, { key: "b", value: "usage" }, "Usage"),
        ]),
        h(TabsContent, { key: "c1", value: "overview" }, "Overview body"),
        h(TabsContent, { key: "c2", value: "usage" }, "Usage body"),
      ]),
    );
    expect(markup).toContain("Usage body");
    expect(markup).not.toContain("Overview body");
    expect(markup).toMatch(/aria-selected="true"[^>]*data-state="active"[^>]*>Usage</);
  });

  it("ToggleGroup items take the group's variant and size", () => {
    const markup = html(
      h(ToggleGroup, { type: "single", variant: "outline", size: "sm", defaultValue: "b" }, [
        h(ToggleGroupItem, { key: "b", value: "b" }, "B"),
        h(ToggleGroupItem, { key: "i", value: "i" }, "I"),
      ]),
    );
    const item = classOf(markup, "toggle-group-item");
    expect(item).toEqual(
      expect.arrayContaining(["border-input", "h-8", "px-1.5", "data-[state=on]:bg-accent"]),
    );
    // Joined into one bar: the group draws the shadow, inner edges lose their rounding.
    expect(item).toEqual(
      expect.arrayContaining(["rounded-none", "first:rounded-l-md", "shadow-none"]),
    );
    expect(item).not.toContain("shadow-xs");
    expect(classOf(markup, "toggle-group")).toContain("data-[variant=outline]:shadow-xs");
    expect(markup).toContain('data-state="on"');
  });
});
