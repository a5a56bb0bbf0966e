import { describe, expect, it } from 'vitest';
import { progressAgainstGoal, type ProgressInput } from '../../../../server/services/metrics/progress.ts';

const base: ProgressInput = {
  direction: 'up',
  asOf: '2025-01-05',
  value: 0.8,
  trailingValue: 0.72,
  trailingWeeks: 8,
  target: { value: 0.95, deadline: '2027-12-31' },
};

describe('progress against a goal', () => {
  it('is on track with pace 0 once the goal is met', () => {
    expect(progressAgainstGoal({ ...base, value: 0.95 })).toEqual({
      requiredWeeklyPace: 0,
      projectedDate: '2025-01-05',
      status: 'on_track',
    });
  });

  it('projects the trailing 8-week pace forward', () => {
    // +0.01 per week; 0.15 to go → 15 weeks → 105 days.
    const p = progressAgainstGoal(base);
    expect(p.projectedDate).toBe('2025-04-20');
    expect(p.status).toBe('on_track');
    // 0.15 to go in 1,090 days.
    expect(p.requiredWeeklyPace).toBeCloseTo(0.15 / (1090 / 7), 12);
  });

  it('is at risk when the pace arrives within 13 weeks after the deadline, off track beyond', () => {
    // 89 days left; +0.005/week with 0.10 to go arrives in 140 days: 51 days late.
    expect(progressAgainstGoal({ ...base, asOf: '2027-10-03', value: 0.85, trailingValue: 0.81 })).toMatchObject({
      projectedDate: '2028-02-20',
      status: 'at_risk',
    });
    expect(progressAgainstGoal({ ...base, value: 0.5, trailingValue: 0.5 - 8 * 0.001 }).status).toBe('off_track');
  });

  it('has no projection when the pace is flat or going the wrong way', () => {
    expect(progressAgainstGoal({ ...base, trailingValue: 0.8 })).toMatchObject({
      projectedDate: null,
      status: 'off_track',
    });
    expect(progressAgainstGoal({ ...base, trailingValue: 0.85 })).toMatchObject({
      projectedDate: null,
      status: 'off_track',
    });
    // Within 5 % of the goal, a stalled value is at risk rather than off track.
    expect(progressAgainstGoal({ ...base, value: 0.92, trailingValue: 0.92 })).toMatchObject({
      projectedDate: null,
      status: 'at_risk',
    });
  });

  it('reads a "down" indicator the right way round', () => {
    const petitions: ProgressInput = {
      direction: 'down',
      asOf: '2025-01-05',
      value: 1.6,
      trailingValue: 2.0,
      trailingWeeks: 8,
      target: { value: 0.8, deadline: '2027-12-31' },
    };
    const p = progressAgainstGoal(petitions);
    expect(p.requiredWeeklyPace!).toBeLessThan(0);
    expect(p.projectedDate).toBe('2025-04-27'); // −0.05/week, 0.8 to go → 16 weeks
    expect(p.status).toBe('on_track');
    expect(progressAgainstGoal({ ...petitions, value: 0.7 }).status).toBe('on_track');
    expect(progressAgainstGoal({ ...petitions, trailingValue: 1.2 })).toMatchObject({
      projectedDate: null,
      status: 'off_track',
    });
  });

  it('has no pace after a missed deadline, and nothing at all without a value or a goal', () => {
    expect(progressAgainstGoal({ ...base, asOf: '2028-01-09' }).requiredWeeklyPace).toBeNull();
    expect(progressAgainstGoal({ ...base, value: null })).toEqual({
      requiredWeeklyPace: null,
      projectedDate: null,
      status: null,
    });
    expect(progressAgainstGoal({ ...base, target: null }).status).toBeNull();
  });
});
