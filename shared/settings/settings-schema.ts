/**
 * The one settings schema: the headless file store, the settings API, the route resolver and
 * the settings form all parse and type settings with these zod schemas, so a field added here
 * is validated the same way everywhere. The stored document carries secrets (API keys, the
 * client key) in plain form; stores encode them at rest and `public-settings.ts` is the only
 * shape that ever leaves the proxy side.
 *
 * Cross-field rules (unique ids, routes naming known providers) live in
 * `settings-validation.ts`, so a document can be structurally parsed even while it names a
 * provider that only the environment defines.
 */
import { z } from 'zod';
import { PROVIDER_PRESET_IDS } from '../providers/provider-presets.ts';
import type { ModelPrice } from '../traffic/model-prices.ts';

/** Bumped with every change that needs a migration step (see settings-migrations.ts). */
export const SETTINGS_VERSION = 1;

/** pino's level names; the seed's Python-style names are mapped when the env is read. */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Provider ids appear in URLs (/providers/:id/test) and in routes, so keep them plain. */
export const PROVIDER_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} is required` });

export const routeTargetSchema = z.object({
  provider: nonEmpty('Provider'),
  model: nonEmpty('Model'),
});

const headerName = z
  .string()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, { error: 'Not a valid header name' });

/** Same shape as the recorder's built-in price table, in USD per million tokens. */
const modelPriceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cachedInput: z.number().nonnegative().optional(),
}) satisfies z.ZodType<ModelPrice>;

/** Per-provider overrides of the preset's quirks (see shared/providers/provider-quirks.ts). */
export const quirkOverridesSchema = z
  .object({
    maxCompletionTokensField: z.boolean(),
    maxTokensCap: z.number().int().positive(),
    reasoningRequest: z.enum(['reasoning_effort', 'openrouter', 'deepseek', 'none']),
    reasoningEcho: z.enum(['none', 'reasoning_content', 'reasoning', 'reasoning_details']),
    echoReasoningOnlyAroundToolCalls: z.boolean(),
    keepTopK: z.boolean(),
    dropSamplingParams: z.boolean(),
    dropToolChoiceWithThinking: z.boolean(),
    geminiSchemaCleaning: z.boolean(),
    maxToolCallIdLength: z.number().int().min(8),
    supportsImages: z.boolean(),
    supportsFileParts: z.boolean(),
    alwaysThinks: z.boolean(),
    geminiThoughtSignatures: z.boolean(),
  })
  .partial();

export const providerSchema = z.object({
  id: z.string().regex(PROVIDER_ID_PATTERN, {
    error: 'Use 1–40 lowercase letters, digits, "-" or "_", starting with a letter or digit',
  }),
  name: nonEmpty('Name'),
  preset: z.enum(PROVIDER_PRESET_IDS),
  baseUrl: z.url({ protocol: /^https?$/, error: 'Enter an http:// or https:// URL' }),
  /** Secret. Absent for keyless local servers (Ollama, LM Studio, vLLM). */
  apiKey: z.string().min(1, { error: 'Enter a key' }).optional(),
  extraHeaders: z.record(headerName, z.string()).default({}),
  /** Models offered in pickers; filled from GET /models or typed by the user. */
  models: z.array(z.string().min(1)).default([]),
  prices: z.record(z.string().min(1), modelPriceSchema).default({}),
  /** Sent as OpenRouter's HTTP-Referer (the seed's REFERRER_URL). */
  referrerUrl: z.url({ error: 'Enter a URL' }).optional(),
  quirks: quirkOverridesSchema.default({}),
});

/**
 * Every condition is optional and they all must hold; a rule without conditions matches
 * every call (a catch-all). Booleans are tri-state: absent means "either".
 */
export const ruleConditionsSchema = z.object({
  /** Glob on the requested model id (`*` any run, `?` one character), case-insensitive. */
  model: z.string().trim().min(1).optional(),
  thinking: z.boolean().optional(),
  images: z.boolean().optional(),
  tools: z.boolean().optional(),
  /** Matches when the estimated input is above this many tokens (long context). */
  inputTokensAbove: z.number().int().nonnegative().optional(),
  /** Background/small-model calls: Claude Code asks for its haiku slot for these. */
  background: z.boolean().optional(),
});

export const routeRuleSchema = z.object({
  id: z.string().min(1),
  name: nonEmpty('Rule name'),
  enabled: z.boolean().default(true),
  when: ruleConditionsSchema.default({}),
  target: routeTargetSchema,
  /** Tried once when the target answers 429 or 5xx before any byte was streamed. */
  fallback: routeTargetSchema.optional(),
});

export const routesSchema = z.object({
  /** opus/sonnet requests, and pass-through ids without a provider of their own. */
  big: routeTargetSchema,
  /** haiku (background) requests. */
  small: routeTargetSchema,
  /** Ordered; the first enabled rule that matches wins, before big/small. */
  rules: z.array(routeRuleSchema).default([]),
});

export const serverSettingsSchema = z.object({
  host: nonEmpty('Host'),
  port: z.number().int().min(0).max(65535, { error: 'Port must be 0–65535' }),
  /** Secret. When set, clients must send it as x-api-key or Authorization: Bearer. */
  clientKey: z.string().min(1, { error: 'Enter a key' }).optional(),
});

export const inspectorSettingsSchema = z.object({
  /** Record calls at all. */
  enabled: z.boolean(),
  /** Exchanges kept in memory; the oldest are evicted first (default 1,000). */
  maxExchanges: z.number().int().min(1).max(100_000),
  /**
   * Memory budget of the recorder, in MB of JS heap its records retain (default 100, the
   * recorder's own default too): the oldest exchanges are evicted first past it. The recorder
   * prices records as V8 lays them out (traffic recorder's size-estimate.ts), so the process
   * grows by about this much, plus the GC's headroom, once the budget is full.
   */
  maxMemoryMb: z.number().int().min(8).max(8192),
});

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  server: serverSettingsSchema,
  providers: z.array(providerSchema),
  routes: routesSchema,
  inspector: inspectorSettingsSchema,
  logLevel: z.enum(LOG_LEVELS),
});

export type Settings = z.infer<typeof settingsSchema>;
export type ProviderSettings = z.infer<typeof providerSchema>;
export type QuirkOverrides = z.infer<typeof quirkOverridesSchema>;
export type RouteTarget = z.infer<typeof routeTargetSchema>;
export type RouteRule = z.infer<typeof routeRuleSchema>;
export type RuleConditions = z.infer<typeof ruleConditionsSchema>;
export type RoutesSettings = z.infer<typeof routesSchema>;
export type ServerSettings = z.infer<typeof serverSettingsSchema>;
export type InspectorSettings = z.infer<typeof inspectorSettingsSchema>;
