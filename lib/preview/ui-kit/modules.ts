// The shadcn/ui modules the preview provides under `@/components/ui/<name>`, with the names each
// exports, plus `@/lib/utils`. Plain data (no file system), so the publish form can warn in the
// browser before saving; modules.test.ts checks it against the files in ./components.

export const UI_KIT_PREFIX = "@/components/ui/";
export const UI_KIT_UTILS_SPECIFIER = "@/lib/utils";
export const UI_KIT_UTILS_EXPORTS = ["cn"] as const;

export const UI_KIT_MODULES = {
  accordion: ["Accordion", "AccordionContent", "AccordionItem", "AccordionTrigger"],
  alert: ["Alert", "AlertDescription", "AlertTitle"],
  "alert-dialog": [
    "AlertDialog",
    "AlertDialogAction",
    "AlertDialogCancel",
    "AlertDialogContent",
    "AlertDialogDescription",
    "AlertDialogFooter",
    "AlertDialogHeader",
    "AlertDialogOverlay",
    "AlertDialogPortal",
    "AlertDialogTitle",
    "AlertDialogTrigger",
  ],
  "aspect-ratio": ["AspectRatio"],
  avatar: [
    "Avatar",
    "AvatarBadge",
    "AvatarFallback",
    "AvatarGroup",
    "AvatarGroupCount",
    "AvatarImage",
  ],
  badge: ["Badge", "badgeVariants"],
  button: ["Button", "buttonVariants"],
  card: [
    "Card",
    "CardAction",
    "CardContent",
    "CardDescription",
    "CardFooter",
    "CardHeader",
    "CardTitle",
  ],
  checkbox: ["Checkbox"],
  collapsible: ["Collapsible", "CollapsibleContent", "CollapsibleTrigger"],
  dialog: [
    "Dialog",
    "DialogClose",
    "DialogContent",
    "DialogDescription",
    "DialogFooter",
    "DialogHeader",
    "DialogOverlay",
    "DialogPortal",
    "DialogTitle",
    "DialogTrigger",
  ],
  "dropdown-menu": [
    "DropdownMenu",
    "DropdownMenuCheckboxItem",
    "DropdownMenuContent",
    "DropdownMenuGroup",
    "DropdownMenuItem",
    "DropdownMenuLabel",
    "DropdownMenuPortal",
    "DropdownMenuRadioGroup",
    "DropdownMenuRadioItem",
    "DropdownMenuSeparator",
    "DropdownMenuShortcut",
    "DropdownMenuSub",
    "DropdownMenuSubContent",
    "DropdownMenuSubTrigger",
    "DropdownMenuTrigger",
  ],
  "hover-card": ["HoverCard", "HoverCardContent", "HoverCardTrigger"],
  input: ["Input"],
  label: ["Label"],
  popover: ["Popover", "PopoverAnchor", "PopoverContent", "PopoverTrigger"],
  progress: ["Progress"],
  "radio-group": ["RadioGroup", "RadioGroupItem"],
  "scroll-area": ["ScrollArea", "ScrollBar"],
  select: [
    "Select",
    "SelectContent",
    "SelectGroup",
    "SelectItem",
    "SelectLabel",
    "SelectScrollDownButton",
    "SelectScrollUpButton",
    "SelectSeparator",
    "SelectTrigger",
    "SelectValue",
  ],
  separator: ["Separator"],
  sheet: [
    "Sheet",
    "SheetClose",
    "SheetContent",
    "SheetDescription",
    "SheetFooter",
    "SheetHeader",
    "SheetTitle",
    "SheetTrigger",
  ],
  skeleton: ["Skeleton"],
  slider: ["Slider"],
  switch: ["Switch"],
  table: [
    "Table",
    "TableBody",
    "TableCaption",
    "TableCell",
    "TableFooter",
    "TableHead",
    "TableHeader",
    "TableRow",
  ],
  tabs: ["Tabs", "TabsContent", "TabsList", "TabsTrigger"],
  textarea: ["Textarea"],
  toggle: ["Toggle", "toggleVariants"],
  "toggle-group": ["ToggleGroup", "ToggleGroupItem"],
  tooltip: ["Tooltip", "TooltipContent", "TooltipProvider", "TooltipTrigger"],
} as const satisfies Record<string, readonly string[]>;

export type UiKitModuleName = keyof typeof UI_KIT_MODULES;

export const UI_KIT_MODULE_NAMES = Object.keys(UI_KIT_MODULES) as UiKitModuleName[];

export function isUiKitModuleName(name: string): name is UiKitModuleName {
  return Object.hasOwn(UI_KIT_MODULES, name);
}

/** "@/components/ui/card" → "card"; anything else (another path, an unknown module) → null. */
export function uiKitModuleFromSpecifier(specifier: string): UiKitModuleName | null {
  if (!specifier.startsWith(UI_KIT_PREFIX)) return null;
  const name = specifier.slice(UI_KIT_PREFIX.length);
  return isUiKitModuleName(name) ? name : null;
}

/** Whether a specifier is ours to answer: a shadcn module path or `@/lib/utils`. */
export function isUiKitSpecifier(specifier: string): boolean {
  return specifier === UI_KIT_UTILS_SPECIFIER || specifier.startsWith(UI_KIT_PREFIX);
}

/**
 * One sentence for a person when an artifact imports from the kit something it does not provide
 * (an unknown module, or a name a known module does not export); null when the import is served.
 * `names` are the imported names (`import { Card, CardTitle } from …` → ["Card", "CardTitle"];
 * "default" for a default import, "*" for a namespace import).
 */
export function uiKitImportProblem(specifier: string, names: readonly string[]): string | null {
  let provided: readonly string[];
  if (specifier === UI_KIT_UTILS_SPECIFIER) {
    provided = UI_KIT_UTILS_EXPORTS;
  } else if (specifier.startsWith(UI_KIT_PREFIX)) {
    const name = uiKitModuleFromSpecifier(specifier);
    if (!name) {
      return `The preview does not provide "${specifier}"; its shadcn/ui components are: ${UI_KIT_MODULE_NAMES.join(", ")}.`;
    }
    provided = UI_KIT_MODULES[name];
  } else {
    return null;
  }
  // A namespace import (`* as ui`) takes whatever is there; a default import finds nothing, as in a
  // shadcn project (its modules have named exports only).
  const missing = names.filter((n) => n !== "*" && !provided.includes(n));
  if (missing.length === 0) return null;
  const list = missing.map((n) => `"${n}"`).join(", ");
  return `"${specifier}" in the preview does not export ${list}; it exports ${provided.join(", ")}.`;
}
