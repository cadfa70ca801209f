/**
 * Makes sure the inspector UI is built before a browser test serves it. CI runs on a fresh
 * clone, so dist/renderer may be missing; a developer may have edited renderer/ since the
 * last build. Builds with Vite's API into a private temporary folder and renames it into
 * place, so test files running in parallel never see (or serve) a half-written build.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
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

/** Returns the folder holding the built UI (dist/renderer), building it first if needed. */
export async function ensureRendererBuilt(): Promise<string> {
  if (isFresh()) return RENDERER_DIST;
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
  if (isFresh()) {
    // Another test file finished first.
    rmSync(tmp, { recursive: true, force: true });
    return RENDERER_DIST;
  }
  rmSync(RENDERER_DIST, { recursive: true, force: true });
  try {
    renameSync(tmp, RENDERER_DIST);
  } catch {
    // Lost a race to another file's rename: theirs is just as new.
    rmSync(tmp, { recursive: true, force: true });
  }
  return RENDERER_DIST;
}
