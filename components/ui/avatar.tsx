/* eslint-disable @next/next/no-img-element -- avatars come from the upload store or are generated */

// A generated avatar (initials on a colour from the handle) when the user has not uploaded one.
// Tailwind's 700 shades: white initials on each stay at 4.5:1 or more (WCAG AA), checked in
// avatar.test.ts.
export const AVATAR_COLORS = [
  "#1d4ed8",
  "#0369a1",
  "#047857",
  "#b45309",
  "#b91c1c",
  "#6d28d9",
  "#be185d",
  "#0f766e",
];

export function avatarColorFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length]!;
}

export function Avatar({
  src,
  name,
  size = 32,
}: {
  src?: string | null;
  name: string;
  size?: number;
}) {
  if (src) {
    return (
      <img
        src={src}
        alt=""
        width={size}
        height={size}
        className="shrink-0 rounded-full bg-zinc-200 object-cover"
        style={{ width: size, height: size }}
      />
    );
  }
  const initials = name.replace(/^@/, "").slice(0, 2).toUpperCase();
  return (
    // The initials are drawn by CSS (::before), not DOM text: a control named by its aria-label
    // ("Account menu") must not show other text, or its name no longer contains what it shows
    // (WCAG 2.5.3, axe's label-content-name-mismatch). They are decoration either way.
    <span
      aria-hidden
      data-initials={initials}
      className="grid shrink-0 place-items-center rounded-full font-semibold text-white before:content-[attr(data-initials)]"
      style={{ width: size, height: size, background: avatarColorFor(name), fontSize: size * 0.4 }}
    />
  );
}
