/**
 * The states of a supervision item (督办事项) and the only moves between them:
 *
 *   pending 待办理 ──answer──▶ answered 已反馈 ──accept──▶ closed 已销号 (final)
 *                                 │  ▲
 *                          return │  │ answer
 *                                 ▼  │
 *                             returned 退回
 *
 * `answer` is the township's (its own staff, or an administrator); `accept` and `return` are the
 * organisation department's (the 'supervise' permission: analyst, business_admin, admin).
 * 逾期 (overdue) is not a state: it is derived from the deadline and the day (deadlines.ts).
 * Pure: used by the client and the server.
 */

export const SUPERVISION_STATES = ['pending', 'answered', 'closed', 'returned'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

/** Where an item came from: the weekly review, an early warning, or an analyst by hand. */
export const SUPERVISION_SOURCES = ['review', 'warning', 'manual'] as const;
export type SupervisionSource = (typeof SUPERVISION_SOURCES)[number];

export const SUPERVISION_STATE_LABELS: Readonly<Record<SupervisionState | 'overdue', string>> = {
  pending: '待办理',
  answered: '已反馈',
  closed: '已销号',
  returned: '退回',
  overdue: '逾期',
};

export const SUPERVISION_SOURCE_LABELS: Readonly<Record<SupervisionSource, string>> = {
  review: '晾晒会交办',
  warning: '预警转督办',
  manual: '手动交办',
};

export const SUPERVISION_MOVES = ['answer', 'accept', 'return'] as const;
export type SupervisionMove = (typeof SUPERVISION_MOVES)[number];

/** Who makes a move: the item's township (its staff; an administrator for any) or a supervisor. */
export type MoveActor = 'township' | 'supervisor';

export interface MoveRule {
  from: readonly SupervisionState[];
  to: SupervisionState;
  by: MoveActor;
  label: string;
}

/** The allowed transitions; nothing else moves an item, and `closed` has no way out. */
export const MOVE_RULES: Readonly<Record<SupervisionMove, MoveRule>> = {
  answer: { from: ['pending', 'returned'], to: 'answered', by: 'township', label: '反馈办理情况' },
  accept: { from: ['answered'], to: 'closed', by: 'supervisor', label: '审核销号' },
  return: { from: ['answered'], to: 'returned', by: 'supervisor', label: '退回' },
};

/** Whether the move is allowed from this state (who may make it is checked by the server). */
export function canMove(state: SupervisionState, move: SupervisionMove): boolean {
  return MOVE_RULES[move].from.includes(state);
}

/** The moves open from a state, e.g. for the buttons a screen shows. */
export function movesFrom(state: SupervisionState): SupervisionMove[] {
  return SUPERVISION_MOVES.filter((m) => canMove(state, m));
}

/** Why a move is refused in this state, in Chinese (for BadInputError and the screens). */
export function refusedMoveMessage(state: SupervisionState, move: SupervisionMove): string {
  const now = SUPERVISION_STATE_LABELS[state];
  if (state === 'closed') return `该督办事项已销号，不能再${MOVE_RULES[move].label}`;
  const allowed = MOVE_RULES[move].from.map((s) => SUPERVISION_STATE_LABELS[s]).join('或');
  return `该督办事项当前为“${now}”，只有“${allowed}”的事项才能${MOVE_RULES[move].label}`;
}
