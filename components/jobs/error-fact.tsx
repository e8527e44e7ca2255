import type { ErrorView } from "@/lib/jobs/job-card";
import { Fact } from "@/components/ui/fact";

/** Graph's error message with its code, as Graph sent them (rendered as text, never HTML). */
function ErrorText({ error }: { error: ErrorView }) {
  return (
    <span className="break-words">
      {error.message ?? "No message."}
      {error.code ? (
        <>
          {" "}
          <span className="whitespace-nowrap">
            (code <code className="font-mono text-xs">{error.code}</code>)
          </span>
        </>
      ) : null}
    </span>
  );
}

/** The "Error" fact of a run or a quarantine (spanning the grid's row via `className`); nothing without an error. */
export function ErrorFact({ error, className }: { error: ErrorView | null | undefined; className: string }) {
  if (!error) return null;
  return (
    <Fact term="Error" className={className}>
      <ErrorText error={error} />
    </Fact>
  );
}
