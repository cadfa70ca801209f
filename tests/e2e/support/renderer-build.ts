/**
 * Makes sure the inspector UI is built before a browser test serves it. CI runs on a fresh
 * clone, so dist/renderer may be missing; a developer may have edited renderer/ or shared/
 * since the last build. One test file builds at a time (a lock directory), with Vite's API,
 * into a private folder that is then renamed into place, so files running in parallel never
 * serve a half-written build and never build twice.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const ROOT = join(import.meta.dirname, '../../..');
export const RENDERER_DIST = join(ROOT, 'dist/renderer');
const SOURCES = [join(ROOT, 'renderer'), join(ROOT, 'shared')];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  const index = join(RENDERER_DIST, 'index.html');
  if (!existsSync(index)) return false;
  const built = statSync(index).mtimeMs;
  return SOURCES.every((dir) => newestMtime(dir) <= built);
}

const LOCK = join(ROOT, 'dist', '.renderer-build.lock');
/** A lock older than this was left by a crashed run. */
const STALE_LOCK_MS = 120_000;

/** Takes the build lock (a directory: mkdir is atomic), waiting while another process holds it. */
async function withBuildLock<T>(work: () => Promise<T>): Promise<T> {
  mkdirSync(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > STALE_LOCK_MS)
          rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      // Another test file is building; there is no cross-process event to wait on.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/** Returns the folder holding the built UI (dist/renderer), building it first if needed. */
export async function ensureRendererBuilt(): Promise<string> {
  if (isFresh()) return RENDERER_DIST;
  return withBuildLock(async () => {
    if (isFresh()) return RENDERER_DIST; // another file built it while we waited
    const tmp = join(ROOT, 'dist', `.renderer-build-${process.pid}-${Date.now()}`);
    // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        configFile: join(ROOT, 'vite.config.ts'),
        root: join(ROOT, 'renderer'),
        mode: 'production',
        logLevel: 'warn',
        build: { outDir: tmp, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    // Swap in the new build in two renames, so the folder is missing only for an instant.
    const old = `${tmp}-old`;
    if (existsSync(RENDERER_DIST)) renameSync(RENDERER_DIST, old);
    renameSync(tmp, RENDERER_DIST);
    rmSync(old, { recursive: true, force: true });
    return RENDERER_DIST;
  });
}
