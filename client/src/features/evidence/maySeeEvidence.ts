import type { Me } from '../auth/session.ts';

/** As the server decides (services/evidence/access.ts): staff see their own township's evidence, the city's roles all. */
export function maySeeEvidence(me: Me | null | undefined, townshipCode: string): boolean {
  if (!me) return false;
  return me.role !== 'township_staff' || me.townshipCode === townshipCode;
}
