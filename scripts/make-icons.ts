/**
 * The installable app's icons (client/public/icons/icon-192.png, icon-512.png), drawn by Chromium
 * from an SVG so that they can be made again: `npx tsx scripts/make-icons.ts`. A dark square (the
 * app's background) with a 3×3 map of tiles in the status colours and a pin: "一张图".
 */
import { writeFileSync } from 'node:fs';
import { launchChromium } from '../server/services/review/chromium.ts';

const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="#0d1b2d"/>
  <g transform="translate(96 112)">
    ${[0, 1, 2]
      .flatMap((row) =>
        [0, 1, 2].map((col) => {
          const fill = [
            '#2f9e6e',
            '#e0a030',
            '#2f9e6e',
            '#2f9e6e',
            '#d9534f',
            '#e0a030',
            '#2f9e6e',
            '#2f9e6e',
            '#2f9e6e',
          ][row * 3 + col];
          return `<rect x="${col * 110}" y="${row * 100}" width="100" height="90" rx="10" fill="${fill}" opacity="0.9"/>`;
        }),
      )
      .join('')}
  </g>
  <path d="M256 70c-44 0-80 34-80 78 0 58 80 140 80 140s80-82 80-140c0-44-36-78-80-78z" fill="#ffffff" stroke="#0d1b2d" stroke-width="10"/>
  <circle cx="256" cy="148" r="28" fill="#0d1b2d"/>
</svg>`;

const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<html><body style="margin:0">${SVG.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    writeFileSync(`client/public/icons/icon-${size}.png`, await page.screenshot({ type: 'png' }));
    await page.close();
  }
} finally {
  await browser.close();
}
