// Screenshots for the 督办 UI report (not a test): node tests/artifacts-su-shots.mjs
import { chromium } from 'playwright-core';
const BASE = 'http://127.0.0.1:5407';
const OUT = '/tmp/su-shots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function open(w, h, user, pass, next, phone = false) {
  const ctx = await browser.newContext({
    viewport: { width: w, height: h },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {}),
  });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console', m.text()));
  await page.goto(`${BASE}/login?next=${encodeURIComponent(next)}`);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(pass);
  await page.getByTestId('login-submit').click();
  await page.waitForSelector('[data-testid="user-menu"]', { state: 'attached' });
  return { ctx, page };
}
const step = process.argv[2] ?? 'all';
const week = process.argv[3] ?? '';
const { ctx, page } = await open(1920, 1080, 'demo-analyst', 'analyst-demo', `/review?week=${week}`);
await page.waitForSelector('[data-testid="board"] tbody tr');
if (step === 'seed' || step === 'all') {
  const res = await page.evaluate(async (week) => {
    const board = await (
      await fetch(`/api/trpc/review.board?input=${encodeURIComponent(JSON.stringify({ week }))}`)
    ).json();
    const tws = board.result.data.townships.slice(-6);
    const tasks = [
      '组织召开四方联席会议',
      '推进业委会组建或换届',
      '限期办结逾期诉求并回访',
      '督促物业企业整改并完成服务考评',
      '推进小区党组织组建（单独组建或联合组建）',
      '排查信访诉求，落实包案化解',
    ];
    const deadlines = ['2026-11-20', '2026-11-28', '2026-12-06', '2026-12-08', '2026-12-20', '2026-12-02'];
    const items = tws.map((t, i) => ({
      townshipCode: t.code,
      task: tasks[i],
      problem: '',
      deadline: deadlines[i],
      reviewWeek: week,
    }));
    const r = await fetch('/api/trpc/supervision.issueBatch', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ items }),
    });
    return r.status + ' ' + (await r.text()).slice(0, 300);
  }, week);
  console.log('seed', res);
}
await page.reload();
await page.waitForSelector('[data-testid="board"] tbody tr');
await page.screenshot({ path: `${OUT}/review-1920.png` });
await page.locator('[data-testid="sv-black-issue"]').first().click();
await page.getByTestId('sv-task').waitFor();
await page.screenshot({ path: `${OUT}/review-dialog-1920.png` });
await page.keyboard.press('Escape');
await page.setViewportSize({ width: 1366, height: 768 });
await page.locator('[data-testid="sv-board-issue-pick"]').nth(2).check();
await page.locator('[data-testid="sv-board-issue-pick"]').nth(4).check();
await page.screenshot({ path: `${OUT}/review-1366.png` });
await page.getByTestId('sv-batch-open').click();
await page.getByTestId('sv-batch-form').waitFor();
await page.screenshot({ path: `${OUT}/review-batch-1366.png` });
await page.keyboard.press('Escape');
await page.locator('[data-testid="sv-board-issue"]').first().click();
await page.getByTestId('sv-task').waitFor();
await page.screenshot({ path: `${OUT}/review-dialog-1366.png` });
await page.goto(`${BASE}/supervision`);
await page.waitForSelector('[data-testid="sv-item"]');
await page.screenshot({ path: `${OUT}/supervision-1366.png` });
const code = await page
  .locator('[data-testid="sv-item"]')
  .first()
  .evaluate(() => '');
await ctx.close();
// The phone: staff of the township of the first item.
const { ctx: c2, page: p2 } = await open(390, 844, 'demo-staff', 'staff-demo', '/supervision', true);
await p2.waitForSelector('[data-testid="supervision-page"]');
await p2.screenshot({ path: `${OUT}/supervision-phone-staff.png`, fullPage: true });
await c2.close();
await browser.close();
