/**
 * Electron's entry point (dist/electron/main.js once built). It only loads the app, so that
 * an error while starting (a broken settings file, a missing build) ends in a message box
 * and a non-zero exit instead of a silent tray-less process. The import is awaited at the
 * top level, which makes Electron hold `ready` until the app's pre-ready setup has run.
 */
import { app, dialog } from 'electron';

try {
  await import('./app/app-main.ts');
} catch (error) {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`Anthropic Proxy could not start:\n${detail}`);
  await app.whenReady();
  dialog.showErrorBox('Anthropic Proxy could not start', detail);
  app.exit(1);
}
