/**
 * What importing the validated records would change, compound by compound and field by field,
 * against what the database holds: new, updated (with each field's before and after) or
 * unchanged. Re-imports match on the compound code and update in place, so governance and issue
 * records (which reference compound ids) are kept. Also finds the problems only the database can
 * reveal (a contract start that contradicts the registered contracts).
 */
import { asc } from 'drizzle-orm';
import { communities, compounds, propertyCompanies, propertyContracts } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { CompoundKind } from '../compounds/compoundStatus.ts';
import { addDays } from '../../../shared/time/dates.ts';
import { headerOf, KIND_LABELS, type LedgerField } from './columns.ts';
import type { LedgerProblem, LedgerRecord, TownshipRef } from './validateRow.ts';
import { PLAN_WORDS } from './ledgerReportWords.ts';

type CompoundRow = typeof compounds.$inferSelect;
type ContractRow = typeof propertyContracts.$inferSelect;

export interface LedgerState {
  compounds: Map<string, CompoundRow>;
  communities: (typeof communities.$inferSelect)[];
  companies: (typeof propertyCompanies.$inferSelect)[];
  contracts: Map<number, ContractRow[]>;
}

export async function loadLedgerState(db: Db): Promise<LedgerState> {
  const [compoundRows, communityRows, companyRows, contractRows] = await Promise.all([
    db.select().from(compounds),
    db.select().from(communities).orderBy(asc(communities.id)),
    db.select().from(propertyCompanies).orderBy(asc(propertyCompanies.id)),
    db.select().from(propertyContracts).orderBy(asc(propertyContracts.startOn), asc(propertyContracts.id)),
  ]);
  const contracts = new Map<number, ContractRow[]>();
  for (const c of contractRows) contracts.set(c.compoundId, [...(contracts.get(c.compoundId) ?? []), c]);
  return {
    compounds: new Map(compoundRows.map((c) => [c.code, c])),
    communities: communityRows,
    companies: companyRows,
    contracts,
  };
}

export function emptyLedgerState(): LedgerState {
  return { compounds: new Map(), communities: [], companies: [], contracts: new Map() };
}

export type DisplayValue = string | number | null;

export interface FieldChange {
  field: LedgerField;
  /** The column's Chinese header (in the report: in the reader's language, fieldChangeIn). */
  label: string;
  before: DisplayValue;
  after: DisplayValue;
}

/** Compound columns as they will be written (community and company resolved by applyLedger). */
export interface CompoundValues {
  code: string;
  name: string;
  address: string;
  townshipCode: string;
  /** Existing community id, or a key into `newCommunities`, or null. */
  community: { id: number } | { key: string } | null;
  lon: number;
  lat: number;
  households: number;
  buildings: number;
  yearBuilt: number | null;
  kind: CompoundKind;
  listedOn: string;
  modelHomeSince: string | null;
}

export type ContractAction =
  | { kind: 'update'; contractId: number; company: CompanyRef; endOn: string | null }
  | { kind: 'insert'; company: CompanyRef; startOn: string; endOn: string | null; closeContractId: number | null };

export type CompanyRef = { id: number } | { key: string };

export interface CompoundPlan {
  row: number;
  code: string;
  name: string;
  action: 'new' | 'updated' | 'unchanged';
  compoundId: number | null;
  changes: FieldChange[];
  values: CompoundValues;
  contract: ContractAction | null;
}

