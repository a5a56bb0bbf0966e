/**
 * A compound's records on one timeline: one entry per record (a party organisation, a committee
 * term, a property contract, an evaluation, a 四方联席 meeting, a resident issue with its stage
 * moves, a petition or dispute), dated by its start, newest first, grouped by year.
 */
import type { RouterOutputs } from '../../app/trpc.ts';

type History = RouterOutputs['compounds']['history'];

export const RECORD_KINDS = ['party', 'committee', 'property', 'evaluation', 'meeting', 'issue', 'petition'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export type TimelineEntry =
  | { kind: 'party'; date: string; id: number; record: History['partyOrganisations'][number] }
  | { kind: 'committee'; date: string; id: number; record: History['committeeTerms'][number] }
  | { kind: 'property'; date: string; id: number; record: History['contracts'][number] }
  | { kind: 'evaluation'; date: string; id: number; record: History['evaluations'][number] }
  | { kind: 'meeting'; date: string; id: number; record: History['meetings'][number] }
  | { kind: 'issue'; date: string; id: number; record: History['issues'][number] }
  | { kind: 'petition'; date: string; id: number; record: History['petitions'][number] };

export function timelineEntries(h: History): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    ...h.partyOrganisations.map((record) => ({
      kind: 'party' as const,
      date: record.establishedOn,
      id: record.id,
      record,
    })),
    ...h.committeeTerms.map((record) => ({ kind: 'committee' as const, date: record.formedOn, id: record.id, record })),
    ...h.contracts.map((record) => ({ kind: 'property' as const, date: record.startOn, id: record.id, record })),
    ...h.evaluations.map((record) => ({
      kind: 'evaluation' as const,
      date: record.evaluatedOn,
      id: record.id,
      record,
    })),
    ...h.meetings.map((record) => ({ kind: 'meeting' as const, date: record.heldOn, id: record.id, record })),
    ...h.issues.map((record) => ({ kind: 'issue' as const, date: record.openedOn, id: record.id, record })),
    ...h.petitions.map((record) => ({ kind: 'petition' as const, date: record.receivedOn, id: record.id, record })),
  ];
  const order = (kind: RecordKind) => RECORD_KINDS.indexOf(kind);
  return entries.sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : order(a.kind) - order(b.kind) || b.id - a.id,
  );
}

export function countByKind(entries: readonly TimelineEntry[]): Record<RecordKind, number> {
  const counts = Object.fromEntries(RECORD_KINDS.map((k) => [k, 0])) as Record<RecordKind, number>;
  for (const e of entries) counts[e.kind] += 1;
  return counts;
}

/** Entries grouped by calendar year, newest year first (entries already newest first). */
export function byYear(entries: readonly TimelineEntry[]): { year: string; entries: TimelineEntry[] }[] {
  const groups: { year: string; entries: TimelineEntry[] }[] = [];
  for (const e of entries) {
    const year = e.date.slice(0, 4);
    const last = groups[groups.length - 1];
    if (last?.year === year) last.entries.push(e);
    else groups.push({ year, entries: [e] });
  }
  return groups;
}

/** The `show` URL parameter: the record kinds shown, comma-separated; absent = all. */
export function parseKinds(raw: string | null): RecordKind[] | undefined {
  if (raw === null) return undefined;
  const kinds = raw.split(',');
  if (kinds.length === 0 || kinds.some((k) => !(RECORD_KINDS as readonly string[]).includes(k))) return undefined;
  return RECORD_KINDS.filter((k) => kinds.includes(k));
}

export function serialiseKinds(kinds: readonly RecordKind[]): string | null {
  return kinds.length === RECORD_KINDS.length ? null : kinds.join(',');
}

/** Meetings, resident issues and petitions per calendar month ('YYYY-MM') from `from` to `to`. */
export function monthlyActivity(
  entries: readonly TimelineEntry[],
  from: string,
  to: string,
): { month: string; meeting: number; issue: number; petition: number }[] {
  const months: { month: string; meeting: number; issue: number; petition: number }[] = [];
  const index = new Map<string, number>();
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) break;
    index.set(month, months.length);
    months.push({ month, meeting: 0, issue: 0, petition: 0 });
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  for (const e of entries) {
    if (e.kind !== 'meeting' && e.kind !== 'issue' && e.kind !== 'petition') continue;
    const i = index.get(e.date.slice(0, 7));
    if (i !== undefined) months[i]![e.kind] += 1;
  }
  return months;
}
