/**
 * Evidence and a bad network on a phone (issue #19, parts 5 and 6), at 390×844 with touch: township
 * staff record a meeting with two photos (JPEGs with EXIF time and GPS, one taken far away and days
 * before), shrunk on the phone; the thumbnails show on the township page and in the compound file
 * with the time taken and a mark on the doubtful one. Offline, a second meeting waits as 待上传 and
 * is sent, photo included, when the phone is back online. Nothing scrolls sideways.
 */
import { and, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as schema from '../../data/schema/index.ts';
import { DEMO_ACCOUNTS } from '../../server/services/auth/demoAccounts.ts';
import { activeCity } from '../../server/services/city/activeCity.ts';
import { addDays } from '../../shared/time/dates.ts';
import { artifactPath, openOfflinePage, signIn, useFixtureServer } from '../support/browser.ts';
import { callerAs } from '../support/callers.ts';
import { withExif } from '../support/exifJpeg.ts';

const PHONE = { width: 390, height: 844 };

async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    if (document.documentElement.scrollWidth > window.innerWidth)
      found.push(`document ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('main *')) {
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.right > window.innerWidth + 1 && el.closest('.panel') === null)
        found.push(`${el.tagName.toLowerCase()}.${el.className} right=${Math.round(box.right)}`);
    }
    return found.slice(0, 5);
  });
}

/** A 2,600×1,950 photo (larger than the phone sends) drawn and encoded by the browser itself. */
async function cameraJpeg(page: Page, hue: number): Promise<Uint8Array> {
  const bytes = await page.evaluate(async (h) => {
    const canvas = document.createElement('canvas');
    canvas.width = 2600;
    canvas.height = 1950;
    const g = canvas.getContext('2d')!;
    g.fillStyle = `hsl(${h} 60% 45%)`;
    g.fillRect(0, 0, 2600, 1950);
    g.fillStyle = '#fff';
    g.fillRect(300, 300, 2000, 1350);
    g.fillStyle = '#333';
    g.font = '200px sans-serif';
    g.fillText('签到表', 900, 1100);
    const blob = await new Promise<Blob>((resolve) => canvas.toBlob((b) => resolve(b!), 'image/jpeg', 0.8));
    return [...new Uint8Array(await blob.arrayBuffer())];
  }, hue);
  return new Uint8Array(bytes);
}

/** 'YYYY:MM:DD HH:MM:SS' for a day at a given time, as a camera writes it. */
const cameraClock = (day: string, time: string) => `${day.replaceAll('-', ':')} ${time}`;

describe('evidence and the outbox on a phone', () => {
  const env = useFixtureServer();

  it('records a meeting with photos, shows them with their time and flag, and sends a meeting made offline once back online', async () => {
    const code = activeCity().demoStaffTownship;
    const staff = DEMO_ACCOUNTS.find((a) => a.role === 'township_staff')!;
    const records = await (await callerAs(env.database, 'township_staff')).editing.township({ code });
    const today = records.today;
    const [first, second] = records.compounds;
    const [place] = await env.database.db.select().from(schema.compounds).where(eq(schema.compounds.code, first!.code));
    const { page, context, consoleErrors } = await openOfflinePage(env.browser, PHONE.width, PHONE.height, {
      phone: true,
    });
    await signIn(page, env.server.url, staff, `/township/${code}`);
    await page.getByTestId('meeting-form').waitFor({ timeout: 30_000 });

    // Two photos from the camera: one at the compound this morning, one ~5.6 km north five days ago.
    const atCompound = withExif(await cameraJpeg(page, 200), {
      takenAt: cameraClock(today, '09:30:00'),
      lat: place!.lat,
      lon: place!.lon,
    });
    const farAway = withExif(await cameraJpeg(page, 20), {
      takenAt: cameraClock(addDays(today, -5), '16:05:00'),
      lat: place!.lat + 0.05,
      lon: place!.lon,
    });
    await page.getByTestId('meeting-compound').selectOption(first!.code);
    await page.getByTestId('meeting-topics').fill('电动车充电棚选址');
    await page.getByTestId('evidence-files').setInputFiles([
      { name: '会议现场.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(atCompound) },
      { name: '旧照片.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(farAway) },
    ]);
    const chosen = page.getByTestId('evidence-chosen');
    await expect.poll(() => chosen.count(), { timeout: 15_000 }).toBe(2);
    expect(await chosen.first().textContent()).toContain(`${today.slice(5)} 09:30`);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByTestId('meeting-form').screenshot({ path: artifactPath('phone-meeting-form-photo-390x844.png') });
    await page.getByTestId('meeting-submit').tap();
    await expect
      .poll(() => page.getByTestId('edit-saved').textContent(), { timeout: 20_000 })
      .toBe('已保存：四方联席会议');

    // Stored shrunk (long side 2,000 px), with the time and place the phone read before shrinking.
    const [meeting] = await env.database.db
      .select()
      .from(schema.meetings)
      .where(and(eq(schema.meetings.compoundId, place!.id), eq(schema.meetings.heldOn, today)));
    const stored = await env.database.db
      .select()
      .from(schema.attachments)
      .where(and(eq(schema.attachments.ownerKind, 'meeting'), eq(schema.attachments.ownerId, meeting!.id)));
    expect(stored).toHaveLength(2);
    for (const s of stored) {
      expect(s).toMatchObject({ mediaType: 'image/jpeg', exifSource: 'client', townshipCode: code });
      expect(s.byteSize).toBeLessThan(atCompound.length);
    }
    const flagged = stored.find((s) => s.flags.length > 0)!;
    expect(flagged.flags).toHaveLength(2);
    expect(stored.filter((s) => s.flags.length === 0)).toHaveLength(1);

    // The township page's thumbnails: the time taken, the doubtful one marked; full size is 2,000 px wide.
    const gallery = page.getByTestId('evidence-gallery');
    await expect.poll(() => gallery.getByTestId('evidence-thumb').count(), { timeout: 15_000 }).toBe(2);
    expect(await gallery.getByTestId('evidence-flag').count()).toBe(1);
    expect(await gallery.textContent()).toContain(`${today.slice(5)} 09:30`);
    await gallery.getByTestId('evidence-thumb').first().locator('button').tap();
    const full = page.getByTestId('evidence-viewer').locator('img');
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: 15_000 }).toBe(2000);
    await page.getByTestId('evidence-close').tap();

    // The compound file shows them too.
    await page.goto(`${env.server.url}/compound/${first!.code}`);
    const fileGallery = page.getByTestId('evidence-gallery');
    await expect.poll(() => fileGallery.getByTestId('evidence-thumb').count(), { timeout: 30_000 }).toBe(2);
    await expect
      .poll(() =>
        fileGallery.locator('img').evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toBe(true);
    expect(await fileGallery.getByTestId('evidence-flag').count()).toBe(1);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await fileGallery.getByTestId('evidence-thumb').last().scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('phone-compound-evidence-390x844.png') });

    // Offline: the next meeting waits on the phone as 待上传, photo and all.
    await page.goto(`${env.server.url}/township/${code}`);
    await page.getByTestId('meeting-form').waitFor({ timeout: 30_000 });
    await context.setOffline(true);
    // First a meeting the server will refuse (this compound's meeting today is already recorded)…
    await page.getByTestId('meeting-compound').selectOption(first!.code);
    await page.getByTestId('meeting-topics').fill('重复登记');
    await page.getByTestId('meeting-submit').tap();
    await expect.poll(() => page.getByTestId('outbox-entry').count()).toBe(1);
    // …then one it will take, with a photo.
    await page.getByTestId('meeting-compound').selectOption(second!.code);
    await page.getByTestId('meeting-topics').fill('离线登记：楼道堆物');
    await page
      .getByTestId('evidence-files')
      .setInputFiles([{ name: '离线.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(atCompound) }]);
    await expect.poll(() => page.getByTestId('evidence-chosen').count(), { timeout: 15_000 }).toBe(1);
    await page.getByTestId('meeting-submit').tap();
    await expect.poll(() => page.getByTestId('edit-queued').textContent()).toContain('已保存在本机');
    const entry = page.getByTestId('outbox-entry');
    await expect.poll(() => entry.count()).toBe(2);
    expect(await entry.allTextContents()).toEqual([
      expect.stringContaining(`待上传 ${today} ${first!.name} 四方联席会议`),
      expect.stringContaining(`待上传 ${today} ${second!.name} 四方联席会议 · 1 个附件`),
    ]);
    expect(await sidewaysOverflow(page)).toEqual([]);
    await page.getByTestId('outbox').scrollIntoViewIfNeeded();
    await page.screenshot({ path: artifactPath('phone-outbox-390x844.png') });
    const secondMeetings = () =>
      env.database.db
        .select()
        .from(schema.meetings)
        .innerJoin(schema.compounds, eq(schema.compounds.id, schema.meetings.compoundId))
        .where(and(eq(schema.compounds.code, second!.code), eq(schema.meetings.heldOn, today)));
    expect(await secondMeetings()).toHaveLength(0);

    // Back online: sent in order; the refused one stays with the server's reason, the other leaves
    // the list and its photo is stored with its meeting.
    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-error').count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => entry.count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('outbox-error').textContent()).toBe(`${first!.name}在 ${today} 已登记过四方联席会议`);
    expect(await entry.textContent()).toContain('被退回');
    await page.getByTestId('outbox').screenshot({ path: artifactPath('phone-outbox-refused.png') });
    await page.getByTestId('outbox-drop').tap();
    await expect.poll(() => entry.count()).toBe(0);
    const [sent] = await secondMeetings();
    expect(sent?.meetings.topics).toBe('离线登记：楼道堆物');
    const sentFiles = await env.database.db
      .select()
      .from(schema.attachments)
      .where(and(eq(schema.attachments.ownerKind, 'meeting'), eq(schema.attachments.ownerId, sent!.meetings.id)));
    expect(sentFiles).toHaveLength(1);
    await expect.poll(() => page.getByTestId('evidence-thumb').count(), { timeout: 15_000 }).toBe(3);

    // Offline again, the page opens from the service worker's copy, its figures marked as stale.
    await page.reload();
    await page.getByTestId('evidence-gallery').waitFor({ timeout: 30_000 });
    await context.setOffline(true);
    await page.reload();
    await page.getByTestId('township-page').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.getByTestId('offline-banner').textContent(), { timeout: 20_000 })
      .toMatch(/^离线：显示的是 \d{2}:\d{2} 的数据$/);
    expect(await page.locator('[data-testid="township-page"] h2').textContent()).toBe(records.township.name);
    await page.screenshot({ path: artifactPath('phone-offline-stale-390x844.png') });
    await context.setOffline(false);
    expect(consoleErrors.filter((e) => !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(e))).toEqual([]);
  });
});
