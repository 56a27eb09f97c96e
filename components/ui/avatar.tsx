/* eslint-disable @next/next/no-img-element -- avatars come from the upload store or are generated */

// A generated avatar (initials on a colour from the handle) when the user has not uploaded one.
const COLORS = ["#4f6ef7", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6", "#ec4899", "#14b8a6"];

function colorFor(seed: string): string {
  let hash = 0;
  for (const ch of seed) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[hash % COLORS.length]!;
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
      <img src={src} alt="" width={size} height={size} className="shrink-0 rounded-full bg-zinc-200 object-cover" style={{ width: size, height: size }} />
    );
  }
  const initials = name.replace(/^@/, "").slice(0, 2).toUpperCase();
  return (
    <span
      aria-hidden
      className="grid shrink-0 place-items-center rounded-full font-semibold text-white"
      style={{ width: size, height: size, background: colorFor(name), fontSize: size * 0.4 }}
    >
      {initials}
    </span>
  );
}
