import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The inspector UI: built once into dist/renderer, served by the headless server under
// /inspector and loaded from disk by the Electron window.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
});
