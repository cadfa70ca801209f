/**
 * The proxy's configuration, read from the environment plus an optional `.env` file in the
 * working directory (the environment wins, so a shell `export` overrides the file). The
 * variable names are the seed project's (HOST, PORT, BASE_URL, OPENAI_API_KEY,
 * BIG_MODEL_NAME, SMALL_MODEL_NAME, REFERRER_URL, LOG_LEVEL) plus a few of our own. Empty
 * values count as unset, as in `.env` templates (`OPENAI_API_KEY=`).
 *
 * MAX_RETRIES defaults to 1: the openai SDK retries connection errors, 408/409/429 and 5xx
 * only before any response arrived, so a retry never repeats bytes already streamed to the
 * client. One quick retry absorbs a dropped connection; more would stack on top of Claude
 * Code's own retries (up to 10 with backoff) and delay the error the user needs to see.
 *
 * STREAM_IDLE_TIMEOUT_MS (default 120 s) abandons a started stream whose upstream has sent
 * nothing for that long: pings keep the client's connection open meanwhile, so without it
 * a hung upstream would hold the client until Node's fetch gives up after 300 s of silence.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { z } from 'zod';
import { DEFAULT_STREAM_IDLE_TIMEOUT_MS } from './upstream-silence.ts';

export const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

function integer(name: string, fallback: number, min: number, max: number) {
  return z
    .string()
    .trim()
    .optional()
    .transform((value, ctx) => {
      if (!value) return fallback;
      const parsed = Number(value);
      if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max} (got "${value}")`,
        });
        return z.NEVER;
      }
      return parsed;
    });
}

const httpUrl = (name: string) =>
  optionalText.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: `${name} must be an http:// or https:// URL` },
  );

const envSchema = z.object({
  HOST: optionalText,
  PORT: integer('PORT', 8080, 0, 65535),
  BASE_URL: httpUrl('BASE_URL'),
  OPENAI_API_KEY: optionalText,
  BIG_MODEL_NAME: optionalText,
  SMALL_MODEL_NAME: optionalText,
  REFERRER_URL: optionalText,
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .optional()
    .transform((value) => (value ? value : 'info'))
    .pipe(z.enum(LOG_LEVELS, { error: `LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}` })),
  API_TIMEOUT_MS: integer('API_TIMEOUT_MS', 600_000, 1, 2_147_483_647),
  MAX_RETRIES: integer('MAX_RETRIES', 1, 0, 10),
  CLIENT_API_KEY: optionalText,
  INSPECTOR_TOKEN: optionalText,
  PING_INTERVAL_MS: integer('PING_INTERVAL_MS', 15_000, 10, 300_000),
  STREAM_IDLE_TIMEOUT_MS: integer(
    'STREAM_IDLE_TIMEOUT_MS',
    DEFAULT_STREAM_IDLE_TIMEOUT_MS,
    10,
    3_600_000,
  ),
});

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface ProxyConfig {
  host: string;
  port: number;
  /** Upstream Chat Completions base URL, without a trailing slash. */
  baseUrl: string;
  openaiApiKey?: string;
  /** False on a first run with neither OPENAI_API_KEY nor BASE_URL: calls get a setup error. */
  upstreamConfigured: boolean;
  bigModel?: string;
  smallModel?: string;
  /** Sent as OpenRouter's HTTP-Referer (and X-Title) headers. */
  referrerUrl?: string;
  logLevel: LogLevel;
  apiTimeoutMs: number;
  maxRetries: number;
  /** When set, every /v1 call must carry it as x-api-key or Bearer token. */
  clientApiKey?: string;
  inspectorToken?: string;
  /** Silence on the upstream after which a `ping` event keeps the client's stream alive. */
  pingIntervalMs: number;
  /** Upstream silence inside a started stream after which it is abandoned with an `error` event. */
  streamIdleTimeoutMs: number;
}

export class ProxyConfigError extends Error {
  override name = 'ProxyConfigError';
}

/** The variables of `.env` in `cwd` ({} when there is none). */
export function readDotenv(cwd: string): Record<string, string> {
  const file = join(cwd, '.env');
  if (!existsSync(file)) return {};
  try {
    return parseDotenv(readFileSync(file));
  } catch (error) {
    throw new ProxyConfigError(`Could not read ${file}: ${(error as Error).message}`);
  }
}

export function loadProxyConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd: string = process.cwd(),
): ProxyConfig {
  const merged = { ...readDotenv(cwd), ...env };
  const result = envSchema.safeParse(merged);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.message}`);
    throw new ProxyConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const v = result.data;
  const config: ProxyConfig = {
    host: v.HOST ?? '127.0.0.1',
    port: v.PORT,
    baseUrl: (v.BASE_URL ?? DEFAULT_BASE_URL).replace(/\/+$/, ''),
    upstreamConfigured: v.OPENAI_API_KEY !== undefined || v.BASE_URL !== undefined,
    logLevel: v.LOG_LEVEL,
    apiTimeoutMs: v.API_TIMEOUT_MS,
    maxRetries: v.MAX_RETRIES,
    pingIntervalMs: v.PING_INTERVAL_MS,
    streamIdleTimeoutMs: v.STREAM_IDLE_TIMEOUT_MS,
  };
  if (v.OPENAI_API_KEY) config.openaiApiKey = v.OPENAI_API_KEY;
  if (v.BIG_MODEL_NAME) config.bigModel = v.BIG_MODEL_NAME;
  if (v.SMALL_MODEL_NAME) config.smallModel = v.SMALL_MODEL_NAME;
  if (v.REFERRER_URL) config.referrerUrl = v.REFERRER_URL;
  if (v.CLIENT_API_KEY) config.clientApiKey = v.CLIENT_API_KEY;
  if (v.INSPECTOR_TOKEN) config.inspectorToken = v.INSPECTOR_TOKEN;
  return config;
}

/** The base URL fit for logs, errors and the health page: no credentials, query or fragment. */
export function publicUpstreamUrl(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    url.username = '';
    url.password = '';
    url.search = '';
    url.hash = '';
    return url.toString().replace(/\/+$/, '');
  } catch {
    return '(invalid upstream URL)';
  }
}

/** Every configured secret, for the log redactor. */
export function configSecrets(config: ProxyConfig): string[] {
  const secrets = [config.openaiApiKey, config.clientApiKey, config.inspectorToken];
  try {
    const url = new URL(config.baseUrl);
    secrets.push(url.password || undefined);
    for (const value of url.searchParams.values()) secrets.push(value);
  } catch {
    // An invalid URL was already refused by the schema.
  }
  return secrets.filter(
    (secret): secret is string => typeof secret === 'string' && secret.length > 0,
  );
}
