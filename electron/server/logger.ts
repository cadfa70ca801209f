/**
 * The proxy's pino logger. Every line passes through the secret redactor just before it is
 * written (pino's `streamWrite` hook), so a key cannot leak through a header dump, an
 * upstream error message or a stack trace, whichever field it ends up in. Info level gets
 * one line per call (see `logCallSummary`); bodies are logged only at debug.
 */
import { pino, type DestinationStream, type Logger } from 'pino';
import type { LogLevel } from './proxy-config.ts';
import { createRedactor, type Redactor } from './secret-redactor.ts';

export type { Logger } from 'pino';

export interface ProxyLoggerOptions {
  level: LogLevel;
  /** Values to mask wherever they appear (configured keys and tokens). */
  secrets: readonly string[];
  /** Defaults to stdout; tests pass a stream to capture the output. */
  destination?: DestinationStream;
  /** Replaces the mask of `secrets`, e.g. one that follows keys saved in the settings. */
  redact?: Redactor;
}

export function createProxyLogger(options: ProxyLoggerOptions): Logger {
  const redact = options.redact ?? createRedactor(options.secrets);
  return pino(
    {
      level: options.level,
      base: undefined,
      hooks: { streamWrite: redact },
    },
    options.destination ?? pino.destination(1),
  );
}
