/**
 * Sending one record and its evidence: the record first (its id names the evidence's owner), then
 * each file. Progress is reported after every step, so that a record sent but whose photos were cut
 * off by the network is not recorded twice when the queue tries again: only the rest goes.
 */
import { TRPCClientError } from '@trpc/client';
import { trpcClient } from '../../app/trpc.ts';
import type { IssueStage } from '../../../../shared/issues/issueStages.ts';
import type { EvidenceFile } from '../evidence/prepareEvidence.ts';

export type RecordKind = 'meeting' | 'committeeStart' | 'committeeEnd' | 'issue';

export interface MeetingDraft {
  compoundCode: string;
  heldOn: string;
  attendees: number;
  topics: string;
  problemsResolved: number;
}
export interface CommitteeStartDraft {
  compoundCode: string;
  formedOn: string;
  members: number;
  partyMembers: number;
  chairIsPartySecretary: boolean;
}
export interface CommitteeEndDraft {
  termId: number;
  endedOn: string;
}
export interface IssueDraft {
  issueId: number;
  /** Any stage but the first: an issue is accepted when it is recorded. */
  to: Exclude<IssueStage, 'accepted'>;
  on: string;
}

export type RecordDraft =
  | { kind: 'meeting'; input: MeetingDraft }
  | { kind: 'committeeStart'; input: CommitteeStartDraft }
  | { kind: 'committeeEnd'; input: CommitteeEndDraft }
  | { kind: 'issue'; input: IssueDraft };

/** A record on its way: what was typed, the files, and how far it got. */
export type PendingRecord = RecordDraft & {
  files: EvidenceFile[];
  /** Set once the record itself is saved: the id its evidence is attached to. */
  ownerId?: number;
  /** How many of the files are stored. */
  uploaded: number;
};

async function saveRecord(draft: RecordDraft): Promise<number> {
  switch (draft.kind) {
    case 'meeting':
      return (await trpcClient.editing.recordMeeting.mutate(draft.input)).id;
    case 'committeeStart':
      return (await trpcClient.editing.startCommitteeTerm.mutate(draft.input)).id;
    case 'committeeEnd':
      await trpcClient.editing.endCommitteeTerm.mutate(draft.input);
      return draft.input.termId;
    case 'issue':
      await trpcClient.editing.advanceIssue.mutate(draft.input);
      return draft.input.issueId;
  }
}

function ownerOf(draft: RecordDraft): { ownerKind: string; stage?: string } {
  switch (draft.kind) {
    case 'meeting':
      return { ownerKind: 'meeting' };
    case 'committeeStart':
      return { ownerKind: 'committee_term', stage: 'formed' };
    case 'committeeEnd':
      return { ownerKind: 'committee_term', stage: 'ended' };
    case 'issue':
      return { ownerKind: 'issue_stage', stage: draft.input.to };
  }
}

export async function uploadEvidence(draft: RecordDraft, ownerId: number, file: EvidenceFile): Promise<void> {
  const owner = ownerOf(draft);
  const form = new FormData();
  form.append('file', new File([file.blob], file.name, { type: file.blob.type }));
  form.append('ownerKind', owner.ownerKind);
  form.append('ownerId', String(ownerId));
  if (owner.stage) form.append('stage', owner.stage);
  if (file.takenAt) form.append('takenAt', file.takenAt);
  if (file.lat !== undefined && file.lon !== undefined) {
    form.append('lat', String(file.lat));
    form.append('lon', String(file.lon));
  }
  await trpcClient.attachments.upload.mutate(form);
}

/** Sends what is left of `pending`; `progress` is told each step done. Throws what the request threw. */
export async function sendRecord(
  pending: PendingRecord,
  progress: (next: PendingRecord) => Promise<void> | void,
): Promise<PendingRecord> {
  let state = pending;
  if (state.ownerId === undefined) {
    state = { ...state, ownerId: await saveRecord(state) };
    await progress(state);
  }
  while (state.uploaded < state.files.length) {
    await uploadEvidence(state, state.ownerId!, state.files[state.uploaded]!);
    state = { ...state, uploaded: state.uploaded + 1 };
    await progress(state);
  }
  return state;
}

/**
 * Whether the request never got an answer (offline, the connection dropped, the server down or a
 * proxy's 5xx): worth trying again later. A refusal with a reason (BAD_REQUEST, FORBIDDEN…) is not.
 */
export function isNetworkFailure(error: unknown): boolean {
  if (typeof navigator !== 'undefined' && !navigator.onLine) return true;
  if (error instanceof TRPCClientError) {
    const status = (error.data as { httpStatus?: number } | undefined)?.httpStatus;
    return status === undefined || status >= 500;
  }
  return error instanceof TypeError;
}
