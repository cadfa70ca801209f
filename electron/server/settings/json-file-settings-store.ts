/**
 * The headless settings store: one JSON file, private to the user (mode 0600 in a 0700
 * directory), replaced atomically (write a temp file beside it, fsync, rename) so a crash
 * mid-save leaves either the old or the new file, never half of one. Saves are serialised.
 *
 * A file that exists but cannot be used is reported as `unusable` with the reason and is
 * never written to afterwards: the user's hand edits are worth more than our defaults. A
 * file (or directory) that a save could not replace is reported at load as `notWritable`,
 * so the user learns it at start rather than when a change is lost.
 */
import { randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, chmod, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname, parse } from 'node:path';
import type { Settings } from '../../../shared/settings/settings-schema.ts';
import { mapSettingsSecrets } from '../../../shared/settings/settings-secrets.ts';
import {
  decodeStoredSettings,
  plainSecretCodec,
  type SecretCodec,
  type SettingsLoadResult,
  type SettingsStore,
} from './settings-store.ts';

export class JsonFileSettingsStore implements SettingsStore {
  readonly location: string;
  readonly #codec: SecretCodec;
  /** Set once a load found an unusable file: from then on saves are refused. */
  #blocked = false;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(file: string, codec: SecretCodec = plainSecretCodec) {
    this.location = file;
    this.#codec = codec;
  }

  async load(): Promise<SettingsLoadResult> {
    const result = await this.#read();
    this.#blocked = result.kind === 'unusable';
    if (result.kind === 'unusable') return result;
    const notWritable = await writeProblem(this.location);
    return notWritable === undefined ? result : { ...result, notWritable };
  }

  async #read(): Promise<SettingsLoadResult> {
    let text: string;
    try {
      text = await readFile(this.location, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
      return { kind: 'unusable', message: `cannot be read (${(error as Error).message})` };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      return { kind: 'unusable', message: `is not valid JSON (${(error as Error).message})` };
    }
    return decodeStoredSettings(raw, this.#codec);
  }

  save(settings: Settings): Promise<void> {
    const run = this.#saving.then(() => this.#write(settings));
    this.#saving = run.catch(() => undefined);
    return run;
  }

  async #write(settings: Settings): Promise<void> {
    if (this.#blocked) {
      throw new Error(
        `${this.location} could not be read at start, so it is left untouched; fix or move it, then restart`,
      );
    }
    const encoded = mapSettingsSecrets(settings, (secret) => this.#codec.encode(secret));
    const directory = dirname(this.location);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const temp = `${this.location}.${process.pid}.${randomUUID().slice(0, 8)}.tmp`;
    try {
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(`${JSON.stringify(encoded, null, 2)}\n`, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      // The umask may have narrowed the mode further, never widened it; make it exact.
      await chmod(temp, 0o600);
      await rename(temp, this.location);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw error;
    }
  }
}

/**
 * Why a save to `file` would fail, if it would: a save writes a temp file beside it and
 * renames it over, so the directory must be writable (or creatable, for a first run), and an
 * existing file writable too (a read-only file is the user's way of saying "do not touch").
 */
async function writeProblem(file: string): Promise<string | undefined> {
  const fileExists = await access(file).then(
    () => true,
    () => false,
  );
  if (fileExists) {
    const denied = await access(file, constants.W_OK).catch((error: Error) => error);
    if (denied) return denied.message;
  }
  // The nearest directory that exists is where the save would create or replace something
  // (a file standing in the way was already reported by the read, as ENOTDIR).
  let directory = dirname(file);
  while (directory !== parse(directory).root) {
    const exists = await access(directory).then(
      () => true,
      () => false,
    );
    if (exists) break;
    directory = dirname(directory);
  }
  const denied = await access(directory, constants.W_OK).catch((error: Error) => error);
  return denied ? denied.message : undefined;
}