export interface LedgerPlan {
  compounds: CompoundPlan[];
  newCommunities: Map<string, { townshipCode: string; name: string }>;
  newCompanies: Map<string, { name: string; creditCode: string | null }>;
  /** Compounds in the database the ledger does not mention: left as they are. */
  untouched: number;
  problems: LedgerProblem[];
  warnings: LedgerProblem[];
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 5e-8;

export function planLedger(
  records: readonly LedgerRecord[],
  state: LedgerState,
  townships: readonly TownshipRef[],
  today: string,
): LedgerPlan {
  const townshipName = new Map(townships.map((t) => [t.code, t.name]));
  const communityById = new Map(state.communities.map((c) => [c.id, c]));
  const communityByKey = new Map(state.communities.map((c) => [`${c.townshipCode}/${c.name}`, c]));
  const companyById = new Map(state.companies.map((c) => [c.id, c]));
  const companyByCredit = new Map(state.companies.filter((c) => c.creditCode).map((c) => [c.creditCode!, c]));
  const companyByName = new Map(state.companies.map((c) => [c.name, c]));
  const plan: LedgerPlan = {
    compounds: [],
    newCommunities: new Map(),
    newCompanies: new Map(),
    untouched: 0,
    problems: [],
    warnings: [],
  };
  const seen = new Set<string>();

  const communityName = (ref: CompoundValues['community']): string | null => {
    if (!ref) return null;
    if ('id' in ref) return communityById.get(ref.id)?.name ?? null;
    return plan.newCommunities.get(ref.key)?.name ?? null;
  };
  const companyName = (ref: CompanyRef): string =>
    'id' in ref ? (companyById.get(ref.id)?.name ?? '') : (plan.newCompanies.get(ref.key)?.name ?? '');
  const resolveCompany = (company: string, creditCode: string | null): CompanyRef => {
    const found = (creditCode ? companyByCredit.get(creditCode) : undefined) ?? companyByName.get(company);
    if (found) return { id: found.id };
    const key = creditCode ?? company;
    if (!plan.newCompanies.has(key)) plan.newCompanies.set(key, { name: company, creditCode });
    return { key };
  };

  for (const record of records) {
    seen.add(record.code);
    const existing = state.compounds.get(record.code);
    // Community: by name within the (new) township.
    let community: CompoundValues['community'];
    if (record.community === undefined) {
      const current = existing?.communityId != null ? communityById.get(existing.communityId) : undefined;
      community = current && current.townshipCode === record.townshipCode ? { id: current.id } : null;
      if (current && !community) {
        plan.warnings.push({
          row: record.row,
          column: headerOf('township'),
          message: PLAN_WORDS.leavesCommunity(townshipName.get(record.townshipCode), current.name),
        });
      }
    } else if (record.community === null) community = null;
    else {
      const key = `${record.townshipCode}/${record.community}`;
      const found = communityByKey.get(key);
      if (found) community = { id: found.id };
      else {
        if (!plan.newCommunities.has(key))
          plan.newCommunities.set(key, { townshipCode: record.townshipCode, name: record.community });
        community = { key };
      }
    }
    const values: CompoundValues = {
      code: record.code,
      name: record.name,
      address: record.address ?? existing?.address ?? '',
      townshipCode: record.townshipCode,
      community,
      lon: record.lon,
      lat: record.lat,
      households: record.households,
      buildings: record.buildings ?? existing?.buildings ?? 1,
      yearBuilt: record.yearBuilt === undefined ? (existing?.yearBuilt ?? null) : record.yearBuilt,
      kind: record.kind,
      listedOn: record.listedOn ?? existing?.listedOn ?? today,
      modelHomeSince: record.modelHomeSince === undefined ? (existing?.modelHomeSince ?? null) : record.modelHomeSince,
    };

    const changes: FieldChange[] = [];
    const change = (field: LedgerField, before: DisplayValue, after: DisplayValue, same = before === after) => {
      if (!same) changes.push({ field, label: headerOf(field), before, after });
    };
    const beforeCommunity =
      existing?.communityId != null ? (communityById.get(existing.communityId)?.name ?? null) : null;
    change('name', existing?.name ?? null, values.name);
    change(
      'address',
      existing?.address ?? null,
      values.address,
      existing ? existing.address === values.address : values.address === '',
    );
    change(
      'township',
      existing ? (townshipName.get(existing.townshipCode) ?? existing.townshipCode) : null,
      townshipName.get(values.townshipCode) ?? values.townshipCode,
    );
    change('community', beforeCommunity, communityName(values.community));
    change('lon', existing?.lon ?? null, values.lon, existing ? sameNumber(existing.lon, values.lon) : false);
    change('lat', existing?.lat ?? null, values.lat, existing ? sameNumber(existing.lat, values.lat) : false);
    change('households', existing?.households ?? null, values.households);
    change('buildings', existing?.buildings ?? null, values.buildings);
    change('yearBuilt', existing?.yearBuilt ?? null, values.yearBuilt);
    change('kind', existing ? KIND_LABELS[existing.kind] : null, KIND_LABELS[values.kind]);
    change('listedOn', existing?.listedOn ?? null, values.listedOn);
    change('modelHomeSince', existing?.modelHomeSince ?? null, values.modelHomeSince);

    let contract: ContractAction | null = null;
    if (record.contract) {
      const { company, creditCode, startOn, lastDay } = record.contract;
      const endOn = lastDay === null ? null : addDays(lastDay, 1);
      const registered = existing ? (state.contracts.get(existing.id) ?? []) : [];
      const sameStart = registered.find((c) => c.startOn === startOn);
      const latest = registered.at(-1);
      const reference = sameStart ?? latest;
      const ref = resolveCompany(company, creditCode);
      const refCompany = reference ? (companyById.get(reference.companyId)?.name ?? null) : null;
      change('propertyCompany', refCompany, company);
      change('contractStart', reference?.startOn ?? null, startOn);
      change('contractLastDay', reference?.endOn ? addDays(reference.endOn, -1) : null, lastDay);
      if (sameStart) {
        if (refCompany !== company || sameStart.endOn !== endOn)
          contract = { kind: 'update', contractId: sameStart.id, company: ref, endOn };
      } else {
        const later = registered.find((c) => c.startOn > startOn);
        const covering = registered.find((c) => c.startOn < startOn && c.endOn !== null && c.endOn > startOn);
        if (later) {
          plan.problems.push({
            row: record.row,
            column: headerOf('contractStart'),
            message: PLAN_WORDS.startBeforeRegistered(startOn, companyName({ id: later.companyId }), later.startOn),
          });
        } else if (covering) {
          plan.problems.push({
            row: record.row,
            column: headerOf('contractStart'),
            message: PLAN_WORDS.startWithinRegistered(
              startOn,
              companyName({ id: covering.companyId }),
              covering.startOn,
              addDays(covering.endOn!, -1),
            ),
          });
        } else {
          const open = registered.find((c) => c.endOn === null && c.startOn < startOn);
          contract = { kind: 'insert', company: ref, startOn, endOn, closeContractId: open?.id ?? null };
        }
      }
    }
    plan.compounds.push({
      row: record.row,
      code: record.code,
      name: record.name,
      action: !existing ? 'new' : changes.length > 0 ? 'updated' : 'unchanged',
      compoundId: existing?.id ?? null,
      changes,
      values,
      contract,
    });
  }
  for (const code of state.compounds.keys()) if (!seen.has(code)) plan.untouched++;
  return plan;
}
