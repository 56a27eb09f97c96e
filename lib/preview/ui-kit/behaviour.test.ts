// @vitest-environment happy-dom
// Radix behaviour through the kit, in a DOM: what a person does in the frame (click, type keys)
// and what they then see.
import { act, createElement as h, type ReactElement } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  Accordion,
  AccordionContent,
  AccordionItem,
  AccordionTrigger,
} from "./components/accordion";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./components/alert-dialog";
import { buttonVariants } from "./components/button";
import { Checkbox } from "./components/checkbox";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "./components/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "./components/dropdown-menu";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "./components/select";
import { Sheet, SheetContent, SheetTitle, SheetTrigger } from "./components/sheet";
import { Slider } from "./components/slider";
import { Switch } from "./components/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./components/tabs";
import { cn } from "./utils";

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

async function mount(element: ReactElement): Promise<HTMLElement> {
  const container = document.createElement("div");
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root!.render(element));
  return container;
}

afterEach(async () => {
  await act(async () => root?.unmount());
  root = null;
  document.body.innerHTML = "";
});

const slot = (name: string) => document.querySelector<HTMLElement>(`[data-slot="${name}"]`);
const sorted = (classes: string) => classes.split(" ").sort();

async function click(el: Element | null) {
  if (!el) throw new Error("nothing to click");
  await act(async () => {
    el.dispatchEvent(new PointerEvent("pointerdown", { bubbles: true, button: 0 }));
    el.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, button: 0 }));
    el.dispatchEvent(new PointerEvent("pointerup", { bubbles: true, button: 0 }));
    el.dispatchEvent(new MouseEvent("mouseup", { bubbles: true, button: 0 }));
    el.dispatchEvent(new MouseEvent("click", { bubbles: true, button: 0 }));
  });
}

async function key(el: Element | null, name: string) {
  if (!el) throw new Error("no element for the key");
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, key: name }));
  });
}

