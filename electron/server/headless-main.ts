/**
 * `npm run headless`: the proxy without Electron. Loads the configuration (env + .env),
 * starts the server with the traffic inspector under /inspector, prints how to point Claude
 * Code at it and the inspector URL (with its per-launch token), and shuts down cleanly on
 * SIGINT/SIGTERM. A bad configuration exits with status 1 and the reason, nothing more.
 */
import { createInspectorWiring } from './inspector/inspector-wiring.ts';
import { createProxyLogger } from './logger.ts';
import { configSecrets, loadProxyConfig, ProxyConfigError } from './proxy-config.ts';
import { startProxyServer } from './start-proxy-server.ts';
import { startupBanner } from './startup-banner.ts';

async function main(): Promise<void> {
  const config = loadProxyConfig();
  const logger = createProxyLogger({ level: config.logLevel, secrets: configSecrets(config) });
  const inspector = createInspectorWiring(config);
  const proxy = await startProxyServer({
    config,
    logger,
    tap: inspector.recorder,
    mount: inspector.mount,
  });
  console.log(startupBanner(config, proxy.url));
  console.log(`\nInspector: ${inspector.started(proxy.url)}`);

  const stop = (signal: string): void => {
    logger.info(`${signal}: shutting down`);
    inspector.close(); // open event streams would hold the close for its grace period
    void proxy.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof ProxyConfigError ? error.message : error);
  process.exit(1);
});
