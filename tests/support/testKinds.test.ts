/**
 * How a test file is put in the fast or the system project (testKinds.ts). The sources below are
 * built from pieces so that this file's own text does not look like those imports to the scan.
 */
import { describe, expect, it } from 'vitest';
import { needOfSource, unitTestFiles } from './testKinds.ts';

const IMPORT = 'import';
const from = (names: string, specifier: string) => `${IMPORT} ${names} from '${specifier}';`;

describe('needOfSource', () => {
  it('names what a runtime import of a database, browser or process module needs', () => {
    expect(needOfSource(from('{ openFixtureDatabase }', '../../support/databases.ts'))).toBe('a database');
    expect(needOfSource(from('{ runCli }', '../support/cli.ts'))).toBe('a child process');
    expect(needOfSource(from('{ openPage }', '../support/browser.ts'))).toBe('a browser');
    expect(needOfSource(from('{ openDatabase }', '../../../server/db/connection.ts'))).toBe('a database');
    expect(needOfSource(from('postgres', 'postgres'))).toBe('a database');
    expect(needOfSource(from('{ PGlite }', '@electric-sql/pglite'))).toBe('a database');
    expect(needOfSource(from('{ spawn }', 'node:child_process'))).toBe('a child process');
    expect(needOfSource(from('{ chromium }', 'playwright-core'))).toBe('a browser');
    expect(needOfSource(`const m = await ${IMPORT}('node:child_process');`)).toBe('a child process');
  });

  it('finds an import written over several lines among others', () => {
    const source = [
      from('{ it }', 'vitest'),
      `${IMPORT} {`,
      '  availableBackends,',
      '  openFixtureDatabase,',
      `} from '../../support/databases.ts';`,
    ].join('\n');
    expect(needOfSource(source)).toBe('a database');
  });

  it('lets type-only imports and other modules through: they load nothing', () => {
    expect(needOfSource(from('type { Db }', '../../server/db/connection.ts'))).toBeNull();
    expect(needOfSource(from('type { Browser }', 'playwright-core'))).toBeNull();
    expect(needOfSource(from('{ isoWeekOf }', '../../server/services/time/weeks.ts'))).toBeNull();
    expect(needOfSource(from('{ postgresUrl }', './postgresUrls.ts'))).toBeNull();
  });
});

describe('unitTestFiles', () => {
  it('puts this file in the fast project, a database test in the system one, and no browser test in either', () => {
    const { fast, system } = unitTestFiles(process.cwd());
    expect(fast).toContain('tests/support/testKinds.test.ts');
    expect(system).toContain('tests/server/cli/users.test.ts');
    expect([...fast, ...system].filter((f) => f.startsWith('tests/e2e/'))).toEqual([]);
    expect(fast.filter((f) => system.includes(f))).toEqual([]);
  });
});
