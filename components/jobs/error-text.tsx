import type { ErrorView } from "@/lib/jobs/job-card";

/** Graph's error message with its code, as Graph sent them (rendered as text, never HTML). */
export function ErrorText({ error }: { error: ErrorView }) {
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
