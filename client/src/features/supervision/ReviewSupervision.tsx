/**
 * The review board's 督办 controls: one click opens a prefilled item for a township's row or a
 * black-list entry; ticking rows and entries gathers a batch (one item per township) issued in
 * one go. Only for the 'supervise' permission; ReviewPage places the pieces.
 */
import { useState } from 'react';
import type { SupervisionTopic } from '../../../../shared/supervision/index.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useMe } from '../auth/session.ts';
import { IssueBatchDialog, type BatchEntry } from './IssueBatchDialog.tsx';
import { IssueSupervisionDialog, type IssueTarget } from './IssueSupervisionDialog.tsx';
import { canSupervise } from './supervisionUi.ts';
import './supervision.css';

export interface ReviewSupervision {
  enabled: boolean;
  picked: ReadonlyMap<string, BatchEntry>;
  issue(entry: BatchEntry, sourceRef: string): void;
  toggle(entry: BatchEntry): void;
}

export function useReviewSupervision(week: string) {
  const me = useMe();
  const [target, setTarget] = useState<IssueTarget | null>(null);
  const [picked, setPicked] = useState<ReadonlyMap<string, BatchEntry>>(new Map());
  const [batchOpen, setBatchOpen] = useState(false);
  const control: ReviewSupervision = {
    enabled: canSupervise(me.data),
    picked,
    issue: (e, sourceRef) => setTarget({ ...e, reviewWeek: week, laggingWeek: week, sourceRef }),
    toggle: (e) =>
      setPicked((prev) => {
        const next = new Map(prev);
        if (next.has(e.townshipCode)) next.delete(e.townshipCode);
        else next.set(e.townshipCode, e);
        return next;
      }),
  };
  const dialogs = (
    <>
      {target && <IssueSupervisionDialog target={target} onClose={() => setTarget(null)} />}
      {batchOpen && (
        <IssueBatchDialog
          entries={[...picked.values()]}
          reviewWeek={week}
          onClose={() => setBatchOpen(false)}
          onIssued={() => setPicked(new Map())}
        />
      )}
    </>
  );
  return { control, dialogs, openBatch: () => setBatchOpen(true) };
}

/** A township's 督办 button and its batch tick box (on a board row or a black-list entry). */
export function SuperviseControls({
  control,
  code,
  name,
  topic,
  sourceRef,
  testId,
}: {
  control: ReviewSupervision;
  code: string;
  name: string;
  topic: SupervisionTopic;
  sourceRef: string;
  testId: string;
}) {
  const { t } = useI18n();
  if (!control.enabled) return null;
  const entry = { townshipCode: code, townshipName: name, topic };
  return (
    <span className="sv-controls">
      <input
        type="checkbox"
        checked={control.picked.has(code)}
        onChange={() => control.toggle(entry)}
        aria-label={`${t('supervision.pick')}${t('punct.colon')}${name}`}
        data-testid={`${testId}-pick`}
      />
      <button
        type="button"
        className="button sv-issue"
        title={t('supervision.issueHint')}
        onClick={() => control.issue(entry, sourceRef)}
        data-testid={testId}
        data-code={code}
      >
        {t('supervision.issueButton')}
      </button>
    </span>
  );
}

export function BatchButton({ control, onOpen }: { control: ReviewSupervision; onOpen(): void }) {
  const { t } = useI18n();
  if (!control.enabled || control.picked.size === 0) return null;
  return (
    <button type="button" className="button primary" onClick={onOpen} data-testid="sv-batch-open">
      {t('supervision.batchButton', { count: control.picked.size })}
    </button>
  );
}
