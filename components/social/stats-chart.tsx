import type { DayCount } from "@/db/queries/activity-stats";

// A small bar chart drawn on the server as SVG: no chart library, no client JavaScript. Bars are
// per UTC day; the table below it carries the same numbers for screen readers and copy-paste.

const W = 600;
const H = 160;
const PAD = { top: 12, right: 8, bottom: 22, left: 32 };

export function StatsChart({
  days,
  field,
  label,
  color,
}: {
  days: DayCount[];
  field: "views" | "forks";
  label: string;
  color: string;
}) {
  const values = days.map((d) => d[field]);
  const max = Math.max(1, ...values);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / Math.max(1, days.length);
  const barW = Math.max(2, slot * 0.7);
  const total = values.reduce((s, v) => s + v, 0);
  const first = days[0]?.day ?? "";
  const last = days[days.length - 1]?.day ?? "";
  return (
    <figure className="space-y-2">
      <figcaption className="text-sm font-medium text-zinc-700">
        {label}: {total} in the last {days.length} days
      </figcaption>
      <svg
        viewBox={`0 0 ${W} ${H}`}
        className="h-auto w-full rounded-md border border-zinc-200 bg-white"
        role="img"
        aria-label={`${label} per day from ${first} to ${last}, at most ${max} a day`}
        data-testid={`chart-${field}`}
      >
        <line
          x1={PAD.left}
          x2={W - PAD.right}
          y1={H - PAD.bottom}
          y2={H - PAD.bottom}
          stroke="#d4d4d8"
        />
        <text x={PAD.left - 6} y={PAD.top + 4} textAnchor="end" fontSize="10" fill="#71717a">
          {max}
        </text>
        <text x={PAD.left - 6} y={H - PAD.bottom} textAnchor="end" fontSize="10" fill="#71717a">
          0
        </text>
        {days.map((d, i) => {
          const h = (d[field] / max) * innerH;
          return (
            <rect
              key={d.day}
              x={PAD.left + i * slot + (slot - barW) / 2}
              y={H - PAD.bottom - h}
              width={barW}
              height={h}
              rx={1}
              fill={color}
            >
              <title>{`${d.day}: ${d[field]}`}</title>
            </rect>
          );
        })}
        <text x={PAD.left} y={H - 6} fontSize="10" fill="#71717a">
          {first}
        </text>
        <text x={W - PAD.right} y={H - 6} textAnchor="end" fontSize="10" fill="#71717a">
          {last}
        </text>
      </svg>
    </figure>
  );
}
