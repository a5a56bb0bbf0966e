import { describe, expect, it } from 'vitest';
import { inboxCount } from '../../../../client/src/features/inbox/inboxCount.ts';

const counts = { open: 5, overdue: 2, answered: 2, returned: 1, openWarnings: 3 };

describe('inboxCount (the top bar badge)', () => {
  it('township staff: items waiting for their answer (not those already answered) and open warnings', () => {
    expect(inboxCount({ kind: 'township', counts })).toBe(5 - 2 + 3);
  });
  it('the department: answers awaiting acceptance and open warnings', () => {
    expect(inboxCount({ kind: 'department', counts })).toBe(2 + 3);
  });
  it('leaders and walls get no badge; nothing loaded yet, none either', () => {
    expect(inboxCount({ kind: 'city', counts })).toBeNull();
    expect(inboxCount(undefined)).toBeNull();
  });
});
