/**
 * Which vitest project a test file belongs to. `fast` holds every test that needs no database,
 * browser or child process (`npm run test:fast`); `system` holds the rest outside tests/e2e.
 *
 * The rule is the file's own imports, read from its source: a test that imports one of the
 * NEEDS modules below is a system test. A fast test that loads one of them anyway (through a
 * helper) fails at once with the module's name: see fastTestGuard.ts, which the fast project
 * runs before every file.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** What importing a module means, matched against the specifier (relative path, package name). */
const NEEDS: readonly { module: RegExp; what: string }[] = [
  { module: /(^|\/)support\/databases(\.ts)?$/, what: 'a database' },
  { module: /(^|\/)support\/cli(\.ts)?$/, what: 'a child process' },
  { module: /(^|\/)support\/browser(\.ts)?$/, what: 'a browser' },
  { module: /(^|\/)server\/db\/connection(\.ts)?$/, what: 'a database' },
  { module: /^@electric-sql\/pglite(\/.*)?$|\/node_modules\/@electric-sql\/pglite\//, what: 'a database' },
  { module: /^postgres$|\/node_modules\/postgres\//, what: 'a database' },
  { module: /^(node:)?child_process$/, what: 'a child process' },
  { module: /^playwright-core(\/.*)?$|\/node_modules\/playwright-core\//, what: 'a browser' },
];

/** Runtime imports only: `import type …` is erased and loads nothing. */
const IMPORT = /^\s*import\s+(?!type\s)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm;

function needOf(specifier: string): string | null {
  return NEEDS.find((need) => need.module.test(specifier))?.what ?? null;
}

/** What the file at `path` needs (a database, a browser, a child process), or null. */
export function systemNeed(path: string): string | null {
  return needOfSource(readFileSync(path, 'utf8'));
}

/** What a module's source needs by its runtime imports, or null. */
export function needOfSource(source: string): string | null {
  for (const match of source.matchAll(IMPORT)) {
    const need = needOf(match[1] ?? match[2] ?? '');
    if (need) return need;
  }
  return null;
}

/** Test files outside tests/e2e, split by what they need; paths relative to the repository. */
export function unitTestFiles(root: string): { fast: string[]; system: string[] } {
  const files = readdirSync(`${root}/tests`, { recursive: true, encoding: 'utf8' })
    .map((f) => `tests/${f.split('\\').join('/')}`)
    .filter((f) => f.endsWith('.test.ts') && !f.startsWith('tests/e2e/'));
  const fast: string[] = [];
  const system: string[] = [];
  for (const file of files.sort()) (systemNeed(`${root}/${file}`) ? system : fast).push(file);
  return { fast, system };
}
