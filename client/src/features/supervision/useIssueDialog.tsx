/** Opening the issue dialog for one township from a page (township page, drill-through). */
import { useState } from 'react';
import type { SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { useMe } from '../auth/session.ts';
import { IssueSupervisionDialog, type IssueTarget } from './IssueSupervisionDialog.tsx';
import { canSupervise } from './supervisionUi.ts';

export function useIssueDialog(base: Omit<IssueTarget, 'topic'> | null) {
  const me = useMe();
  const [target, setTarget] = useState<IssueTarget | null>(null);
  return {
    enabled: canSupervise(me.data) && base !== null,
    open: (topic: SupervisionTopic, extra: Partial<IssueTarget> = {}) =>
      base && setTarget({ ...base, topic, ...extra }),
    dialog: target && <IssueSupervisionDialog target={target} onClose={() => setTarget(null)} />,
  };
}
