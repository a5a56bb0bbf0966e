/**
 * What a compound is on a date, as plain types: the row behind the map, the compound table, the
 * workbench and `onemap export compounds`. The SQL that computes it is server-side
 * (server/services/compounds/compoundStatus.ts); these types carry no database code so the
 * client can class and filter the same rows.
 */

import type { Locale } from '../indicators/definition.ts';

/** 建制式, 兼合式, 联建式: how a compound's party organisation is set up. */
export const PARTY_ORG_TYPES = ['standalone', 'combined', 'joint'] as const;
export type PartyOrgType = (typeof PARTY_ORG_TYPES)[number];
export type CompoundKind = 'commercial' | 'resettlement' | 'old' | 'mixed';

/** Ratings as stored: '5'…'1' stars, or 'fail' (未达标). */
export const RATINGS = ['5', '4', '3', '2', '1', 'fail'] as const;
export type Rating = (typeof RATINGS)[number];

/** Their names in each language: the drill-through's reasons, the lagging list's and the change lines say them so. */
export const PARTY_ORG_TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<PartyOrgType, string>>>> = {
  'zh-CN': { standalone: '建制式', combined: '兼合式', joint: '联建式' },
  en: { standalone: 'standalone', combined: 'combined', joint: 'joint' },
};
export const RATING_NAMES: Readonly<Record<Locale, Readonly<Record<Rating, string>>>> = {
  'zh-CN': { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' },
  en: { '5': '5 stars', '4': '4 stars', '3': '3 stars', '2': '2 stars', '1': '1 star', fail: 'failed' },
};

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
