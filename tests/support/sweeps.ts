/**
 * Long sweeps (thousands of generated inputs, many dates or seeds) run in full in CI (CI set, as
 * .ci/run's environment has it) or when ONEMAP_TEST_FULL=1, and as a smaller sample elsewhere so
 * that a local run stays quick. The sample is the same every run (fixed seeds), a prefix of the
 * full sweep: whatever it finds, CI finds too.
 */
const flag = (value: string | undefined) => value !== undefined && value !== '' && value !== '0' && value !== 'false';

export const FULL_SWEEPS = flag(process.env.CI) || flag(process.env.ONEMAP_TEST_FULL);

/** `full` in a full run, `sample` (at most `full`) otherwise. */
export function sweepSize(full: number, sample: number): number {
  return FULL_SWEEPS ? full : Math.min(full, sample);
}
