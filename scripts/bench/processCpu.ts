/**
 * CPU time of this process's children by Chromium process type (browser, renderer, gpu-process,
 * utility), from /proc. CPU seconds barely move with the machine's load, unlike wall time: they
 * show where a page's time goes even on a busy machine. Linux only (empty elsewhere).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';

export type CpuByType = Record<string, number>;

export function chromiumCpu(): CpuByType {
  if (!existsSync('/proc/self/stat')) return {};
  const self = process.pid;
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const type = new Map<number, string>();
  const ticks = 100; // USER_HZ on Linux
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      type.set(pid, cmdline.includes('chromium') ? (/--type=([\w-]+)/.exec(cmdline)?.[1] ?? 'browser') : 'other');
    } catch {
      // the process ended while being read
    }
  }
  const descends = (pid: number): boolean => {
    for (let p = parent.get(pid) ?? 0, depth = 0; p > 1 && depth < 32; p = parent.get(p) ?? 0, depth++)
      if (p === self) return true;
    return false;
  };
  const out: CpuByType = {};
  for (const [pid, seconds] of cpu) {
    const kind = type.get(pid)!;
    if (kind !== 'other' && descends(pid)) out[kind] = (out[kind] ?? 0) + seconds;
  }
  return out;
}

export function cpuSince(before: CpuByType): CpuByType {
  const now = chromiumCpu();
  return Object.fromEntries(Object.entries(now).map(([k, v]) => [k, v - (before[k] ?? 0)]));
}