describe("Radix behaviour through the kit", () => {
  it("Tabs: clicking a trigger shows its content", async () => {
    const onValueChange = vi.fn();
    await mount(
      h(Tabs, { defaultValue: "overview", onValueChange }, [
        h(TabsList, { key: "l" }, [
          h(TabsTrigger, { key: "o", value: "overview" }, "Overview"),
          h(TabsTrigger, { key: "u", value: "usage" }, "Usage"),
        ]),
        h(TabsContent, { key: "co", value: "overview" }, "Overview body"),
        h(TabsContent, { key: "cu", value: "usage" }, "Usage body"),
      ]),
    );
    expect(document.body.textContent).toContain("Overview body");
    expect(document.body.textContent).not.toContain("Usage body");
    await click(document.querySelectorAll('[role="tab"]')[1]!);
    expect(onValueChange).toHaveBeenCalledWith("usage");
    expect(document.body.textContent).toContain("Usage body");
    expect(document.body.textContent).not.toContain("Overview body");
    expect(document.querySelectorAll('[role="tab"]')[1]!.getAttribute("data-state")).toBe("active");
  });

  it("Checkbox toggles and reports the change", async () => {
    const onCheckedChange = vi.fn();
    await mount(h(Checkbox, { "aria-label": "Accept", onCheckedChange }));
    const box = slot("checkbox")!;
    expect(box.getAttribute("data-state")).toBe("unchecked");
    expect(slot("checkbox-indicator")).toBeNull();
    await click(box);
    expect(box.getAttribute("data-state")).toBe("checked");
    expect(box.getAttribute("aria-checked")).toBe("true");
    expect(slot("checkbox-indicator")?.querySelector("svg")).not.toBeNull();
    await click(box);
    expect(box.getAttribute("data-state")).toBe("unchecked");
    expect(onCheckedChange.mock.calls).toEqual([[true], [false]]);
  });

  it("Switch flips on click", async () => {
    await mount(h(Switch, { "aria-label": "Dark mode" }));
    const sw = slot("switch")!;
    expect(sw.getAttribute("role")).toBe("switch");
    await click(sw);
    expect(sw.getAttribute("data-state")).toBe("checked");
    expect(slot("switch-thumb")!.getAttribute("data-state")).toBe("checked");
  });

  it("Dialog opens from its trigger, portals to the body and closes on Escape", async () => {
    await mount(
      h(Dialog, null, [
        h(DialogTrigger, { key: "t" }, "Edit profile"),
        h(DialogContent, { key: "c" }, [
          h(DialogTitle, { key: "ti" }, "Edit profile"),
          h(DialogDescription, { key: "d" }, "Make changes here."),
        ]),
      ]),
    );
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    await click(slot("dialog-trigger"));
    const dialog = document.querySelector<HTMLElement>('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog.getAttribute("data-slot")).toBe("dialog-content");
    expect(dialog.textContent).toContain("Make changes here.");
    expect(slot("dialog-overlay")).not.toBeNull();
    expect(dialog.querySelector(".sr-only")?.textContent).toBe("Close");
    await key(dialog, "Escape");
    expect(document.querySelector('[role="dialog"]')).toBeNull();
  });

  it("AlertDialog: Action and Cancel have Button's classes; Action closes it", async () => {
    const onAction = vi.fn();
    await mount(
      h(AlertDialog, null, [
        h(AlertDialogTrigger, { key: "t" }, "Delete"),
        h(AlertDialogContent, { key: "c" }, [
          h(AlertDialogTitle, { key: "ti" }, "Are you sure?"),
          h(AlertDialogCancel, { key: "n" }, "Cancel"),
          h(AlertDialogAction, { key: "y", onClick: onAction }, "Continue"),
        ]),
      ]),
    );
    await click(slot("alert-dialog-trigger"));
    expect(document.querySelector('[role="alertdialog"]')).not.toBeNull();
    expect(sorted(slot("alert-dialog-action")!.className)).toEqual(sorted(cn(buttonVariants())));
    expect(sorted(slot("alert-dialog-cancel")!.className)).toEqual(
      sorted(cn(buttonVariants({ variant: "outline" }))),
    );
    await click(slot("alert-dialog-action"));
    expect(onAction).toHaveBeenCalledTimes(1);
    expect(document.querySelector('[role="alertdialog"]')).toBeNull();
  });

  it("Sheet slides in from the side it is given", async () => {
    await mount(
      h(Sheet, null, [
        h(SheetTrigger, { key: "t" }, "Open cart"),
        h(SheetContent, { key: "c", side: "left" }, h(SheetTitle, null, "Your cart")),
      ]),
    );
    await click(slot("sheet-trigger"));
    const content = slot("sheet-content")!;
    expect(content.textContent).toContain("Your cart");
    expect(content.className).toContain("data-[state=open]:slide-in-from-left");
    expect(content.className).toContain("border-r");
  });

  it("Accordion expands the clicked item", async () => {
    await mount(
      h(Accordion, { type: "single", collapsible: true }, [
        h(AccordionItem, { key: "a", value: "a" }, [
          h(AccordionTrigger, { key: "t" }, "Is it accessible?"),
          h(AccordionContent, { key: "c" }, "Yes. It adheres to WAI-ARIA."),
        ]),
      ]),
    );
    const trigger = slot("accordion-trigger")!;
    expect(trigger.getAttribute("aria-expanded")).toBe("false");
    await click(trigger);
    expect(trigger.getAttribute("aria-expanded")).toBe("true");
    expect(slot("accordion-content")!.textContent).toContain("WAI-ARIA");
  });

  it("Select opens, and choosing an item shows it in the trigger", async () => {
    const onValueChange = vi.fn();
    await mount(
      h(Select, { onValueChange }, [
        h(
          SelectTrigger,
          { key: "t", "aria-label": "Theme" },
          h(SelectValue, { placeholder: "Theme" }),
        ),
        h(SelectContent, { key: "c" }, [
          h(SelectItem, { key: "l", value: "light" }, "Light"),
          h(SelectItem, { key: "d", value: "dark" }, "Dark"),
        ]),
      ]),
    );
    const trigger = slot("select-trigger")!;
    expect(trigger.textContent).toBe("Theme");
    await key(trigger, "Enter");
    expect(document.querySelector('[role="listbox"]')).not.toBeNull();
    const dark = [...document.querySelectorAll('[role="option"]')].find(
      (o) => o.textContent === "Dark",
    );
    await click(dark!);
    expect(onValueChange).toHaveBeenCalledWith("dark");
    expect(slot("select-trigger")!.textContent).toBe("Dark");
  });

  it("DropdownMenu opens on pointer down and runs the chosen item", async () => {
    const onSelect = vi.fn();
    await mount(
      h(DropdownMenu, null, [
        h(DropdownMenuTrigger, { key: "t" }, "Options"),
        h(DropdownMenuContent, { key: "c" }, [
          h(DropdownMenuItem, { key: "e", onSelect }, "Edit"),
          h(DropdownMenuItem, { key: "d", variant: "destructive" }, "Delete"),
        ]),
      ]),
    );
    await click(slot("dropdown-menu-trigger"));
    expect(document.querySelector('[role="menu"]')).not.toBeNull();
    const items = document.querySelectorAll('[role="menuitem"]');
    expect(items[1]!.getAttribute("data-variant")).toBe("destructive");
    await click(items[0]!);
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it("Slider: arrow keys move the value, one thumb per value", async () => {
    const onValueChange = vi.fn();
    await mount(h(Slider, { defaultValue: [40], max: 100, step: 5, onValueChange }));
    const thumbs = document.querySelectorAll('[role="slider"]');
    expect(thumbs).toHaveLength(1);
    await key(thumbs[0]!, "ArrowRight");
    expect(onValueChange).toHaveBeenLastCalledWith([45]);
    expect(thumbs[0]!.getAttribute("aria-valuenow")).toBe("45");
    await mount(h(Slider, { defaultValue: [20, 80] }));
    expect(document.querySelectorAll('[role="slider"]')).toHaveLength(3);
  });
});
