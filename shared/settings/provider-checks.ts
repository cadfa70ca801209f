/**
 * Results of the checks the settings screen runs against a provider before the user relies
 * on it: "Test connection" (list models, time a tiny completion), the capability grid (one
 * small real call per capability Claude Code leans on) and the "which route?" tester. Both
 * transports carry these shapes.
 */
import type { RequestFacts, RouteResolution } from '../routing/route-rules.ts';
import type { ProviderInput } from './public-settings.ts';
import type { RoutesSettings } from './settings-schema.ts';

export interface TimedStep {
  ok: boolean;
  /** Wall time of the step in ms. */
  ms: number;
  /** Upstream HTTP status when one came back. */
  status?: number;
  /** What went wrong, in words, with the upstream's own message where there is one. */
  error?: string;
}

export interface ProviderTestResult {
  /** Both steps passed. */
  ok: boolean;
  /** GET {base}/models. Many local servers and some gateways do not offer it. */
  models: TimedStep & { ids: string[] };
  /** A one-word non-streamed completion, to prove the key and the model work. */
  completion: TimedStep & { model?: string; reply?: string };
}

/** What a test or check may run against: the stored provider, or the unsaved form. */
export interface ProviderCheckRequest {
  /** Model for the completion; defaults to a route's or the provider's first model. */
  model?: string;
  /** The provider as currently in the form (its key is taken from the stored one unless replaced). */
  draft?: ProviderInput;
}

export const CAPABILITIES = [
  'text',
  'streaming',
  'toolCall',
  'parallelToolCalls',
  'reasoning',
  'imageInput',
  'streamUsage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export const CAPABILITY_LABELS: Readonly<Record<Capability, string>> = {
  text: 'Text',
  streaming: 'Streaming',
  toolCall: 'Tool call',
  parallelToolCalls: 'Parallel tool calls',
  reasoning: 'Reasoning',
  imageInput: 'Image input',
  streamUsage: 'Usage in streams',
};

export interface CapabilityResult {
  capability: Capability;
  /** pass: works; fail: the call worked but the capability is missing; error: the call failed. */
  outcome: 'pass' | 'fail' | 'error';
  detail: string;
  ms: number;
}

export interface CapabilityReport {
  provider: string;
  model: string;
  results: CapabilityResult[];
}

export interface RouteTestRequest {
  facts: RequestFacts;
  /** Routes from the form; the saved routes when omitted. */
  routes?: RoutesSettings;
}

export interface RouteTestResult {
  resolution: RouteResolution;
  /** The saved provider's display name; absent when only the form has that provider. */
  providerName?: string;
}
