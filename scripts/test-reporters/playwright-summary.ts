import type { FullResult, Reporter, TestCase, TestResult } from "@playwright/test/reporter";
import { closingLine, writeRunnerCounts } from "./summary-file";

/** Prints `e2e: N passed, N failed, N skipped` and records the counts for `npm test`'s closing line. */
export default class PlaywrightSummaryReporter implements Reporter {
  private readonly outcomes = new Map<TestCase, "passed" | "failed" | "skipped">();
  private errors = 0;

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status === "skipped") this.outcomes.set(test, "skipped");
    else this.outcomes.set(test, test.outcome() === "expected" || test.outcome() === "flaky" ? "passed" : "failed");
  }

  onError(): void {
    this.errors += 1;
  }

  onEnd(result: FullResult): void {
    const counts = { passed: 0, failed: this.errors, skipped: 0 };
    for (const outcome of this.outcomes.values()) counts[outcome] += 1;
    if (result.status !== "passed" && counts.failed === 0) counts.failed = 1;
    writeRunnerCounts("e2e", counts);
    console.log(closingLine(counts, "e2e"));
  }
}
