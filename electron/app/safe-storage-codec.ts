/**
 * Encrypts secrets at rest with Electron's safeStorage (Keychain on macOS, DPAPI on Windows,
 * the Secret Service or KWallet on Linux). A stored secret is `safeStorage:v1:<base64>`;
 * anything else on load is refused rather than used, and where encryption is not available
 * a save with secrets fails with a message saying why: a key is never written in clear.
 */
import type { SafeStorage } from 'electron';
import type { SecretCodec } from '../server/settings/settings-store.ts';

export const SAFE_STORAGE_PREFIX = 'safeStorage:v1:';

export class SecretEncryptionUnavailableError extends Error {
  override name = 'SecretEncryptionUnavailableError';
}

export function createSafeStorageCodec(
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'>,
): SecretCodec {
  return {
    encode(secret) {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new SecretEncryptionUnavailableError(
          'API keys cannot be saved: this system offers no encrypted storage (on Linux, a Secret Service such as GNOME Keyring or KWallet). Keys are never stored unencrypted.',
        );
      }
      return SAFE_STORAGE_PREFIX + safeStorage.encryptString(secret).toString('base64');
    },
    decode(stored) {
      if (!stored.startsWith(SAFE_STORAGE_PREFIX)) {
        throw new Error('a key is stored unencrypted or in an unknown format');
      }
      return safeStorage.decryptString(
        Buffer.from(stored.slice(SAFE_STORAGE_PREFIX.length), 'base64'),
      );
    },
  };
}
