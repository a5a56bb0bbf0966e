import { describe, expect, it } from 'vitest';
import { progressAgainstGoal, type ProgressInput } from '../../../../server/services/metrics/progress.ts';

const base: ProgressInput = {
  direction: 'up',
  goal: 'deadline',
  asOf: '2025-01-05',
  value: 0.8,
  trailingValue: 0.72,
  trailingWeeks: 8,
  target: { value: 0.95, deadline: '2027-12-31' },
};

describe('progress against a goal', () => {
  it('is met with pace 0 once the goal is met', () => {
    expect(progressAgainstGoal({ ...base, value: 0.95 })).toEqual({
      met: true,
      requiredWeeklyPace: 0,
      projectedDate: '2025-01-05',
      status: 'met',
    });
    expect(progressAgainstGoal({ ...base, value: 0.97 }).status, 'beyond the goal is met too').toBe('met');
  });

  it('projects the trailing 8-week pace forward: on track, but not met', () => {
    // +0.01 per week; 0.15 to go → 15 weeks → 105 days.
    const p = progressAgainstGoal(base);
    expect(p.projectedDate).toBe('2025-04-20');
    expect(p.status).toBe('on_track');
    expect(p.met, 'a value short of its goal is never met, whatever its pace').toBe(false);
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
      goal: 'deadline',
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
    expect(p.met).toBe(false);
    // 0.93 against a ceiling of 0.80 is not met, even with a good pace.
    expect(progressAgainstGoal({ ...petitions, value: 0.93, trailingValue: 1.2 })).toMatchObject({
      met: false,
      status: 'on_track',
    });
    expect(progressAgainstGoal({ ...petitions, value: 0.7 })).toMatchObject({ met: true, status: 'met' });
    expect(progressAgainstGoal({ ...petitions, value: 0.8 }).status, 'at the ceiling is met').toBe('met');
    expect(progressAgainstGoal({ ...petitions, trailingValue: 1.2 })).toMatchObject({
      projectedDate: null,
      status: 'off_track',
    });
  });

  it('has no pace after a missed deadline, and nothing at all without a value or a goal', () => {
    expect(progressAgainstGoal({ ...base, asOf: '2028-01-09' }).requiredWeeklyPace).toBeNull();
    expect(progressAgainstGoal({ ...base, value: null })).toEqual({
      met: null,
      requiredWeeklyPace: null,
      projectedDate: null,
      status: null,
    });
    expect(progressAgainstGoal({ ...base, target: null })).toMatchObject({ met: null, status: null });
  });

  it('judges a standing rule met or not, with no pace', () => {
    const standing: ProgressInput = {
      ...base,
      goal: 'standing',
      target: { value: 1, deadline: '2027-12-31' },
    };
    // 86.4 % rising fast would be "on track" for a deadline goal; a standing rule is simply not met.
    expect(progressAgainstGoal({ ...standing, value: 0.864, trailingValue: 0.7 })).toEqual({
      met: false,
      requiredWeeklyPace: null,
      projectedDate: null,
      status: 'off_track',
    });
    expect(progressAgainstGoal({ ...standing, value: 0.929, trailingValue: 0.95 }).status).toBe('off_track');
    expect(progressAgainstGoal({ ...standing, value: 1 })).toMatchObject({ met: true, status: 'met' });
  });

  it('never calls a value short of its goal met (table of cases)', () => {
    const cases: [ProgressInput['direction'], number, number][] = [
      ['up', 0.9999, 1],
      ['up', 0.949, 0.95],
      ['down', 0.81, 0.8],
      ['down', 0.93, 0.8],
    ];
    for (const goal of ['deadline', 'standing'] as const)
      for (const [direction, value, target] of cases) {
        const p = progressAgainstGoal({
          ...base,
          goal,
          direction,
          value,
          // The best pace there is: the goal reached next week.
          trailingValue: value - (target - value) * 8,
          target: { value: target, deadline: '2027-12-31' },
        });
        expect(p.met, `${goal} ${direction} ${value} vs ${target}`).toBe(false);
        expect(p.status, `${goal} ${direction} ${value} vs ${target}`).not.toBe('met');
      }
  });
});
