/**
 * The client bundle ships no server internals: built into a temporary folder, none of its files
 * holds a drizzle table definition (`pgTable`) or the users table's `password_hash` column —
 * what the /workbench chunk carried when the client imported the indicator definitions through
 * the database schema.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
let outDir = '';

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the client bundle', () => {
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'onemap-bundle-'));
    await run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', outDir, '--emptyOutDir'], {
      maxBuffer: 16 * 1024 * 1024,
    });
  }, 300_000);
  afterAll(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('holds no table definitions and no password column', async () => {
    const scripts = (await filesUnder(outDir)).filter((f) => f.endsWith('.js'));
    expect(scripts.length, 'the build wrote JavaScript').toBeGreaterThan(0);
    for (const file of scripts) {
      const text = await readFile(file, 'utf8');
      expect(text.includes('pgTable'), `${file} holds pgTable`).toBe(false);
      expect(text.includes('password_hash'), `${file} holds password_hash`).toBe(false);
    }
  });
});
