import { describeAuthError } from "@/lib/auth/auth-error-message";

/** An MSAL or Entra sign-in failure, in words, with its code; never a blank page. */
export function AuthErrorPanel({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const problem = describeAuthError(error);
  return (
    <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-5 text-red-900">
      <h2 className="text-lg font-semibold">{problem.title}</h2>
      <p className="mt-2">{problem.advice}</p>
      <p className="mt-2 text-sm">
        Error code: <code className="font-mono">{problem.code}</code>
      </p>
      {onRetry ? (
        <button
          type="button"
          onClick={onRetry}
          className="mt-4 rounded-md bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800"
        >
          Sign in again
        </button>
      ) : null}
    </div>
  );
}
