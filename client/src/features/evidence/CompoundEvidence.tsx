/** The compound file's evidence, for those allowed to see its township's (nothing is asked for otherwise). */
import { canEditTownship, useMe } from '../auth/session.ts';
import { EvidenceGallery } from './EvidenceGallery.tsx';
import { maySeeEvidence } from './maySeeEvidence.ts';

export function CompoundEvidence({ compoundCode, townshipCode }: { compoundCode: string; townshipCode: string }) {
  const me = useMe().data;
  if (!maySeeEvidence(me, townshipCode)) return null;
  return <EvidenceGallery scope={{ compoundCode }} canRemove={canEditTownship(me, townshipCode)} />;
}
