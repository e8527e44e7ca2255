import type { Moment } from "@/lib/jobs/moment";

/** "3 hours ago" with the absolute UTC time on hover; sentinel words ("Never", "Not set") as plain text. */
export function RelativeTime({ moment, className }: { moment: Moment; className?: string }) {
  if (moment.kind !== "date") return <span className={className}>{moment.text}</span>;
  return (
    <time dateTime={moment.iso} title={moment.absolute} className={className}>
      {moment.text}
    </time>
  );
}
