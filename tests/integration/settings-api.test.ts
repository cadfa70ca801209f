import { readFile, stat } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SettingsSnapshot, SettingsUpdate } from '../../shared/settings/public-settings.ts';
import {
  PROVIDER_KEY,
  startSettingsTestServer,
  type SettingsTestServer,
} from './settings-test-server.ts';

let server: SettingsTestServer;
beforeEach(async () => {
  server = await startSettingsTestServer();
});
afterEach(() => server.close());

async function snapshot(): Promise<SettingsSnapshot> {
  return (await (await server.api('/settings')).json()) as SettingsSnapshot;
}

type FormUpdate = Required<Pick<SettingsUpdate, 'server' | 'providers' | 'routes'>> &
  SettingsUpdate;

/** The GET body as the form would send it back. */
async function formUpdate(): Promise<FormUpdate> {
  const { version: _version, ...update } = (await snapshot()).settings;
  return update;
}

describe('GET/PUT /inspector/api/settings', () => {
  it('needs the inspector token', async () => {
    const response = await fetch(`${server.url}/inspector/api/settings`);
    expect(response.status).toBe(401);
  });

  it('returns the settings with keys only as set + last 4', async () => {
    const response = await server.api('/settings');
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(PROVIDER_KEY);
    const body = JSON.parse(text) as SettingsSnapshot;
    expect(body.settings.providers[0].apiKey).toEqual({ set: true, last4: '1234' });
    expect(body.storage).toEqual({ location: server.file, writable: true });
  });

  it('applies and stores a valid PUT, keeping the key it was not sent', async () => {
    const update = await formUpdate();
    update.routes.big.model = 'mock-bigger';
    const response = await server.api('/settings', { method: 'PUT', body: JSON.stringify(update) });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(text).not.toContain(PROVIDER_KEY);
    expect(JSON.parse(text)).toMatchObject({
      ok: true,
      saved: true,
      snapshot: { settings: { routes: { big: { model: 'mock-bigger' } } } },
    });
    const stored = JSON.parse(await readFile(server.file, 'utf8'));
    expect(stored.routes.big.model).toBe('mock-bigger');
    expect(stored.providers[0].apiKey).toBe(PROVIDER_KEY);
    expect((await stat(server.file)).mode & 0o777).toBe(0o600);
  });

  it('replaces a key only when a new one is sent', async () => {
    const update = await formUpdate();
    update.providers[0].apiKey = {
      ...update.providers[0].apiKey,
      replace: 'sk-brand-new-key-WXYZ9876',
    };
    const response = await server.api('/settings', { method: 'PUT', body: JSON.stringify(update) });
    expect(await response.text()).not.toContain('sk-brand-new-key');
    expect((await snapshot()).settings.providers[0].apiKey).toEqual({ set: true, last4: '9876' });
    expect(server.service.get().providers[0].apiKey).toBe('sk-brand-new-key-WXYZ9876');
  });

  it('refuses a bad PUT with field errors and changes nothing', async () => {
    const before = await readFile(server.file, 'utf8');
    const update = await formUpdate();
    update.server.port = 70000;
    update.providers[0].baseUrl = 'not a url';
    update.routes.small.provider = 'ghost';
    const response = await server.api('/settings', { method: 'PUT', body: JSON.stringify(update) });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { ok: boolean; errors: { path: string }[] };
    expect(body.ok).toBe(false);
    expect(body.errors.map((error) => error.path).sort()).toEqual([
      'providers.0.baseUrl',
      'server.port',
    ]);
    expect(await readFile(server.file, 'utf8')).toBe(before);
    expect((await snapshot()).settings.server.port).toBe(8080);
  });

  it('refuses a dangling route once the fields are valid', async () => {
    const update = await formUpdate();
    update.routes.small.provider = 'ghost';
    const response = await server.api('/settings', { method: 'PUT', body: JSON.stringify(update) });
    expect(await response.json()).toMatchObject({
      ok: false,
      errors: [{ path: 'routes.small.provider', message: 'No provider with id "ghost"' }],
    });
  });

  it('refuses a body that is not a settings update', async () => {
    const response = await server.api('/settings', {
      method: 'PUT',
      body: JSON.stringify({ server: 'nope' }),
    });
    expect(response.status).toBe(400);
  });
});

describe('POST /inspector/api/routes/test', () => {
  const facts = {
    model: 'claude-opus-4-6',
    thinking: true,
    images: false,
    tools: true,
    estimatedInputTokens: 500,
    background: false,
  };

  it('answers with the target and rule of the saved routes', async () => {
    const response = await server.api('/routes/test', {
      method: 'POST',
      body: JSON.stringify({ facts }),
    });
    expect(await response.json()).toEqual({
      resolution: { provider: 'mock', model: 'mock-big', rule: 'big (opus/sonnet)' },
      providerName: 'Mock upstream',
    });
  });

  it('tries unsaved routes from the form', async () => {
    const routes = {
      ...server.service.get().routes,
      rules: [
        {
          id: 'r1',
          name: 'thinking',
          enabled: true,
          when: { thinking: true },
          target: { provider: 'mock', model: 'thinker' },
        },
      ],
    };
    const response = await server.api('/routes/test', {
      method: 'POST',
      body: JSON.stringify({ facts, routes }),
    });
    expect(await response.json()).toMatchObject({
      resolution: { model: 'thinker', rule: 'rule "thinking"', ruleId: 'r1' },
    });
  });

  it('refuses facts that are incomplete', async () => {
    const response = await server.api('/routes/test', {
      method: 'POST',
      body: JSON.stringify({ facts: { model: 'x' } }),
    });
    expect(response.status).toBe(400);
  });
});
