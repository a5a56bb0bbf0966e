/**
 * BENCHMARKS.md is written in sections, each between `<!-- NAME -->` and `<!-- /NAME -->`: a run
 * replaces the sections it measured and keeps the others (a `--scale 1000` run keeps the client
 * figures) and every hand-written paragraph outside the markers (the readings of the figures).
 */
import { cpus, loadavg, totalmem } from 'node:os';

const open = (name: string) => `<!-- ${name} -->`;
const close = (name: string) => `<!-- /${name} -->`;

/** Replaces the section's body, or appends the section at the end when the file has none. */
export function replaceSection(text: string, name: string, body: string): string {
  const block = `${open(name)}\n${body.trim()}\n${close(name)}`;
  const i = text.indexOf(open(name));
  const j = text.indexOf(close(name));
  if (i >= 0 && j > i) return text.slice(0, i) + block + text.slice(j + close(name).length);
  return `${text.trimEnd()}\n\n${block}\n`;
}

/** When, on what and by which command a section was measured: every section says so itself. */
export function provenance(command: string, loadAtStart: number): string {
  const cpu = cpus();
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  return `Measured ${when} UTC (finished) on ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${loadAtStart.toFixed(1)} at the start, ${currentLoad().toFixed(1)} at the end. Command: \`${command}\`.`;
}

/** The one-minute load average: other work on these two cores shows in every figure. */
export const currentLoad = (): number => loadavg()[0]!;
