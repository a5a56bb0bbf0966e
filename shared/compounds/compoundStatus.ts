/**
 * What a compound is on a date, as plain types: the row behind the map, the compound table, the
 * workbench and `onemap export compounds`. The SQL that computes it is server-side
 * (server/services/compounds/compoundStatus.ts); these types carry no database code so the
 * client can class and filter the same rows.
 */

export type PartyOrgType = 'standalone' | 'combined' | 'joint';
export type CompoundKind = 'commercial' | 'resettlement' | 'old' | 'mixed';

/** Ratings as stored: '5'…'1' stars, or 'fail' (未达标). */
export const RATINGS = ['5', '4', '3', '2', '1', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];

export interface CompoundStatus {
  id: number;
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  community: string;
  /** WGS84 degrees. */
  lon: number;
  lat: number;
  households: number;
  kind: CompoundKind;
  propertyManaged: boolean;
  propertyCompany: string | null;
  partyOrgType: PartyOrgType | null;
  committeeInOffice: boolean;
  /** Party members are at least half of the committee in office (红色业委会). */
  committeePartyMajority: boolean;
  /** YYYY-MM-DD, a calendar day in Asia/Shanghai. */
  lastMeetingDate: string | null;
  /** Latest evaluation on or before the date, shown only while under property management. */
  rating: Rating | null;
  openIssues: number;
  overdueIssues: number;
}
