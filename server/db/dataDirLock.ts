/**
 * One process at a time holds an embedded (PGlite) data directory. PGlite keeps the whole
 * database in the memory of the process that opened it and writes it back to the directory; a
 * second process on the same directory works on its own copy, and whichever writes last wins —
 * acknowledged edits of the other are lost. PostgreSQL's own postmaster.pid does not help here:
 * PGlite has no postmaster.
 *
 * The lock is a file beside the directory (`<dir>.lock`), created with O_EXCL, holding who took
 * it: PID, host, the holder's process start time and since when. A holder that died (kill -9,
 * power loss) leaves the file behind; it is stale when the PID is gone on this host, or belongs
 * to a newer process that reused it (its start time differs), and is then taken over.
 *
 * Written here rather than with proper-lockfile: that library detects staleness by a refreshed
 * mtime (a timer in every holder) and records no holder, while the refusal must name one.
 */
import { closeSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export interface LockHolder {
  pid: number;
  host: string;
  /** When the holder took the lock (ISO 8601, UTC). */
  since: string;
  /** The holder process's start time as the kernel counts it (Linux), to tell a reused PID apart. */
  processStart: string | null;
  /** What the holder is doing, e.g. "serve" or "import". */
  command: string;
}

/** Another live process holds the directory. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `嵌入式数据目录 ${dir} 正被另一个 OneMap 进程使用（PID ${holder.pid}${holder.host === hostname() ? '' : `，主机 ${holder.host}`}，` +
        `自 ${formatSince(holder.since)} 起，${holder.command}）：嵌入式数据库同一时间只允许一个进程打开，请先停止该进程，或改用 PostgreSQL（DATABASE_URL）`,
    );
  }
}

export interface DataDirLock {
  path: string;
  release(): void;
}

export function lockPathOf(dir: string): string {
  return `${dir.replace(/\/+$/, '')}.lock`;
}

/** Takes the lock on `dir` (an absolute path) for this process, or throws DataDirLockedError. */
export function acquireDataDirLock(dir: string, command = currentCommand()): DataDirLock {
  const path = lockPathOf(dir);
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    processStart: processStartOf(process.pid),
    command,
  };
  // Two attempts: the second after moving a stale lock aside. If another process took the lock
  // in between, the second O_EXCL create fails and that live holder is reported.
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o644);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return holdingLock(path, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder);
    // Stale (or unreadable: a holder killed while writing it). Renaming is atomic: of two
    // processes clearing the same stale lock, one moves it and the other finds it gone.
    try {
      const aside = `${path}.stale-${process.pid}`;
      renameSync(path, aside);
      unlinkSync(aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const holder = readHolder(path);
  if (holder) throw new DataDirLockedError(dir, holder);
  throw new Error(`无法锁定数据目录 ${dir}`);
}

function holdingLock(path: string, me: LockHolder): DataDirLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock is removed: never one a later process took over.
    const holder = readHolder(path);
    if (holder && holder.pid === me.pid && holder.since === me.since) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone: nothing to release.
      }
    }
  };
  // A process that exits without closing the database (Ctrl-C in the CLI) still releases it;
  // one killed with SIGKILL leaves a stale lock, which the next process detects.
  process.on('exit', release);
  return { path, release };
}

function readHolder(path: string): LockHolder | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (typeof parsed.pid !== 'number' || typeof parsed.host !== 'string') return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      since: String(parsed.since ?? ''),
      processStart: parsed.processStart ?? null,
      command: String(parsed.command ?? ''),
    };
  } catch {
    return null;
  }
}

/** Whether the holder is still running. A holder on another host is assumed alive (a shared disk). */
function isAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  const start = processStartOf(holder.pid);
  return holder.processStart === null || start === null || start === holder.processStart;
}

/** Field 22 of /proc/PID/stat: the process's start time in clock ticks since boot (Linux only). */
function processStartOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) is in parentheses and may contain spaces: count after it.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function currentCommand(): string {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  return args.length ? `onemap ${args.slice(0, 2).join(' ')}` : 'node';
}

/** "2026-12-04 19:30:05" in the city's time (Asia/Shanghai, UTC+8 all year). */
function formatSince(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '未知时间';
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
