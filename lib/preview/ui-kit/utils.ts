// Exposed to artifacts as `@/lib/utils`, as in every shadcn/ui project: later classes win over
// earlier ones that set the same property (tailwind-merge), so a caller's className overrides the
// component's defaults.
import { clsx, type ClassValue } from "clsx";
import { twMerge } from "tailwind-merge";

export function cn(...inputs: ClassValue[]): string {
  return twMerge(clsx(inputs));
}
