/**
 * What changed since last week, compound by compound: the compound status rows on the week's
 * value date against those seven days earlier, as phrases (Chinese, the stored wording; English
 * on request, from the same figures). Compounds with no change are
 * left out; a compound listed during the week appears as 新纳入.
 */
import { PARTY_ORG_TYPE_NAMES, RATING_NAMES } from '../../../shared/compounds/compoundStatus.ts';
import type { Locale } from '../../../shared/language/index.ts';
import type { CompoundStatus } from '../compounds/compoundStatus.ts';

export type ChangeKind =
  | 'listed'
  | 'partyOrgFormed'
  | 'partyOrgDissolved'
  | 'partyOrgTypeChanged'
  | 'committeeFormed'
  | 'committeeEnded'
  | 'committeePartyMajority'
  | 'meetingHeld'
  | 'propertyManagement'
  | 'ratingChanged'
  | 'openIssues'
  | 'overdueIssues';

/** The values a change is written from: before and after (a party-organisation kind, a company, a rating, a count, a date). */
export interface ChangeFigures {
  from?: string | number | null;
  to?: string | number | null;
  /** For a committee formed or changed: whether party members are at least half of it. */
  partyMajority?: boolean;
}

export interface CompoundChange {
  kind: ChangeKind;
  /** The change in words: Chinese as stored, the reader's language on the wire (changesIn). */
  text: string;
  /** Absent from weeks frozen before the figures were kept (their text stays Chinese). */
  figures?: ChangeFigures;
}

export interface CompoundChanges {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  changes: CompoundChange[];
}

type Words = Record<ChangeKind, (f: ChangeFigures) => string>;

// Looked up by the stored value, as text: the names are the compound's own (shared/compounds).
const PARTY: Readonly<Record<string, string>> = PARTY_ORG_TYPE_NAMES['zh-CN'];
const STARS: Readonly<Record<string, string>> = RATING_NAMES['zh-CN'];
const PARTY_EN: Readonly<Record<string, string>> = PARTY_ORG_TYPE_NAMES.en;
const STARS_EN: Readonly<Record<string, string>> = RATING_NAMES.en;
const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

const ZH: Words = {
  listed: () => '新纳入在册小区',
  partyOrgFormed: (f) => `成立党组织（${PARTY[s(f.to)]}）`,
  partyOrgDissolved: (f) => `党组织撤销（原为${PARTY[s(f.from)]}）`,
  partyOrgTypeChanged: (f) => `党组织由${PARTY[s(f.from)]}改为${PARTY[s(f.to)]}`,
  committeeFormed: (f) => (f.partyMajority ? '业委会成立（党员过半）' : '业委会成立'),
  committeeEnded: () => '业委会任期结束或离任',
  committeePartyMajority: (f) => (f.partyMajority ? '业委会变为党员过半' : '业委会不再党员过半'),
  meetingHeld: (f) => `召开四方联席会议（${s(f.to)}）`,
  propertyManagement: (f) =>
    f.from === undefined
      ? f.to === null
        ? '退出物业管理'
        : `引入物业管理（${s(f.to)}）`
      : `物业企业由${s(f.from)}更换为${s(f.to)}`,
  ratingChanged: (f) =>
    f.from === null ? `首次评定为${STARS[s(f.to)]}` : `星级由${STARS[s(f.from)]}变为${STARS[s(f.to)]}`,
  openIssues: (f) => `未办结诉求由${s(f.from)}件变为${s(f.to)}件`,
  overdueIssues: (f) => `超期诉求由${s(f.from)}件变为${s(f.to)}件`,
};

