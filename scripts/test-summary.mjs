// Prints the test run's totals as one plain line, "N passed, N failed, N skipped", from vitest's
// JSON report, so a CI log states what ran whatever its colours and layout.
import { readFileSync } from 'node:fs';

const report = JSON.parse(readFileSync(new URL('../.tmp/vitest-results.json', import.meta.url), 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
console.log(`${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped`);
