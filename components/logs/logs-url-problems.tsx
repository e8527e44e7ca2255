/** What the address asked for that the console could not send to Graph (lib/logs/filters.ts says why). */
export function LogsUrlProblems({ problems }: { problems: string[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="logs-url-problems">
      <p className="font-medium">Part of this address could not be used:</p>
      <ul className="mt-1 list-disc pl-5">
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
    </div>
  );
}
