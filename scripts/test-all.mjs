#!/usr/bin/env node
// `npm test`: every check in one command — types, lint, then all tests (unit, both databases,
// browser). Prints a closing "N passed, N failed" line. Pass vitest filters after `--`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync } from 'node:fs';

const extra = process.argv.slice(2);
const step = (title, command, args) => {
  process.stderr.write(`\n▶ ${title}\n`);
  const run = spawnSync(command, args, { stdio: 'inherit' });
  return run.status ?? 1;
};

let failedChecks = 0;
failedChecks += step('types (tsc --noEmit)', process.execPath, [
  'node_modules/typescript/bin/tsc',
  '--noEmit',
  '-p',
  'tsconfig.json',
])
  ? 1
  : 0;
failedChecks += step('lint (oxlint)', 'node_modules/.bin/oxlint', [
  '--deny-warnings',
  'bin',
  'client',
  'server',
  'shared',
  'data',
  'scripts',
  'tests',
])
  ? 1
  : 0;
failedChecks += step('format (prettier --check)', process.execPath, [
  'node_modules/prettier/bin/prettier.cjs',
  '--check',
  '--log-level',
  'warn',
  '.',
])
  ? 1
  : 0;

mkdirSync('var/test', { recursive: true });
const report = 'var/test/vitest-results.json';
const status = step('tests (vitest: unit, PGlite + PostgreSQL, Chromium)', process.execPath, [
  'node_modules/vitest/vitest.mjs',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${report}`,
  ...extra,
]);

let passed = 0;
let failed = 0;
if (existsSync(report)) {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed = results.numPassedTests ?? 0;
  failed = results.numFailedTests ?? 0;
}
if (status !== 0 && failed === 0) failed = 1;
failed += failedChecks;
process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exit(status !== 0 || failedChecks ? 1 : 0);
