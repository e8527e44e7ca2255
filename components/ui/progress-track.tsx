/** The bar of a progress indicator: an accessible progressbar (no value when the total is unknown). */
export function ProgressTrack({
  labelledBy,
  value,
  max,
  valueText,
  percent,
}: {
  labelledBy: string;
  value?: number;
  max?: number;
  valueText: string;
  percent: number;
}) {
  return (
    <div
      role="progressbar"
      aria-labelledby={labelledBy}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className="h-2 overflow-hidden rounded-full bg-slate-200"
    >
      <div className="h-full rounded-full bg-brand-600 transition-[width]" style={{ width: `${percent}%` }} />
    </div>
  );
}
