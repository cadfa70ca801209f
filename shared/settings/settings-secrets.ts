/**
 * The secret fields of a settings document in one place: stores encode them at rest
 * (safeStorage in Electron), and the log redactor must know every current value so a key
 * pasted into the form is masked from the very next log line.
 */
import type { Settings } from './settings-schema.ts';

export function settingsSecrets(settings: Settings): string[] {
  const secrets = [
    settings.server.clientKey,
    ...settings.providers.map((provider) => provider.apiKey),
  ];
  return secrets.filter((secret): secret is string => secret !== undefined);
}

/** A copy with every secret passed through `transform` (encode on save, decode on load). */
export function mapSettingsSecrets(
  settings: Settings,
  transform: (secret: string) => string,
): Settings {
  const { clientKey } = settings.server;
  return {
    ...settings,
    server:
      clientKey === undefined
        ? settings.server
        : { ...settings.server, clientKey: transform(clientKey) },
    providers: settings.providers.map((provider) =>
      provider.apiKey === undefined
        ? provider
        : { ...provider, apiKey: transform(provider.apiKey) },
    ),
  };
}
