/**
 * Demo mode: every call goes to the built-in simulated upstream, so a newcomer sees the
 * inspector at work without a key or a model. Turned on at launch (`--demo`, DEMO=1) or at
 * run time (the inspector's "Try the demo"); it stays on until the proxy restarts.
 *
 * It never touches the user's settings. The proxy reads its settings per call through
 * `settings()`, which here returns the user's own while demo mode is off, and with it on a
 * copy in which a provider named "Simulated (demo)" serves the big and small routes and no
 * rule applies (the user's providers stay listed, so the redactor still knows their keys).
 * Nothing is stored, and the settings form keeps showing, and saving, what the user has.
 *
 * `fetch` is the transport the proxy's upstream clients send with: requests to the
 * simulated origin are answered in process (simulated-upstream.ts), everything else goes
 * out through the global fetch. `start()` also sends the sample calls (demo-traffic.ts)
 * through the proxy, once, so the inspector fills at once.
 */
import type { ProviderSettings, Settings } from '../../../shared/settings/settings-schema.ts';
import type { UpstreamFetch } from '../upstream-client.ts';
import { sendDemoTraffic, type DemoTrafficResult } from './demo-traffic.ts';
import {
  createSimulatedUpstream,
  isSimulatedUrl,
  SIMULATED_BASE_URL,
  SIMULATED_MODELS,
  type SimulatedUpstream,
  type SimulatedUpstreamOptions,
} from './simulated-upstream.ts';

export const DEMO_PROVIDER_ID = 'simulated-demo';
export const DEMO_PROVIDER_NAME = 'Simulated (demo)';

const DEMO_PROVIDER: ProviderSettings = {
  id: DEMO_PROVIDER_ID,
  name: DEMO_PROVIDER_NAME,
  preset: 'custom',
  baseUrl: SIMULATED_BASE_URL,
  extraHeaders: {},
  models: [...SIMULATED_MODELS],
  prices: {},
  // The simulated upstream streams reasoning as DeepSeek does, and takes it back the same way.
  quirks: { reasoningEcho: 'reasoning_content' },
};

/** The user's settings with every route on the simulated provider. */
export function demoSettings(user: Settings): Settings {
  return {
    ...user,
    providers: [
      DEMO_PROVIDER,
      ...user.providers.filter((provider) => provider.id !== DEMO_PROVIDER_ID),
    ],
    routes: {
      big: { provider: DEMO_PROVIDER_ID, model: SIMULATED_MODELS[0] },
      small: { provider: DEMO_PROVIDER_ID, model: SIMULATED_MODELS[1] },
      rules: [],
    },
  };
}

/** `--demo` among the arguments, or DEMO set to 1/true/yes. */
export function demoRequested(argv: readonly string[], env: NodeJS.ProcessEnv): boolean {
  return argv.includes('--demo') || /^(1|true|yes|on)$/i.test(env.DEMO?.trim() ?? '');
}

export interface DemoModeOptions {
  /** The user's settings in effect (the settings service's get). */
  settings: () => Settings;
  upstream?: SimulatedUpstreamOptions;
  /** Where to send the sample calls; without it (or while it has no URL) none are sent. */
  sampleCalls?: {
    proxyUrl(): string | undefined;
    spacingMs?: number;
    onError?(error: unknown): void;
  };
}

export interface DemoMode {
  enabled(): boolean;
  /**
   * Turns demo mode on and sends the sample calls; false (and nothing sent) when it was on
   * already. Listeners hear the change.
   */
  start(): boolean;
  /** The sample calls of the last start, while or after they run. */
  sampleTraffic(): Promise<DemoTrafficResult> | undefined;
  /** Stops sample calls still running (shutdown). */
  close(): void;
  /** The settings the proxy reads per call. */
  settings: () => Settings;
  /** The transport for the proxy's upstream clients. */
  fetch: UpstreamFetch;
  simulated: SimulatedUpstream;
  onChange(listener: () => void): () => void;
}

export function createDemoMode(options: DemoModeOptions): DemoMode {
  const simulated = createSimulatedUpstream(options.upstream);
  const listeners = new Set<() => void>();
  const stop = new AbortController();
  let on = false;
  let traffic: Promise<DemoTrafficResult> | undefined;
  // The overlay is rebuilt only when the user's settings object changes (they are replaced
  // wholesale on save), so a call reads one consistent, shared object.
  let base: Settings | undefined;
  let overlaid: Settings | undefined;

  return {
    enabled: () => on,
    start() {
      if (on) return false;
      on = true;
      for (const listener of listeners) listener();
      const sample = options.sampleCalls;
      const proxyUrl = sample?.proxyUrl();
      if (sample && proxyUrl) {
        const clientKey = options.settings().server.clientKey;
        traffic = sendDemoTraffic({
          proxyUrl,
          signal: stop.signal,
          ...(clientKey === undefined ? {} : { clientKey }),
          ...(sample.spacingMs === undefined ? {} : { spacingMs: sample.spacingMs }),
          ...(sample.onError ? { onError: sample.onError } : {}),
        });
        // Shutdown aborts it; that is no failure worth reporting.
        traffic.catch(() => undefined);
      }
      return true;
    },
    sampleTraffic: () => traffic,
    close() {
      stop.abort();
    },
    settings() {
      const user = options.settings();
      if (!on) return user;
      if (user !== base || !overlaid) {
        base = user;
        overlaid = demoSettings(user);
      }
      return overlaid;
    },
    fetch(input, init) {
      const url = input instanceof Request ? input.url : String(input);
      return isSimulatedUrl(url) ? simulated.fetch(input, init) : fetch(input, init);
    },
    simulated,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
