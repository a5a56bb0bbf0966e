/**
 * Evidence files: stored (type from the first bytes, ≤ 10 MB, EXIF time and place kept, doubtful
 * photos flagged), listed, read and removed. Adding and removing is for those who may edit the
 * township's records; reading for those who may see its evidence (access.ts). Every upload and
 * removal is audited in the same transaction; refusals are audited by the caller (ForbiddenError).
 */
import { PLACE_WORDS } from '../compounds/placeWords.ts';
import { EVIDENCE_WORDS } from './evidenceWords.ts';
import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import { z } from 'zod';
import {
  ATTACHMENT_OWNER_KINDS,
  attachments,
  compounds,
  type AttachmentOwnerKind,
} from '../../../data/schema/index.ts';
import { evidenceFlags, MAX_EVIDENCE_BYTES, megabytes, sniffMediaType } from '../../../shared/evidence/evidence.ts';
import type { Db } from '../../db/connection.ts';
import { writeAudit } from '../audit/auditLog.ts';
import type { Actor } from '../auth/roles.ts';
import { assertMayEdit } from '../editing/editableCompound.ts';
import { BadInputError } from '../errors.ts';
import { assertMaySeeEvidence } from './access.ts';
import { readPhotoExif } from './exif.ts';
import { resolveOwner } from './owners.ts';

/** The text fields sent beside the file (all strings: they come in a FormData). */
export const uploadFields = z.object({
  ownerKind: z.enum(ATTACHMENT_OWNER_KINDS, { error: '佐证材料所属记录的类型无效' }),
  ownerId: z.coerce
    .number({ error: '记录编号应为正整数' })
    .int('记录编号应为正整数')
    .positive('记录编号应为正整数')
    .max(2_147_483_647, '记录编号无效'),
  stage: z.string().max(20, '环节名称过长').optional(),
  /** What the phone read from the photo before shrinking it (the shrunk copy has no EXIF). */
  takenAt: z.iso.datetime({ offset: true, error: '拍摄时间格式无效' }).optional(),
  lon: z.coerce.number({ error: '拍摄经度无效' }).min(-180, '拍摄经度无效').max(180, '拍摄经度无效').optional(),
  lat: z.coerce.number({ error: '拍摄纬度无效' }).min(-90, '拍摄纬度无效').max(90, '拍摄纬度无效').optional(),
});
export type UploadFields = z.output<typeof uploadFields>;

/** What a list shows of a file: everything but its bytes, and its address. */
const { data: _data, ...META } = getTableColumns(attachments);
export type AttachmentMeta = Omit<typeof attachments.$inferSelect, 'data'> & {
  url: string;
  compoundCode: string | null;
  compoundName: string | null;
};

export const attachmentUrl = (id: string) => `/api/attachments/${id}`;

export async function uploadAttachment(
  db: Db,
  actor: Actor,
  input: UploadFields & { file: { name: string; data: Uint8Array } },
): Promise<AttachmentMeta> {
  const { file } = input;
  // Cheap checks first: nothing about the owner is looked up for a file that cannot be stored.
  if (file.data.length > MAX_EVIDENCE_BYTES)
    throw new BadInputError(EVIDENCE_WORDS.tooLarge(megabytes(file.data.length)));
  const mediaType = sniffMediaType(file.data);
  if (!mediaType) throw new BadInputError(EVIDENCE_WORDS.notAllowedType(file.name));
  const stage = input.stage ?? null;
  const owner = await resolveOwner(db, input.ownerKind, input.ownerId, stage);
  assertMayEdit(actor, owner.townshipCode, 'attachments', `${input.ownerKind}:${input.ownerId}`, {
    action: 'insert',
  });

  const fromFile = mediaType === 'application/pdf' ? null : await readPhotoExif(file.data);
  const fileHasExif = fromFile !== null && (fromFile.takenAt !== null || fromFile.lat !== null);
  const taken = fileHasExif
    ? fromFile
    : {
        takenAt: input.takenAt ? new Date(input.takenAt) : null,
        lon: input.lon !== undefined && input.lat !== undefined ? input.lon : null,
        lat: input.lon !== undefined && input.lat !== undefined ? input.lat : null,
      };
  const sent = taken.takenAt !== null || taken.lat !== null;
  const flags = evidenceFlags({ at: taken.takenAt, lon: taken.lon, lat: taken.lat }, owner);

  const row = {
    id: randomUUID(),
    ownerKind: input.ownerKind,
    ownerId: input.ownerId,
    stage,
    compoundId: owner.compound?.id ?? null,
    townshipCode: owner.townshipCode,
    mediaType,
    fileName: file.name.slice(0, 200),
    byteSize: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    data: file.data,
    takenAt: taken.takenAt,
    takenLon: taken.lon,
    takenLat: taken.lat,
    exifSource: fileHasExif ? 'file' : sent ? 'client' : null,
    flags,
    uploadedBy: actor.userId,
  };
  return db.transaction(async (tx) => {
    const [saved] = await tx.insert(attachments).values(row).returning(META);
    const meta = {
      ...saved!,
      url: attachmentUrl(saved!.id),
      compoundCode: owner.compound?.code ?? null,
      compoundName: owner.compound?.name ?? null,
    };
    await writeAudit(tx, actor, {
      action: 'insert',
      tableName: 'attachments',
      recordId: saved!.id,
      after: { ...meta, owner: owner.label },
    });
    return meta;
  });
}

