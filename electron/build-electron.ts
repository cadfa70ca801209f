/**
 * Builds the Electron main process and preload for Electron's own Node, with Vite (already
 * the renderer's bundler):
 *   dist/electron/main.js      ESM; our TypeScript bundled, packages (express, pino, openai,
 *                              electron, ...) left as imports that resolve from node_modules
 *                              (electron-builder copies the production dependencies).
 *   dist/electron/preload.cjs  CommonJS in one file: a sandboxed preload may require
 *                              nothing but 'electron'.
 * Run with `node electron/build-electron.ts` (npm start and npm run dist do).
 * The main build empties dist/electron first; the preload build adds to it.
 */
import { join } from 'node:path';
import { build, type InlineConfig } from 'vite';

const root = join(import.meta.dirname, '..');
export const ELECTRON_OUT_DIR = join(root, 'dist', 'electron');

/** Electron 45 ships Node 22 and Chromium 140. */
const nodeTarget = 'node22';

const common: InlineConfig = {
  configFile: false,
  root,
  logLevel: 'warn',
  publicDir: false,
};

export async function buildMain(outDir = ELECTRON_OUT_DIR): Promise<void> {
  await build({
    ...common,
    build: {
      ssr: join(root, 'electron', 'main.ts'),
      outDir,
      emptyOutDir: true,
      target: nodeTarget,
      sourcemap: true,
      minify: false,
      rollupOptions: {
        output: { format: 'es', entryFileNames: 'main.js', chunkFileNames: '[name]-[hash].js' },
      },
    },
    // Packages stay external (the SSR default); only our own sources are bundled.
    ssr: { target: 'node' },
  });
}

/** Also used by the Chromium test of the IPC transport, which runs the real preload. */
export async function buildPreload(outDir = ELECTRON_OUT_DIR): Promise<void> {
  await build({
    ...common,
    build: {
      ssr: join(root, 'electron', 'preload.ts'),
      outDir,
      emptyOutDir: false,
      target: 'chrome140',
      sourcemap: 'inline',
      minify: false,
      rollupOptions: {
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: 'preload.cjs' },
      },
    },
    // Everything but electron goes into the one file.
    ssr: { target: 'node', noExternal: true },
  });
}

if (import.meta.main) {
  await buildMain();
  await buildPreload();
}
