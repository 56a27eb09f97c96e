// A fork glyph as SVG: the "⑂" character is missing from common UI fonts and renders as a box.
export function ForkIcon({ className = "size-3.5" }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
      className={`inline-block shrink-0 ${className}`}
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
    >
      <circle cx="4" cy="3" r="1.75" />
      <circle cx="12" cy="3" r="1.75" />
      <circle cx="8" cy="13" r="1.75" />
      <path d="M4 4.75v1.5c0 1.5 1 2.25 2.5 2.25h3c1.5 0 2.5-.75 2.5-2.25v-1.5M8 8.5v2.75" />
    </svg>
  );
}
