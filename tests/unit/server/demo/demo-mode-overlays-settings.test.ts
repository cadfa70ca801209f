/**
 * Demo mode's hold on the proxy: while off, the proxy reads the user's settings as they
 * are; once on, every route goes to the "Simulated (demo)" provider and no rule applies,
 * without changing the user's settings object; its transport answers the simulated origin
 * in process and leaves every other URL to the network. `--demo` and DEMO=1 ask for it.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  createDemoMode,
  demoRequested,
  DEMO_PROVIDER_ID,
  DEMO_PROVIDER_NAME,
} from '../../../../electron/server/demo/demo-mode.ts';
import {
  INSTANT_PACE,
  SIMULATED_BASE_URL,
} from '../../../../electron/server/demo/simulated-upstream.ts';
import { requestFactsOf, resolveRoute } from '../../../../shared/routing/route-rules.ts';
import { defaultSettings } from '../../../../shared/settings/settings-defaults.ts';
import type { Settings } from '../../../../shared/settings/settings-schema.ts';

function userSettings(): Settings {
  const settings = defaultSettings();
  return {
    ...settings,
    providers: [{ ...settings.providers[0]!, apiKey: 'sk-user-key-000000000000' }],
    routes: {
      ...settings.routes,
      rules: [
        {
          id: 'r1',
          name: 'everything',
          enabled: true,
          when: {},
          target: { provider: 'openai', model: 'gpt-5' },
        },
      ],
    },
  };
}

describe('demo mode', () => {
  it('hands out the user settings while off, and routes every call to the simulated provider once on', () => {
    const user = Object.freeze(userSettings());
    const demo = createDemoMode({ settings: () => user, upstream: { pace: INSTANT_PACE } });
    expect(demo.enabled()).toBe(false);
    expect(demo.settings()).toBe(user);

    expect(demo.start()).toBe(true);
    expect(demo.start()).toBe(false);
    const effective = demo.settings();
    expect(effective).not.toBe(user);
    expect(effective.providers[0]).toMatchObject({
      id: DEMO_PROVIDER_ID,
      name: DEMO_PROVIDER_NAME,
      baseUrl: SIMULATED_BASE_URL,
    });
    // The user's providers stay known (their keys must still be masked in logs).
    expect(effective.providers.map((provider) => provider.id)).toContain('openai');
    for (const model of ['claude-sonnet-4-6', 'claude-haiku-4-5', 'gpt-4.1']) {
      const route = resolveRoute(effective, requestFactsOf({ model, messages: [] }, 0));
      expect(route.provider).toBe(DEMO_PROVIDER_ID);
    }
    // Untouched, and one shared overlay until the user's settings change.
    expect(user.routes.rules).toHaveLength(1);
    expect(demo.settings()).toBe(effective);
  });

  it('tells its listeners once when it goes on', () => {
    const demo = createDemoMode({ settings: userSettings });
    const heard = vi.fn();
    demo.onChange(heard);
    demo.start();
    demo.start();
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('sends no sample calls while the proxy has no URL', () => {
    const demo = createDemoMode({
      settings: userSettings,
      sampleCalls: { proxyUrl: () => undefined },
    });
    demo.start();
    expect(demo.sampleTraffic()).toBeUndefined();
  });

  it('answers the simulated origin in process and passes every other URL to fetch', async () => {
    const demo = createDemoMode({ settings: userSettings, upstream: { pace: INSTANT_PACE } });
    const models = await demo.fetch(`${SIMULATED_BASE_URL}/models`);
    expect(models.status).toBe(200);
    const spy = vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('elsewhere'));
    try {
      const other = await demo.fetch('http://127.0.0.1:9/v1/models');
      expect(await other.text()).toBe('elsewhere');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('is asked for by --demo or DEMO=1, and not otherwise', () => {
    expect(demoRequested(['--demo'], {})).toBe(true);
    expect(demoRequested([], { DEMO: '1' })).toBe(true);
    expect(demoRequested([], { DEMO: 'true' })).toBe(true);
    expect(demoRequested([], { DEMO: '0' })).toBe(false);
    expect(demoRequested(['--demonstrate'], {})).toBe(false);
    expect(demoRequested([], {})).toBe(false);
  });
});
