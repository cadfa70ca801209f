/**
 * `npm run headless`: the proxy without Electron. Loads the configuration (env + .env) and
 * the settings file under it, starts the server with the traffic inspector and the settings
 * API under /inspector, prints how to point Claude Code at it and the inspector URL (with
 * its per-launch token), and shuts down cleanly on SIGINT/SIGTERM. A bad configuration
 * exits with status 1 and the reason, nothing more. `--demo` (or DEMO=1) starts in demo
 * mode: every call goes to the built-in simulated upstream, and a few sample calls fill
 * the inspector (`npm run headless -- --demo`).
 */
import { demoRequested } from './demo/demo-mode.ts';
import { startHeadlessApp } from './headless-app.ts';
import { loadProxyConfig, ProxyConfigError } from './proxy-config.ts';
import { startupBanner } from './startup-banner.ts';

async function main(): Promise<void> {
  const demo = demoRequested(process.argv.slice(2), process.env);
  const app = await startHeadlessApp({
    config: loadProxyConfig(),
    env: process.env,
    cwd: process.cwd(),
    demo: { enabled: demo },
    warn: (message) => console.error(`WARNING: ${message}`),
    moved: (url, inspectorUrl) =>
      console.log(`\nAnthropic proxy now listening on ${url}\nInspector: ${inspectorUrl}`),
  });
  console.log(startupBanner(app.demo.settings(), app.proxy.url, { demo: app.demo.enabled() }));
  console.log(`\nInspector: ${app.inspectorUrl}`);

  const stop = (signal: string): void => {
    app.settings.logger.info(`${signal}: shutting down`);
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ProxyConfigError ? error.message : error);
  process.exit(1);
});
