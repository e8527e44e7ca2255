/** "You can try again in N seconds." while Retry-After runs (`secondsLeft` > 0); nothing after. */
export function RetryWait({ secondsLeft, className, testId }: { secondsLeft: number; className?: string; testId: string }) {
  if (secondsLeft <= 0) return null;
  return (
    <p className={className} data-testid={testId}>
      You can try again in <span className="tabular-nums">{secondsLeft}</span> second{secondsLeft === 1 ? "" : "s"}.
    </p>
  );
}
