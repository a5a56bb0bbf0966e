/**
 * vitest's file order (sequence.sequencer in vitest.config.ts): longest first by the durations
 * an earlier full run measured (testDurations.json; `node scripts/testDurations.mjs` refreshes it
 * from var/test/vitest-results.json), browser files spread along the run (schedule.ts). A file the
 * table does not know counts as a typical file of its project. Order only: every file still runs.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { planOrder } from './schedule.ts';

const DURATIONS = new URL('./testDurations.json', import.meta.url);

/** Seconds a file the table does not know is taken to last, by project. */
const TYPICAL_SECONDS: Record<string, number> = { fast: 1, system: 10, e2e: 30 };

function measuredSeconds(): Record<string, number> {
  try {
    return JSON.parse(readFileSync(DURATIONS, 'utf8')) as Record<string, number>;
  } catch {
    return {};
  }
}

export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const measured = measuredSeconds();
    const root = this.ctx.config.root;
    const workers = Number(this.ctx.config.maxWorkers) || 2;
    return planOrder(
      files.map((spec) => ({
        item: spec,
        seconds: measured[relative(root, spec.moduleId)] ?? TYPICAL_SECONDS[spec.project.name] ?? 10,
        browser: spec.project.name === 'e2e',
      })),
      workers,
    );
  }
}