const EN: Words = {
  listed: () => 'Newly listed',
  partyOrgFormed: (f) => `Party organisation formed (${PARTY_EN[s(f.to)]})`,
  partyOrgDissolved: (f) => `Party organisation dissolved (was ${PARTY_EN[s(f.from)]})`,
  partyOrgTypeChanged: (f) => `Party organisation changed from ${PARTY_EN[s(f.from)]} to ${PARTY_EN[s(f.to)]}`,
  committeeFormed: (f) => (f.partyMajority ? "Owners' committee formed (party majority)" : "Owners' committee formed"),
  committeeEnded: () => "Owners' committee's term ended or it left office",
  committeePartyMajority: (f) =>
    f.partyMajority ? "Owners' committee now has a party majority" : "Owners' committee no longer has a party majority",
  meetingHeld: (f) => `Four-party meeting held (${s(f.to)})`,
  propertyManagement: (f) =>
    f.from === undefined
      ? f.to === null
        ? 'Property management ended'
        : `Property management began (${s(f.to)})`
      : `Property company changed from ${s(f.from)} to ${s(f.to)}`,
  ratingChanged: (f) =>
    f.from === null
      ? `First rated ${STARS_EN[s(f.to)]}`
      : `Rating changed from ${STARS_EN[s(f.from)]} to ${STARS_EN[s(f.to)]}`,
  openIssues: (f) => `Open resident issues from ${s(f.from)} to ${s(f.to)}`,
  overdueIssues: (f) => `Overdue resident issues from ${s(f.from)} to ${s(f.to)}`,
};

const WORDS: Record<Locale, Words> = { 'zh-CN': ZH, en: EN };

export function changeText(kind: ChangeKind, figures: ChangeFigures, locale: Locale): string {
  return WORDS[locale][kind](figures);
}

/** The changes written in `locale`; a change frozen without its figures keeps its Chinese text. */
export function changesIn(list: readonly CompoundChanges[], locale: Locale): CompoundChanges[] {
  if (locale === 'zh-CN') return [...list];
  return list.map((c) => ({
    ...c,
    changes: c.changes.map((x) => (x.figures ? { ...x, text: changeText(x.kind, x.figures, locale) } : x)),
  }));
}

function diff(before: CompoundStatus | undefined, now: CompoundStatus): CompoundChange[] {
  const out: CompoundChange[] = [];
  const add = (kind: ChangeKind, figures: ChangeFigures = {}) =>
    out.push({ kind, text: changeText(kind, figures, 'zh-CN'), figures });
  if (!before) {
    add('listed');
    return out;
  }
  if (before.partyOrgType === null && now.partyOrgType !== null) add('partyOrgFormed', { to: now.partyOrgType });
  else if (before.partyOrgType !== null && now.partyOrgType === null)
    add('partyOrgDissolved', { from: before.partyOrgType });
  else if (before.partyOrgType !== null && now.partyOrgType !== null && before.partyOrgType !== now.partyOrgType) {
    add('partyOrgTypeChanged', { from: before.partyOrgType, to: now.partyOrgType });
  }
  if (!before.committeeInOffice && now.committeeInOffice)
    add('committeeFormed', { partyMajority: now.committeePartyMajority });
  else if (before.committeeInOffice && !now.committeeInOffice) add('committeeEnded');
  else if (
    before.committeeInOffice &&
    now.committeeInOffice &&
    before.committeePartyMajority !== now.committeePartyMajority
  ) {
    add('committeePartyMajority', { partyMajority: now.committeePartyMajority });
  }
  if (now.lastMeetingDate !== null && now.lastMeetingDate !== before.lastMeetingDate)
    add('meetingHeld', { to: now.lastMeetingDate });
  if (before.propertyManaged !== now.propertyManaged) {
    add('propertyManagement', { to: now.propertyManaged ? (now.propertyCompany ?? '') : null });
  } else if (now.propertyManaged && before.propertyCompany !== now.propertyCompany) {
    add('propertyManagement', { from: before.propertyCompany ?? '', to: now.propertyCompany ?? '' });
  }
  if (before.rating !== now.rating && now.rating !== null)
    add('ratingChanged', { from: before.rating, to: now.rating });
  if (before.openIssues !== now.openIssues) add('openIssues', { from: before.openIssues, to: now.openIssues });
  if (before.overdueIssues !== now.overdueIssues)
    add('overdueIssues', { from: before.overdueIssues, to: now.overdueIssues });
  return out;
}

/** Compounds whose status differs between the two days, in compound code order. */
export function compoundChanges(before: readonly CompoundStatus[], now: readonly CompoundStatus[]): CompoundChanges[] {
  const previous = new Map(before.map((c) => [c.code, c]));
  return now.flatMap((c) => {
    const changes = diff(previous.get(c.code), c);
    return changes.length
      ? [{ code: c.code, name: c.name, townshipCode: c.townshipCode, townshipName: c.townshipName, changes }]
      : [];
  });
}