/** The files of a compound, or of a township (newest first, at most `limit`), without their bytes. */
export async function listAttachments(
  db: Db,
  actor: Actor,
  scope: { compoundCode: string } | { townshipCode: string },
  limit = 60,
): Promise<AttachmentMeta[]> {
  let townshipCode: string;
  if ('compoundCode' in scope) {
    const [c] = await db
      .select({ townshipCode: compounds.townshipCode })
      .from(compounds)
      .where(eq(compounds.code, scope.compoundCode));
    if (!c) throw new BadInputError(PLACE_WORDS.unknownCompound(scope.compoundCode));
    townshipCode = c.townshipCode;
  } else townshipCode = scope.townshipCode;
  assertMaySeeEvidence(actor, townshipCode, 'compoundCode' in scope ? scope.compoundCode : townshipCode);
  const rows = await db
    .select({ ...META, compoundCode: compounds.code, compoundName: compounds.name })
    .from(attachments)
    .leftJoin(compounds, eq(compounds.id, attachments.compoundId))
    .where(
      'compoundCode' in scope
        ? and(eq(attachments.townshipCode, townshipCode), eq(compounds.code, scope.compoundCode))
        : eq(attachments.townshipCode, townshipCode),
    )
    .orderBy(desc(attachments.uploadedAt), desc(attachments.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, url: attachmentUrl(r.id) }));
}

/** The files of one record (a meeting, an issue), for the record's own view. */
export async function attachmentsOf(db: Db, kind: AttachmentOwnerKind, ownerId: number) {
  return db
    .select(META)
    .from(attachments)
    .where(and(eq(attachments.ownerKind, kind), eq(attachments.ownerId, ownerId)));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A file's bytes for the actor, or null when there is no such file; ForbiddenError for another township's. */
export async function readAttachment(db: Db, actor: Actor, id: string) {
  if (!UUID.test(id)) return null;
  const [row] = await db
    .select({
      id: attachments.id,
      townshipCode: attachments.townshipCode,
      mediaType: attachments.mediaType,
      fileName: attachments.fileName,
      data: attachments.data,
    })
    .from(attachments)
    .where(eq(attachments.id, id));
  if (!row) return null;
  assertMaySeeEvidence(actor, row.townshipCode, id);
  return row;
}

export async function removeAttachment(db: Db, actor: Actor, id: string): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    const [row] = UUID.test(id)
      ? await tx.select(META).from(attachments).where(eq(attachments.id, id)).for('update')
      : [];
    if (!row) throw new BadInputError(EVIDENCE_WORDS.goneOrDeleted);
    assertMayEdit(actor, row.townshipCode, 'attachments', id, { action: 'delete' });
    await tx.delete(attachments).where(eq(attachments.id, id));
    await writeAudit(tx, actor, { action: 'delete', tableName: 'attachments', recordId: id, before: row });
    return { id };
  });
}
