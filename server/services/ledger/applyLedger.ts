/**
 * Writes a ledger plan (inside the caller's transaction): new communities and property
 * companies, new compounds in batches, changed compounds updated in place (their ids, hence
 * their history, are kept), property contracts, and one audit-log row per new or changed
 * compound plus one for the import as a whole.
 */
import { eq, inArray } from 'drizzle-orm';
import { auditLog, communities, compounds, propertyCompanies, propertyContracts } from '../../../data/schema/index.ts';
import type { Db } from '../../db/connection.ts';
import type { CompanyRef, CompoundPlan, CompoundValues, LedgerPlan } from './planLedger.ts';

const CHUNK = 250;

export interface WriteProgress {
  (done: number, total: number): void;
}

export interface AuditFacts {
  userId: number | null;
  file: string;
  crs: string;
  summary: Record<string, number>;
}

export async function applyLedger(
  db: Db,
  plan: LedgerPlan,
  audit: AuditFacts,
  onProgress?: WriteProgress,
): Promise<void> {
  // Communities: codes continue each township's numbering as `<township>-L<n>`.
  const communityIds = new Map<string, number>();
  if (plan.newCommunities.size > 0) {
    const existing = await db.select({ code: communities.code }).from(communities);
    const used = new Set(existing.map((c) => c.code));
    const counters = new Map<string, number>();
    const rows = [...plan.newCommunities.entries()].map(([key, c]) => {
      let n = counters.get(c.townshipCode) ?? 0;
      let code: string;
      do code = `${c.townshipCode}-L${String(++n).padStart(3, '0')}`;
      while (used.has(code));
      counters.set(c.townshipCode, n);
      used.add(code);
      return {
        key,
        row: {
          code,
          townshipCode: c.townshipCode,
          name: c.name,
          kind: c.name.endsWith('村') ? ('village' as const) : ('community' as const),
        },
      };
    });
    for (let i = 0; i < rows.length; i += CHUNK) {
      const slice = rows.slice(i, i + CHUNK);
      const inserted = await db
        .insert(communities)
        .values(slice.map((r) => r.row))
        .returning({ id: communities.id, code: communities.code });
      const byCode = new Map(inserted.map((r) => [r.code, r.id]));
      for (const r of slice) communityIds.set(r.key, byCode.get(r.row.code)!);
    }
  }

  // Property companies: code = credit code when given, otherwise `PCL<n>`.
  const companyIds = new Map<string, number>();
  if (plan.newCompanies.size > 0) {
    const existing = await db.select({ code: propertyCompanies.code }).from(propertyCompanies);
    const used = new Set(existing.map((c) => c.code));
    let n = 0;
    for (const [key, c] of plan.newCompanies) {
      let code = c.creditCode && !used.has(c.creditCode) ? c.creditCode : '';
      while (!code || used.has(code)) code = `PCL${String(++n).padStart(4, '0')}`;
      used.add(code);
      const [row] = await db
        .insert(propertyCompanies)
        .values({ code, name: c.name, creditCode: c.creditCode })
        .returning({ id: propertyCompanies.id });
      companyIds.set(key, row!.id);
    }
  }
  const companyId = (ref: CompanyRef) => ('id' in ref ? ref.id : companyIds.get(ref.key)!);
  const columns = (v: CompoundValues) => ({
    code: v.code,
    name: v.name,
    address: v.address,
    townshipCode: v.townshipCode,
    communityId:
      v.community === null ? null : 'id' in v.community ? v.community.id : communityIds.get(v.community.key)!,
    lon: v.lon,
    lat: v.lat,
    households: v.households,
    buildings: v.buildings,
    yearBuilt: v.yearBuilt,
    kind: v.kind,
    listedOn: v.listedOn,
    modelHomeSince: v.modelHomeSince,
  });

  const created = plan.compounds.filter((c) => c.action === 'new');
  const updated = plan.compounds.filter((c) => c.action === 'updated');
  const total = created.length + updated.length;
  let done = 0;
  const ids = new Map<string, number>();
  for (let i = 0; i < created.length; i += CHUNK) {
    const slice = created.slice(i, i + CHUNK);
    const inserted = await db
      .insert(compounds)
      .values(slice.map((c) => columns(c.values)))
      .returning({ id: compounds.id, code: compounds.code });
    for (const r of inserted) ids.set(r.code, r.id);
    done += slice.length;
    onProgress?.(done, total);
  }
  for (const c of updated) {
    await db.update(compounds).set(columns(c.values)).where(eq(compounds.id, c.compoundId!));
    ids.set(c.code, c.compoundId!);
    done++;
    if (done % CHUNK === 0 || done === total) onProgress?.(done, total);
  }

  // Contracts: a new contract closes the open one it follows.
  const toClose = new Map<number, string>();
  const newContracts: (typeof propertyContracts.$inferInsert)[] = [];
  for (const c of plan.compounds) {
    const action = c.contract;
    if (!action) continue;
    if (action.kind === 'update') {
      await db
        .update(propertyContracts)
        .set({ companyId: companyId(action.company), endOn: action.endOn })
        .where(eq(propertyContracts.id, action.contractId));
    } else {
      if (action.closeContractId !== null) toClose.set(action.closeContractId, action.startOn);
      newContracts.push({
        compoundId: ids.get(c.code)!,
        companyId: companyId(action.company),
        startOn: action.startOn,
        endOn: action.endOn,
      });
    }
  }
  const byEnd = new Map<string, number[]>();
  for (const [id, endOn] of toClose) byEnd.set(endOn, [...(byEnd.get(endOn) ?? []), id]);
  for (const [endOn, contractIds] of byEnd)
    await db.update(propertyContracts).set({ endOn }).where(inArray(propertyContracts.id, contractIds));
  for (let i = 0; i < newContracts.length; i += CHUNK * 4)
    await db.insert(propertyContracts).values(newContracts.slice(i, i + CHUNK * 4));

  // The audit log: who (null from the command line), what, before and after.
  const auditRows = [...created, ...updated].map((c) => ({
    userId: audit.userId,
    action: 'import',
    tableName: 'compounds',
    recordId: String(ids.get(c.code)),
    before: c.action === 'new' ? null : diffSide(c, 'before'),
    after: c.action === 'new' ? { ...diffSide(c, 'after'), code: c.code } : diffSide(c, 'after'),
  }));
  auditRows.push({
    userId: audit.userId,
    action: 'import',
    tableName: 'ledger',
    recordId: audit.file,
    before: null,
    after: { file: audit.file, crs: audit.crs, ...audit.summary },
  });
  for (let i = 0; i < auditRows.length; i += CHUNK * 4)
    await db.insert(auditLog).values(auditRows.slice(i, i + CHUNK * 4));
}

function diffSide(c: CompoundPlan, side: 'before' | 'after'): Record<string, unknown> {
  return Object.fromEntries(c.changes.map((ch) => [ch.field, ch[side]]));
}
