/**
 * Who may see a township's evidence. The city's figures are for every reader, but the photos and
 * scans behind a township's records are its own: township staff see their own township's only;
 * the city's roles (leader, analyst, administrators) every township's. A wall screen's display
 * token sees none: it is not a person, and the wall shows figures only.
 */
import { EVIDENCE_WORDS } from './evidenceWords.ts';
import type { Actor } from '../auth/roles.ts';
import { can } from '../auth/roles.ts';
import { ForbiddenError } from '../errors.ts';

export function maySeeEvidence(actor: Actor, townshipCode: string): boolean {
  if (actor.via !== 'session' || !can(actor.role, 'read')) return false;
  if (actor.role === 'township_staff') return actor.townshipCode === townshipCode;
  return true;
}

export function assertMaySeeEvidence(actor: Actor, townshipCode: string, record: string): void {
  if (maySeeEvidence(actor, townshipCode)) return;
  throw new ForbiddenError(
    actor.role === 'township_staff' ? EVIDENCE_WORDS.onlyOwnTownship : EVIDENCE_WORDS.mayNotSee,
    {
      tableName: 'attachments',
      recordId: record,
      detail: { townshipOfRecord: townshipCode },
    },
  );
}
