/**
 * Evidence files (issue #19, part 5): only JPEG, PNG, WebP and PDF up to 10 MB are stored (anything
 * else refused in Chinese, nothing written); the photo's EXIF time and place are kept and a photo
 * far from the compound or days from the meeting is flagged; another township's staff cannot read a
 * file by its address (403, audited); a backup and restore keeps every file byte for byte.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, isNull, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../../../data/schema/index.ts';
import { startServer, type RunningServer } from '../../../../server/http/server.ts';
import { flushRefusalSummaries } from '../../../../server/services/audit/refusalSummaries.ts';
import { SESSION_COOKIE } from '../../../../server/services/auth/sessions.ts';
import { restoreBackup } from '../../../../server/services/backup/restoreBackup.ts';
import { writeBackup } from '../../../../server/services/backup/writeBackup.ts';
import { actorAs, callerAs, TEST_TOWNSHIP, type Caller } from '../../../support/callers.ts';
import {
  availableBackends,
  openEmptyDatabase,
  openFixtureDatabase,
  type TestDatabase,
} from '../../../support/databases.ts';
import { BARE_JPEG, withExif } from '../../../support/exifJpeg.ts';

const MEETING_DAY = '2026-11-20';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
/** Every byte value, twice: what a text-minded backup would mangle (NUL, high bytes, quotes, backslashes). */
const ALL_BYTES = Uint8Array.from({ length: 512 }, (_, i) => i % 256);

function form(name: string, data: Uint8Array, fields: Record<string, string | number>): FormData {
  const f = new FormData();
  f.append('file', new File([new Uint8Array(data)], name));
  for (const [k, v] of Object.entries(fields)) f.append(k, String(v));
  return f;
}

