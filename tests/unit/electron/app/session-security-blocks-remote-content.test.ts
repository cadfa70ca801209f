/** Session-wide guards: no remote requests, no permissions, no navigation anywhere. */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('../fake-electron.ts')).electronModule);

import { app, session } from 'electron';
import {
  guardAllWebContents,
  hardenSession,
  isAllowedRequestUrl,
} from '../../../../electron/app/session-security.ts';
import { fake, FakeBrowserWindow, resetFakeElectron } from '../fake-electron.ts';

beforeEach(() => resetFakeElectron());

describe('session security', () => {
  it('lets only the app scheme (and devtools, data:, blob:) load', () => {
    hardenSession(session.defaultSession);
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      fake.beforeRequest!({ url }, (response) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('app://inspector/assets/app.js')).toBe(false);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(decide('https://cdn.example.com/lib.js')).toBe(true);
    expect(decide('http://127.0.0.1:8080/v1/models')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('ws://127.0.0.1:1/')).toBe(true);
    expect(isAllowedRequestUrl('garbage')).toBe(false);
  });

  it('grants no permission a page asks for', () => {
    hardenSession(session.defaultSession);
    const granted: boolean[] = [];
    fake.permissionRequestHandler!({}, 'media', (ok) => granted.push(ok));
    fake.permissionRequestHandler!({}, 'notifications', (ok) => granted.push(ok));
    expect(granted).toEqual([false, false]);
  });

  it('guards every webContents created after it, not just the inspector window', () => {
    guardAllWebContents(app);
    const contents = new FakeBrowserWindow({}).webContents;
    expect(contents.tryEvent('will-navigate', 'https://example.com')).toBe(true);
    expect(contents.tryEvent('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
  });
});
