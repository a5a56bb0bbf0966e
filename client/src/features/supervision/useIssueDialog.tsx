/** Opening the issue dialog for one township from a page (township page, drill-through). */
import { lazy, Suspense, useState } from 'react';
import type { SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { useMe } from '../auth/session.ts';
import type { IssueTarget } from './IssueSupervisionDialog.tsx';
import { canSupervise } from './supervisionUi.ts';

// Loaded when first opened: the drill-through is part of the dashboard's first view, its
// supervision dialog is not (the first view's JavaScript has a budget, clientBundle.test.ts).
const IssueSupervisionDialog = lazy(() =>
  import('./IssueSupervisionDialog.tsx').then((m) => ({ default: m.IssueSupervisionDialog })),
);

export function useIssueDialog(base: Omit<IssueTarget, 'topic'> | null) {
  const me = useMe();
  const [target, setTarget] = useState<IssueTarget | null>(null);
  return {
    enabled: canSupervise(me.data) && base !== null,
    open: (topic: SupervisionTopic, extra: Partial<IssueTarget> = {}) =>
      base && setTarget({ ...base, topic, ...extra }),
    dialog: target && (
      <Suspense fallback={null}>
        <IssueSupervisionDialog target={target} onClose={() => setTarget(null)} />
      </Suspense>
    ),
  };
}
