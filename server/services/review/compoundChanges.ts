/**
 * What changed since last week, compound by compound: the compound status rows on the week's
 * value date against those seven days earlier, as Chinese phrases. Compounds with no change are
 * left out; a compound listed during the week appears as 新纳入.
 */
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

export interface CompoundChange {
  kind: ChangeKind;
  text: string;
}

export interface CompoundChanges {
  code: string;
  name: string;
  townshipCode: string;
  townshipName: string;
  changes: CompoundChange[];
}

const PARTY = { standalone: '建制式', combined: '兼合式', joint: '联建式' } as const;
const STARS = { '5': '五星', '4': '四星', '3': '三星', '2': '二星', '1': '一星', fail: '未达标' } as const;

function diff(before: CompoundStatus | undefined, now: CompoundStatus): CompoundChange[] {
  const out: CompoundChange[] = [];
  const add = (kind: ChangeKind, text: string) => out.push({ kind, text });
  if (!before) {
    add('listed', '新纳入在册小区');
    return out;
  }
  if (before.partyOrgType === null && now.partyOrgType !== null)
    add('partyOrgFormed', `成立党组织（${PARTY[now.partyOrgType]}）`);
  else if (before.partyOrgType !== null && now.partyOrgType === null)
    add('partyOrgDissolved', `党组织撤销（原为${PARTY[before.partyOrgType]}）`);
  else if (before.partyOrgType !== null && now.partyOrgType !== null && before.partyOrgType !== now.partyOrgType) {
    add('partyOrgTypeChanged', `党组织由${PARTY[before.partyOrgType]}改为${PARTY[now.partyOrgType]}`);
  }
  if (!before.committeeInOffice && now.committeeInOffice)
    add('committeeFormed', now.committeePartyMajority ? '业委会成立（党员过半）' : '业委会成立');
  else if (before.committeeInOffice && !now.committeeInOffice) add('committeeEnded', '业委会任期结束或离任');
  else if (
    before.committeeInOffice &&
    now.committeeInOffice &&
    before.committeePartyMajority !== now.committeePartyMajority
  ) {
    add('committeePartyMajority', now.committeePartyMajority ? '业委会变为党员过半' : '业委会不再党员过半');
  }
  if (now.lastMeetingDate !== null && now.lastMeetingDate !== before.lastMeetingDate)
    add('meetingHeld', `召开四方联席会议（${now.lastMeetingDate}）`);
  if (before.propertyManaged !== now.propertyManaged) {
    add('propertyManagement', now.propertyManaged ? `引入物业管理（${now.propertyCompany ?? ''}）` : '退出物业管理');
  } else if (now.propertyManaged && before.propertyCompany !== now.propertyCompany) {
    add('propertyManagement', `物业企业由${before.propertyCompany ?? ''}更换为${now.propertyCompany ?? ''}`);
  }
  if (before.rating !== now.rating && now.rating !== null) {
    add(
      'ratingChanged',
      before.rating === null
        ? `首次评定为${STARS[now.rating]}`
        : `星级由${STARS[before.rating]}变为${STARS[now.rating]}`,
    );
  }
  if (before.openIssues !== now.openIssues)
    add('openIssues', `未办结诉求由${before.openIssues}件变为${now.openIssues}件`);
  if (before.overdueIssues !== now.overdueIssues)
    add('overdueIssues', `超期诉求由${before.overdueIssues}件变为${now.overdueIssues}件`);
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
