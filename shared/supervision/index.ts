/** Supervision items (督办): states and moves, deadlines and lights, suggested tasks. */
export * from './states.ts';
export * from './deadlines.ts';
export * from './suggestions.ts';
