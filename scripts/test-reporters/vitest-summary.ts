import type { Reporter, TestModule } from "vitest/node";
import { closingLine, writeRunnerCounts } from "./summary-file";

/** Prints `unit: N passed, N failed, N skipped` and records the counts for `npm test`'s closing line. */
export default class VitestSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      for (const testCase of testModule.children.allTests()) {
        const state = testCase.result().state;
        if (state === "passed") counts.passed += 1;
        else if (state === "failed") counts.failed += 1;
        else counts.skipped += 1;
      }
      // A file that failed to load has no tests but must still count as a failure.
      if (testModule.state() === "failed" && [...testModule.children.allTests()].length === 0) counts.failed += 1;
    }
    counts.failed += unhandledErrors.length;
    writeRunnerCounts("unit", counts);
    console.log(closingLine(counts, "unit"));
  }
}
