/** The indicators' dated windows (days ending on and including D). */

/** Meetings held in the 30 days ending D count: D-29 … D. */
export const DELIBERATION_WINDOW_DAYS = 30;
/** Petitions and disputes received in the 28 days ending D count: D-27 … D. */
export const PETITION_WINDOW_DAYS = 28;
