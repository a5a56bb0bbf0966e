/**
 * Set-up of the e2e project (vitest.config.ts): browser test files share the two workers with the
 * system tests, but take turns among themselves — one Chromium drawing maps in software at a time,
 * as when they ran in series, while the other worker runs database tests. The turn is a directory
 * made atomically under var/test, one per `vitest run` (named by the run's process, the workers'
 * parent), held from before the file's own set-up until after its clean-up.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';

const TURN = join(process.cwd(), 'var', 'test', `browser-turn-${process.ppid}`);
/** A file waits for the others' turns: at most the whole browser project in series. */
const WAIT_LIMIT_MS = 60 * 60_000;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryTakeTurn(): boolean {
  try {
    mkdirSync(TURN);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A worker that died holding the turn (a crash, a timeout's kill) leaves it to the next.
    const owner = Number(readOwner());
    if (owner && !isAlive(owner)) rmSync(TURN, { recursive: true, force: true });
    return false;
  }
  writeFileSync(join(TURN, 'pid'), String(process.pid));
  return true;
}

function readOwner(): string {
  try {
    return readFileSync(join(TURN, 'pid'), 'utf8');
  } catch {
    return '';
  }
}

let holding = false;

beforeAll(async () => {
  mkdirSync(join(process.cwd(), 'var', 'test'), { recursive: true });
  while (!tryTakeTurn()) await new Promise((resolve) => setTimeout(resolve, 250));
  holding = true;
}, WAIT_LIMIT_MS);

afterAll(() => {
  if (holding) rmSync(TURN, { recursive: true, force: true });
  holding = false;
});
