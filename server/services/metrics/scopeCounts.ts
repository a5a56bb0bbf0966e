/** The per-township counts behind the five indicators and the secondary figures. */
export interface ScopeCounts {
  compounds: number;
  households: number;
  withPartyOrg: number;
  withCommittee: number;
  withRecentMeeting: number;
  /** Under property management on D with at least one evaluation on or before D. */
  managedEvaluated: number;
  /** …of which the latest evaluation is 4 or 5 stars. */
  managedFourStarPlus: number;
  /** Petitions + disputes received in the window. */
  petitions: number;
  // Secondary figures.
  managed: number;
  partyMajorityCommittees: number;
  /** Committees in office whose chair is also the compound's party secretary (一肩挑). */
  chairIsSecretary: number;
  openIssues: number;
  overdueIssues: number;
  ratings: Record<'5' | '4' | '3' | '2' | '1' | 'fail', number>;
  modelHomes: number;
}

export const EMPTY_COUNTS: ScopeCounts = {
  compounds: 0,
  households: 0,
  withPartyOrg: 0,
  withCommittee: 0,
  withRecentMeeting: 0,
  managedEvaluated: 0,
  managedFourStarPlus: 0,
  petitions: 0,
  managed: 0,
  partyMajorityCommittees: 0,
  chairIsSecretary: 0,
  openIssues: 0,
  overdueIssues: 0,
  ratings: { '5': 0, '4': 0, '3': 0, '2': 0, '1': 0, fail: 0 },
  modelHomes: 0,
};

export function addCounts(a: ScopeCounts, b: ScopeCounts): ScopeCounts {
  const out = { ...a, ratings: { ...a.ratings } };
  for (const key of Object.keys(b) as (keyof ScopeCounts)[]) {
    if (key === 'ratings')
      for (const r of Object.keys(b.ratings) as (keyof ScopeCounts['ratings'])[]) out.ratings[r] += b.ratings[r];
    else out[key] += b[key];
  }
  return out;
}

/** A result row with the counts under their SQL column names. */
export type CountsRow = Record<string, unknown> & { township_code: string };

export function countsFromRow(row: CountsRow): ScopeCounts {
  const n = (key: string) => Number(row[key] ?? 0);
  return {
    compounds: n('compounds'),
    households: n('households'),
    withPartyOrg: n('with_party_org'),
    withCommittee: n('with_committee'),
    withRecentMeeting: n('with_recent_meeting'),
    managedEvaluated: n('managed_evaluated'),
    managedFourStarPlus: n('managed_four_star_plus'),
    petitions: n('petitions'),
    managed: n('managed'),
    partyMajorityCommittees: n('party_majority_committees'),
    chairIsSecretary: n('chair_is_secretary'),
    openIssues: n('open_issues'),
    overdueIssues: n('overdue_issues'),
    ratings: { '5': n('r5'), '4': n('r4'), '3': n('r3'), '2': n('r2'), '1': n('r1'), fail: n('rfail') },
    modelHomes: n('model_homes'),
  };
}
