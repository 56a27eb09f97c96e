import { GitFork } from "lucide-react";

// The fork glyph as an SVG icon (lucide): the "⑂" character is missing from Debian's Chromium fonts
// and renders as a box.
export function ForkIcon({ className = "size-3.5" }: { className?: string }) {
  return (
    <GitFork
      aria-hidden="true"
      focusable="false"
      strokeWidth={2}
      className={`inline-block shrink-0 ${className}`}
    />
  );
}