describe.each(availableBackends())('evidence attachments (%s)', (kind) => {
  let database: TestDatabase;
  let staff: Caller;
  let compound: typeof schema.compounds.$inferSelect | undefined;
  let otherCompound: typeof schema.compounds.$inferSelect | undefined;
  let meetingId: number;
  let otherMeetingId: number;
  let server: RunningServer;

  const attachmentCount = async () => (await database.db.select().from(schema.attachments)).length;

  beforeAll(async () => {
    database = await openFixtureDatabase(kind);
    staff = await callerAs(database, 'township_staff');
    [compound] = await database.db
      .select()
      .from(schema.compounds)
      .where(eq(schema.compounds.townshipCode, TEST_TOWNSHIP))
      .limit(1);
    [otherCompound] = await database.db
      .select()
      .from(schema.compounds)
      .where(ne(schema.compounds.townshipCode, TEST_TOWNSHIP))
      .limit(1);
    const insertMeeting = async (compoundId: number) => {
      await database.db
        .delete(schema.meetings)
        .where(and(eq(schema.meetings.compoundId, compoundId), eq(schema.meetings.heldOn, MEETING_DAY)));
      const [m] = await database.db
        .insert(schema.meetings)
        .values({ compoundId, heldOn: MEETING_DAY, attendees: 9 })
        .returning();
      return m!.id;
    };
    meetingId = await insertMeeting(compound!.id);
    otherMeetingId = await insertMeeting(otherCompound!.id);
    server = await startServer({ database, port: 0 });
  });
  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  it('refuses a file of another type or above 10 MB with a Chinese message, and stores nothing', async () => {
    const before = await attachmentCount();
    const fields = { ownerKind: 'meeting', ownerId: meetingId };
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    await expect(staff.attachments.upload(form('会议照片.jpg', exe, fields))).rejects.toThrow(
      '文件 会议照片.jpg 不是 JPEG、PNG、WebP 图片或 PDF，不能作为佐证材料',
    );
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    await expect(staff.attachments.upload(form('签到表.pdf', html, fields))).rejects.toThrow(
      /不是 JPEG、PNG、WebP 图片或 PDF/,
    );
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    await expect(staff.attachments.upload(form('大照片.jpg', big, fields))).rejects.toThrow(
      '文件过大（10.0 MB）：每个佐证材料最大 10 MB',
    );
    // Another township's meeting: refused before anything is stored.
    await expect(
      staff.attachments.upload(form('照片.jpg', BARE_JPEG, { ownerKind: 'meeting', ownerId: otherMeetingId })),
    ).rejects.toThrow('只能编辑本镇街小区的记录');
    expect(await attachmentCount()).toBe(before);
  });

  it('keeps the EXIF time and place of a photo, and flags one taken far away or days from the meeting', async () => {
    // Taken at the compound at 10:30 on the meeting's day (camera clock, Asia/Shanghai).
    const good = withExif(BARE_JPEG, { takenAt: '2026:11:20 10:30:00', lat: compound!.lat, lon: compound!.lon });
    const ok = await staff.attachments.upload(form('会议.jpg', good, { ownerKind: 'meeting', ownerId: meetingId }));
    expect(ok).toMatchObject({ mediaType: 'image/jpeg', exifSource: 'file', flags: [], townshipCode: TEST_TOWNSHIP });
    expect(ok.takenAt?.toISOString()).toBe('2026-11-20T02:30:00.000Z');
    expect(ok.takenLat).toBeCloseTo(compound!.lat, 4);
    expect(ok.takenLon).toBeCloseTo(compound!.lon, 4);

    // 0.05° of latitude north (≈ 5.6 km) and a week before the meeting.
    const far = withExif(BARE_JPEG, { takenAt: '2026:11:13 09:00:00', lat: compound!.lat + 0.05, lon: compound!.lon });
    const flagged = await staff.attachments.upload(form('远处.jpg', far, { ownerKind: 'meeting', ownerId: meetingId }));
    expect(flagged.flags).toHaveLength(2);
    expect(flagged.flags[0]).toMatch(new RegExp(`^拍摄位置距${compound!.name}约 5\\.6 公里（超过 1 公里）$`));
    expect(flagged.flags[1]).toBe('拍摄时间 2026-11-13 09:00 与会议日期 2026-11-20 相差 7 天（超过 2 天）');

    // A shrunk photo has no EXIF left: the values the phone read before shrinking it are kept.
    const shrunk = await staff.attachments.upload(
      form('缩小.png', PNG, {
        ownerKind: 'meeting',
        ownerId: meetingId,
        takenAt: '2026-11-23T20:00:00+08:00',
        lat: compound!.lat,
        lon: compound!.lon,
      }),
    );
    expect(shrunk).toMatchObject({ mediaType: 'image/png', exifSource: 'client' });
    expect(shrunk.flags).toEqual(['拍摄时间 2026-11-23 20:00 与会议日期 2026-11-20 相差 3 天（超过 2 天）']);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tableName, 'attachments'), eq(schema.auditLog.recordId, ok.id)));
    expect(audit.map((a) => a.action)).toEqual(['insert']);
  });

  it("serves a file to its township's staff and the city's roles, and refuses other townships' staff (403, audited)", async () => {
    const pdf = await staff.attachments.upload(form('签到表.pdf', PDF, { ownerKind: 'meeting', ownerId: meetingId }));
    const cookie = async (role: 'township_staff' | 'leader', townshipCode?: string) =>
      `${SESSION_COOKIE}=${(await actorAs(database, role, townshipCode ? { townshipCode } : {})).token}`;
    const own = await fetch(server.url + pdf.url, { headers: { cookie: await cookie('township_staff') } });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-type')).toBe('application/pdf');
    expect(own.headers.get('x-content-type-options')).toBe('nosniff');
    expect(own.headers.get('content-disposition')).toMatch(
      /^inline; filename=.*filename\*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8\.pdf$/,
    );
    expect(new Uint8Array(await own.arrayBuffer())).toEqual(PDF);
    expect((await fetch(server.url + pdf.url, { headers: { cookie: await cookie('leader') } })).status).toBe(200);
    expect((await fetch(server.url + pdf.url)).status, 'nobody signed in').toBe(401);

    const stranger = await actorAs(database, 'township_staff', { townshipCode: otherCompound!.townshipCode });
    const refused = await fetch(server.url + pdf.url, { headers: { cookie: `${SESSION_COOKIE}=${stranger.token}` } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('只能查看本镇街的佐证材料');
    await flushRefusalSummaries(database.db);
    const [row] = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'forbidden'), eq(schema.auditLog.recordId, pdf.id)));
    expect(row).toMatchObject({ tableName: 'attachments', userId: stranger.actor.userId });
    // Nor through the list of that compound.
    const strangerCaller = await callerAs(database, 'township_staff', { townshipCode: otherCompound!.townshipCode });
    await expect(strangerCaller.attachments.list({ compoundCode: compound!.code })).rejects.toThrow(
      '只能查看本镇街的佐证材料',
    );
    // A made-up address finds nothing.
    const guessed = await fetch(`${server.url}/api/attachments/${crypto.randomUUID()}`, {
      headers: { cookie: await cookie('township_staff') },
    });
    expect(guessed.status).toBe(404);
  });

  it("lists a compound's files for its staff, and removes one (audited) for them only", async () => {
    const listed = await staff.attachments.list({ compoundCode: compound!.code });
    expect(listed.length).toBeGreaterThanOrEqual(4);
    expect(listed.every((a) => a.compoundCode === compound!.code && a.url === `/api/attachments/${a.id}`)).toBe(true);
    const [first] = listed;
    const stranger = await callerAs(database, 'township_staff', { townshipCode: otherCompound!.townshipCode });
    await expect(stranger.attachments.remove({ id: first!.id })).rejects.toThrow('只能编辑本镇街小区的记录');
    const analyst = await callerAs(database, 'analyst');
    await expect(analyst.attachments.remove({ id: first!.id })).rejects.toThrow(/需要“编辑记录”权限/);
    await staff.attachments.remove({ id: first!.id });
    expect((await staff.attachments.list({ compoundCode: compound!.code })).map((a) => a.id)).not.toContain(first!.id);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.tableName, 'attachments'), eq(schema.auditLog.recordId, first!.id)));
    expect(audit.filter((a) => a.action !== 'forbidden').map((a) => a.action)).toEqual(['insert', 'delete']);
    await flushRefusalSummaries(database.db);
    const refusals = await database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, 'forbidden'), eq(schema.auditLog.recordId, first!.id)));
    expect(refusals.some((r) => (r.after as { procedure?: string } | null)?.procedure === 'attachments.remove')).toBe(
      true,
    );
  });

  it("attaches to an issue's stage (only one it has reached) and to a committee term", async () => {
    const inTownship = eq(schema.compounds.townshipCode, TEST_TOWNSHIP);
    const [found] = await database.db
      .select({ issue: schema.residentIssues })
      .from(schema.residentIssues)
      .innerJoin(schema.compounds, eq(schema.compounds.id, schema.residentIssues.compoundId))
      .where(and(inTownship, isNull(schema.residentIssues.revisitedOn)))
      .limit(1);
    const issue = found!.issue;
    const opened = await staff.attachments.upload(
      form('受理单.pdf', PDF, { ownerKind: 'issue_stage', ownerId: issue.id, stage: 'accepted' }),
    );
    expect(opened).toMatchObject({ stage: 'accepted', townshipCode: TEST_TOWNSHIP, flags: [] });
    await expect(
      staff.attachments.upload(
        form('回访.pdf', PDF, { ownerKind: 'issue_stage', ownerId: issue.id, stage: 'revisited' }),
      ),
    ).rejects.toThrow(`诉求 #${issue.id} 尚未到“回访”环节`);
    await expect(
      staff.attachments.upload(form('x.pdf', PDF, { ownerKind: 'issue_stage', ownerId: issue.id, stage: 'done' })),
    ).rejects.toThrow('诉求环节应为 受理、派单、办理中、办结、回访 之一');
    const [term] = await database.db
      .select({ id: schema.committeeTerms.id })
      .from(schema.committeeTerms)
      .innerJoin(schema.compounds, eq(schema.compounds.id, schema.committeeTerms.compoundId))
      .where(inTownship)
      .limit(1);
    const notice = await staff.attachments.upload(
      form('选举公告.pdf', PDF, { ownerKind: 'committee_term', ownerId: term!.id, stage: 'formed' }),
    );
    expect(notice).toMatchObject({ ownerKind: 'committee_term', ownerId: term!.id, townshipCode: TEST_TOWNSHIP });
    // A supervision answer's evidence belongs to the item's township: its staff may add it, others may not.
    const [own, other] = await database.db
      .insert(schema.supervisionItems)
      .values(
        [TEST_TOWNSHIP, otherCompound!.townshipCode].map((townshipCode) => ({
          townshipCode,
          compoundCodes: [],
          task: '组织召开四方联席会议',
          deadline: '2099-12-31',
          issuedByName: '测试',
          source: 'manual' as const,
        })),
      )
      .returning();
    const answer = await staff.attachments.upload(
      form('答复.pdf', PDF, { ownerKind: 'supervision_answer', ownerId: own!.id }),
    );
    expect(answer).toMatchObject({ ownerKind: 'supervision_answer', ownerId: own!.id, townshipCode: TEST_TOWNSHIP });
    const before = await attachmentCount();
    await expect(
      staff.attachments.upload(form('答复.pdf', PDF, { ownerKind: 'supervision_answer', ownerId: other!.id })),
    ).rejects.toThrow();
    await expect(
      staff.attachments.upload(form('答复.pdf', PDF, { ownerKind: 'supervision_answer', ownerId: 999_999 })),
    ).rejects.toThrow('未知督办事项');
    expect(await attachmentCount()).toBe(before);
  });

  it('keeps every file byte for byte through a backup and restore', async () => {
    await staff.attachments.upload(
      form('全字节.png', new Uint8Array([...PNG, ...ALL_BYTES]), { ownerKind: 'meeting', ownerId: meetingId }),
    );
    const stored = await database.db.select().from(schema.attachments);
    expect(stored.length).toBeGreaterThanOrEqual(4);
    const path = join(mkdtempSync(join(tmpdir(), 'onemap-evidence-')), 'backup.jsonl.gz');
    await writeBackup(database.db, kind, path);
    const target = await openEmptyDatabase(kind);
    try {
      await restoreBackup(target.db, path, { force: false });
      const restored = await target.db.select().from(schema.attachments);
      const byId = new Map(restored.map((r) => [r.id, r]));
      expect(restored).toHaveLength(stored.length);
      for (const s of stored) {
        const r = byId.get(s.id)!;
        expect(Buffer.from(r.data).equals(Buffer.from(s.data)), s.fileName).toBe(true);
        expect(createHash('sha256').update(r.data).digest('hex')).toBe(s.sha256);
        expect({ ...r, data: null }).toEqual({ ...s, data: null });
      }
    } finally {
      await target.dispose();
    }
  }, 180_000);
});
