/**
 * Small inline SVG charts for the printed pack, drawn by hand (no chart library on the server,
 * no external resources): a horizontal bar chart of the townships on one indicator, with its goal
 * as a dashed line, and a line chart of weekly history.
 */

import { CATEGORICAL } from '../../../shared/colours/categorical.ts';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const num = (v: number) => Number(v.toFixed(1));

export interface BarRow {
  label: string;
  value: number | null;
  highlight?: boolean;
  /** The bar's fill (a verdict colour); by default the neutral blue, or violet when highlighted. */
  color?: string;
}

export interface BarChartOptions {
  title: string;
  rows: readonly BarRow[];
  format: (value: number) => string;
  goal?: number | null;
  /** The goal line's label ('目标' unless given: the chart's language is the page's). */
  goalLabel?: string;
  width?: number;
}

/** One bar per row, in the given order; a missing value is drawn as "—". */
export function barChart(options: BarChartOptions): string {
  const width = options.width ?? 340;
  const rowHeight = 13;
  const top = 22;
  const labelWidth = 62;
  const valueWidth = 58;
  const plot = width - labelWidth - valueWidth;
  const values = options.rows.map((r) => r.value).filter((v): v is number => v !== null);
  const max = Math.max(...values, options.goal ?? 0, 1e-9);
  const x = (v: number) => labelWidth + (Math.max(0, v) / max) * plot;
  const height = top + options.rows.length * rowHeight + 6;
  const bars = options.rows.map((r, i) => {
    const y = top + i * rowHeight;
    // Highlight (the pack's own township) is a category, not a verdict: violet, never red.
    const fill = r.color ?? (r.highlight ? CATEGORICAL.violet.print : CATEGORICAL.blue.print);
    const bar =
      r.value === null
        ? ''
        : `<rect x="${labelWidth}" y="${y + 2}" width="${num(x(r.value) - labelWidth)}" height="${rowHeight - 4}" fill="${fill}"/>`;
    return `<text x="${labelWidth - 4}" y="${y + rowHeight - 3}" text-anchor="end" font-size="9"${r.highlight ? ' font-weight="bold"' : ''}>${escapeXml(r.label)}</text>${bar}<text x="${width - 2}" y="${y + rowHeight - 3}" text-anchor="end" font-size="9">${escapeXml(r.value === null ? '—' : options.format(r.value))}</text>`;
  });
  const goal =
    options.goal === null || options.goal === undefined
      ? ''
      : `<line x1="${num(x(options.goal))}" x2="${num(x(options.goal))}" y1="${top - 2}" y2="${height - 4}" stroke="#555" stroke-dasharray="3 2"/><text x="${num(x(options.goal))}" y="${top - 4}" text-anchor="middle" font-size="8" fill="#555">${escapeXml(options.goalLabel ?? '目标')}</text>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><text x="0" y="11" font-size="10" font-weight="bold">${escapeXml(options.title)}</text>${bars.join('')}${goal}</svg>`;
}

export interface LineSeries {
  name: string;
  values: readonly (number | null)[];
  color: string;
}

export interface LineChartOptions {
  title: string;
  labels: readonly string[];
  series: readonly LineSeries[];
  format: (value: number) => string;
  width?: number;
  height?: number;
}

/** Weekly lines with the first and last labels and the range of values on the axis. */
export function lineChart(options: LineChartOptions): string {
  const width = options.width ?? 340;
  const height = options.height ?? 120;
  const left = 46;
  const right = 8;
  const top = 26;
  const bottom = 18;
  const all = options.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const span = hi - lo || Math.abs(hi) || 1;
  const n = Math.max(options.labels.length - 1, 1);
  const x = (i: number) => left + (i / n) * (width - left - right);
  const y = (v: number) => top + (1 - (v - lo) / span) * (height - top - bottom);
  const lines = options.series.map((s) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [`${num(x(i))},${num(y(v))}`]));
    return points.length
      ? `<polyline fill="none" stroke="${s.color}" stroke-width="1.5" points="${points.join(' ')}"/>`
      : '';
  });
  const legend = options.series.map(
    (s, i) =>
      `<rect x="${width - 120 + i * 60}" y="4" width="10" height="3" fill="${s.color}"/><text x="${width - 106 + i * 60}" y="9" font-size="8">${escapeXml(s.name)}</text>`,
  );
  const axis = [
    `<text x="${left - 3}" y="${num(y(hi)) + 3}" text-anchor="end" font-size="8">${escapeXml(options.format(hi))}</text>`,
    `<text x="${left - 3}" y="${num(y(lo)) + 3}" text-anchor="end" font-size="8">${escapeXml(options.format(lo))}</text>`,
    `<text x="${left}" y="${height - 4}" font-size="8">${escapeXml(options.labels[0] ?? '')}</text>`,
    `<text x="${width - right}" y="${height - 4}" text-anchor="end" font-size="8">${escapeXml(options.labels.at(-1) ?? '')}</text>`,
    `<line x1="${left}" x2="${width - right}" y1="${height - bottom}" y2="${height - bottom}" stroke="#999"/>`,
  ];
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img"><text x="0" y="11" font-size="10" font-weight="bold">${escapeXml(options.title)}</text>${legend.join('')}${axis.join('')}${lines.join('')}</svg>`;
}
