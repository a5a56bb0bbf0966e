/**
 * The top bar's badge: how many things wait for the signed-in person. Township staff: their
 * township's items waiting for their answer (pending or returned, not those already answered)
 * and its open warnings; the department (supervise): answers awaiting acceptance (待销号) and open
 * warnings; anyone else (leaders, walls): no badge (null).
 */
export interface InboxCountInput {
  kind: 'township' | 'department' | 'city';
  counts: { open: number; overdue: number; answered: number; returned: number; openWarnings: number };
}

export function inboxCount(summary: InboxCountInput | null | undefined): number | null {
  if (!summary) return null;
  const c = summary.counts;
  if (summary.kind === 'township') return c.open - c.answered + c.openWarnings;
  if (summary.kind === 'department') return c.answered + c.openWarnings;
  return null;
}
