/**
 * Shared helpers for the request-translation tests: a minimal valid request, plain
 * OpenAI-compatible quirks with overrides, and the recorded Claude Code bodies.
 */
import { readFileSync } from 'node:fs';
import { quirksFor } from '../../../shared/providers/provider-presets.ts';
import type { ProviderQuirks } from '../../../shared/providers/provider-quirks.ts';
import type { AnthropicMessagesRequest } from '../../../shared/translate/anthropic-request-types.ts';
import {
  translateRequest,
  type RequestTranslation,
} from '../../../shared/translate/request-translator.ts';
import type {
  UpstreamAssistantMessage,
  UpstreamMessage,
} from '../../../shared/translate/upstream-request-types.ts';

export function plainQuirks(overrides: Partial<ProviderQuirks> = {}): ProviderQuirks {
  return { ...quirksFor('custom', 'test-model'), ...overrides };
}

export function request(fields: Partial<AnthropicMessagesRequest> = {}): AnthropicMessagesRequest {
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 1024,
    messages: [{ role: 'user', content: 'hello' }],
    ...fields,
  };
}

export function translate(
  fields: Partial<AnthropicMessagesRequest> = {},
  quirks: Partial<ProviderQuirks> = {},
): RequestTranslation {
  return translateRequest(request(fields), {
    upstreamModel: 'test-model',
    quirks: plainQuirks(quirks),
  });
}

/** The upstream messages without the system message. */
export function chat(translation: RequestTranslation): UpstreamMessage[] {
  return translation.body.messages.filter((message) => message.role !== 'system');
}

export function assistantMessages(translation: RequestTranslation): UpstreamAssistantMessage[] {
  return translation.body.messages.filter(
    (message): message is UpstreamAssistantMessage => message.role === 'assistant',
  );
}

export function noteDetails(translation: RequestTranslation): string[] {
  return translation.notes.map((note) => note.detail);
}

export function loadClaudeCodeBody(name: string): AnthropicMessagesRequest {
  const url = new URL(`../../fixtures/claude-code/${name}`, import.meta.url);
  return (JSON.parse(readFileSync(url, 'utf8')) as { body: AnthropicMessagesRequest }).body;
}
