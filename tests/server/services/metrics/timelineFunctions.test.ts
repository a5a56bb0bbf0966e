/**
 * The database functions that keep the counts timeline current are generated from one definition
 * (timelineFunctions.ts, timelineSql.ts); the migration that installs them must hold exactly that
 * text, or the database would count differently from what the code says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timelineFunctionsSql } from '../../../../server/services/metrics/timelineFunctions.ts';

describe('counts timeline functions', () => {
  // The latest migration that (re)defines them: compound_state_ranges added the per-compound state.
  it('are the hand-written part of migration compound_state_ranges, verbatim', () => {
    const migration = readFileSync(
      new URL('../../../../data/migrations/0018_compound_state_ranges.sql', import.meta.url),
      'utf8',
    );
    const marker = '-- hand-written below\n--> statement-breakpoint\n';
    const handWritten = migration.slice(migration.indexOf(marker) + marker.length);
    expect(handWritten).toBe(timelineFunctionsSql());
  });
});
