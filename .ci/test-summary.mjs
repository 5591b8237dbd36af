// Adds up the Vitest JSON reports .ci/run asked for and prints one closing line that any CI reader
// understands ("Tests: N passed, N failed, N skipped"): the benchmark smoke prints last, and its
// tables are not a test runner's summary. Exits 1 if a report is missing or counts no test.
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('test-summary: no report files given');
  process.exit(1);
}
let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of files) {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  console.log(`${file}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
