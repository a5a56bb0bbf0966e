/**
 * Evidence (佐证材料) attached to a record: a photo of a 四方联席 meeting, a signed attendance sheet,
 * a committee's election notice, a scan closing an issue. The file's bytes are kept in the database
 * (bytea) so that a backup carries them and a restore brings them back with the records.
 *
 * The owner is polymorphic (owner_kind + owner_id, no foreign key): a meeting, a committee term, an
 * issue's stage, and a supervision answer (made by the supervision items). The compound (when the
 * owner has one) and the township are kept beside it, so that reading a file checks the township
 * without looking at the owner again.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  customType,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { users } from './admin.ts';
import { compounds } from './compounds.ts';

/** Kept as text with a check, not an enum: a new kind of owner is one migration changing the check. */
export const ATTACHMENT_OWNER_KINDS = ['meeting', 'committee_term', 'issue_stage', 'supervision_answer'] as const;
export type AttachmentOwnerKind = (typeof ATTACHMENT_OWNER_KINDS)[number];

export const ATTACHMENT_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
});

export const attachments = pgTable(
  'attachments',
  {
    /** A random UUID: the file's address (/api/attachments/<id>) says nothing about other files. */
    id: text('id').primaryKey(),
    ownerKind: text('owner_kind').$type<AttachmentOwnerKind>().notNull(),
    ownerId: integer('owner_id').notNull(),
    /** For an issue: the stage the evidence belongs to (accepted … revisited); null otherwise. */
    stage: text('stage'),
    compoundId: integer('compound_id').references(() => compounds.id, { onDelete: 'cascade' }),
    townshipCode: text('township_code').notNull(),
    /** Decided from the file's first bytes, never from its name or the browser's word. */
    mediaType: text('media_type').$type<AttachmentMediaType>().notNull(),
    fileName: text('file_name').notNull(),
    byteSize: integer('byte_size').notNull(),
    sha256: text('sha256').notNull(),
    data: bytea('data').notNull(),
    /** When the photo was taken (EXIF), as an instant; the camera's clock read in Asia/Shanghai. */
    takenAt: timestamp('taken_at', { withTimezone: true }),
    /** Where (EXIF GPS), WGS84 degrees. */
    takenLon: doublePrecision('taken_lon'),
    takenLat: doublePrecision('taken_lat'),
    /** 'file': read from the stored file; 'client': sent by the phone, read before it shrank the photo. */
    exifSource: text('exif_source'),
    /** Why the evidence looks doubtful (far from the compound, long before or after the record's date), in Chinese. */
    flags: jsonb('flags').$type<string[]>().notNull().default([]),
    uploadedBy: integer('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'attachments_owner_kind_known',
      sql`${t.ownerKind} in ('meeting', 'committee_term', 'issue_stage', 'supervision_answer')`,
    ),
    check(
      'attachments_media_type_allowed',
      sql`${t.mediaType} in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')`,
    ),
    check('attachments_size_limit', sql`${t.byteSize} > 0 and ${t.byteSize} <= 10485760`),
    index('attachments_owner_idx').on(t.ownerKind, t.ownerId),
    index('attachments_compound_idx').on(t.compoundId, t.uploadedAt),
    index('attachments_township_idx').on(t.townshipCode, t.uploadedAt),
  ],
);
