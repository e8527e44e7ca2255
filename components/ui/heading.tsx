import type { ComponentProps } from "react";

export type HeadingLevel = 2 | 3 | 4 | 5 | 6;

/** A heading whose level the page decides, so cards and banners fit any outline. */
export function Heading({ level, ...props }: { level: HeadingLevel } & ComponentProps<"h2">) {
  const Tag = `h${level}` as "h2";
  return <Tag {...props} />;
}

export function subLevel(level: HeadingLevel): HeadingLevel {
  return Math.min(level + 1, 6) as HeadingLevel;
}
