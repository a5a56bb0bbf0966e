#!/usr/bin/env node
// Refreshes tests/support/testDurations.json, the seconds each test file took, from a vitest JSON
// report (default: var/test/vitest-results.json, which `npm test` writes). vitest starts the
// longest files first by it (tests/support/sequencer.ts). Files the report does not hold keep
// their old figure; files that no longer exist are dropped.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';

const report = process.argv[2] ?? 'var/test/vitest-results.json';
const table = 'tests/support/testDurations.json';

const results = JSON.parse(readFileSync(report, 'utf8'));
const seconds = existsSync(table) ? JSON.parse(readFileSync(table, 'utf8')) : {};
for (const file of results.testResults ?? []) {
  if (!file.startTime || !file.endTime) continue;
  seconds[relative(process.cwd(), file.name)] = Math.round((file.endTime - file.startTime) / 100) / 10;
}
const kept = Object.entries(seconds)
  .filter(([path]) => existsSync(path))
  .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
writeFileSync(table, `${JSON.stringify(Object.fromEntries(kept), null, 2)}\n`);
process.stdout.write(`${kept.length} files in ${table}\n`);
