import { formatCount } from "@/lib/format/count";
import { dayHourLabel, describeHours, hourLabel, type HourBucket } from "@/lib/overview/hourly";

/*
 * Hand-written SVG, no charting library: one series of ~25 bars, no zoom, no interaction. A library would add
 * tens of kB to the page to draw what is a loop of rects; the numbers are also in a real table (HourTable).
 */

const BAR = 12;
const GAP = 3;
const HEIGHT = 96;
const AXIS = 16;

/** Failures per UTC hour as bars; `role="img"` named by describeHours. Each bar's <title> is its hour and count on hover. */
export function FailuresChart({ hours }: { hours: readonly HourBucket[] }) {
  const highest = Math.max(0, ...hours.map((bucket) => bucket.count));
  const max = Math.max(1, highest);
  const width = hours.length * (BAR + GAP);
  return (
    <div data-testid="overview-failures-chart" className="w-full">
      <svg role="img" aria-label={describeHours(hours)} viewBox={`0 0 ${width} ${HEIGHT + AXIS}`} className="block h-auto w-full">
        <line x1={0} x2={width} y1={HEIGHT + 0.5} y2={HEIGHT + 0.5} className="stroke-slate-300" />
        {hours.map((bucket, i) => {
          const height = bucket.count ? Math.max(2, (bucket.count / max) * (HEIGHT - 4)) : 0;
          const x = i * (BAR + GAP);
          return (
            <g key={bucket.hour}>
              <rect x={x} y={HEIGHT - height} width={BAR} height={height} className={bucket.partial ? "fill-red-300" : "fill-red-600"}>
                <title>{`${dayHourLabel(bucket.hour)} UTC${bucket.partial ? " (part of the hour)" : ""}: ${formatCount(bucket.count)} failed`}</title>
              </rect>
              {i % 6 === 0 ? (
                <text x={x} y={HEIGHT + AXIS - 3} className="fill-slate-600 text-[9px]">
                  {hourLabel(bucket.hour)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <p aria-hidden="true" className="flex justify-between text-xs text-slate-600">
        <span>Hours in UTC; lighter bars are part of an hour</span>
        {highest ? <span>Tallest bar: {formatCount(highest)}</span> : null}
      </p>
    </div>
  );
}
