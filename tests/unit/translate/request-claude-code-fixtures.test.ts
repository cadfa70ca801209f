import type {
  ChatCompletionCreateParams,
  ChatCompletionFunctionTool,
} from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { quirksFor, type ProviderPresetId } from '../../../shared/providers/provider-presets.ts';
import type { AnthropicMessagesRequest } from '../../../shared/translate/anthropic-request-types.ts';
import { translateRequest } from '../../../shared/translate/request-translator.ts';
import { parseMessagesRequest } from '../../../shared/validation/anthropic-request-schema.ts';
import { loadClaudeCodeBody } from './request-test-kit.ts';

const FIXTURES = ['messages-first-turn.json', 'messages-after-parallel-tool-calls.json'];

const TARGETS: [ProviderPresetId, string][] = [
  ['custom', 'qwen3-coder'],
  ['openrouter', 'anthropic/claude-sonnet-4.5'],
  ['openai', 'gpt-5'],
  ['openai', 'gpt-4o'],
  ['deepseek', 'deepseek-chat'],
  ['deepseek', 'deepseek-reasoner'],
  ['gemini', 'gemini-3-pro-preview'],
  ['groq', 'openai/gpt-oss-120b'],
  ['vllm', 'mistralai/Devstral-Small-2507'],
];

function run(body: AnthropicMessagesRequest, preset: ProviderPresetId, model: string) {
  return translateRequest(body, { upstreamModel: model, quirks: quirksFor(preset, model) });
}

describe.each(FIXTURES)('Claude Code body %s', (fixture) => {
  const body = loadClaudeCodeBody(fixture);

  it('passes validation', () => {
    const parsed = parseMessagesRequest(body);
    expect(parsed.ok ? 'ok' : parsed.message).toBe('ok');
  });

  describe.each(TARGETS)('to %s %s', (preset, model) => {
    const translation = run(body, preset, model);
    // Compile-time: the body is what the openai SDK takes.
    const sdkBody: ChatCompletionCreateParams = translation.body;

    it('translates to a body with every tool carrying an object schema', () => {
      const tools = (sdkBody.tools ?? []) as ChatCompletionFunctionTool[];
      expect(tools.length).toBe(body.tools!.length);
      for (const tool of tools) expect(tool.function.parameters).toMatchObject({ type: 'object' });
    });

    it('carries no cache_control, defer_loading or Anthropic-only top-level field', () => {
      const json = JSON.stringify(sdkBody);
      for (const word of [
        'cache_control',
        'defer_loading',
        'context_management',
        'output_config',
        'metadata',
      ]) {
        expect(json).not.toContain(`"${word}"`);
      }
    });

    it('has exactly one system message, first', () => {
      expect(sdkBody.messages[0]!.role).toBe('system');
      expect(sdkBody.messages.filter((message) => message.role === 'system')).toHaveLength(1);
    });

    it('streams with usage', () => {
      expect(sdkBody).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    });
  });
});

describe('Claude Code specifics', () => {
  it('merges the role "system" message of the first turn into the system prompt', () => {
    const translation = run(loadClaudeCodeBody('messages-first-turn.json'), 'custom', 'm');
    const system = translation.body.messages[0]!;
    expect(system.content).toContain(
      "You are a Claude agent, built on Anthropic's Claude Agent SDK.",
    );
    expect(system.content).toContain(
      '# Environment\nYou have been invoked in the following environment',
    );
    expect(translation.notes).toContainEqual(
      expect.objectContaining({ kind: 'changed', field: 'messages[1]' }),
    );
  });

  it.each<[ProviderPresetId, string, Record<string, number>]>([
    ['deepseek', 'deepseek-chat', { max_tokens: 8192 }],
    ['deepseek', 'deepseek-reasoner', { max_tokens: 64000 }],
    ['openai', 'gpt-4o', { max_tokens: 16384 }],
    ['openai', 'gpt-5', { max_completion_tokens: 128000 }],
    ['groq', 'llama-3.3-70b-versatile', { max_tokens: 32768 }],
    ['custom', 'anything', { max_tokens: 128000 }],
  ])('clamps max_tokens 128000 where %s %s has a cap', (preset, model, expected) => {
    const { body } = run(loadClaudeCodeBody('messages-first-turn.json'), preset, model);
    expect(body).toMatchObject(expected);
  });

  it('sends the parallel tool results right after the assistant tool_calls, in call order', () => {
    const { body } = run(
      loadClaudeCodeBody('messages-after-parallel-tool-calls.json'),
      'custom',
      'm',
    );
    const roles = body.messages.map((message) => message.role);
    expect(roles).toEqual(['system', 'user', 'assistant', 'tool', 'tool']);
    const assistant = body.messages[2]!;
    const callIds =
      assistant.role === 'assistant' ? assistant.tool_calls!.map((call) => call.id) : [];
    expect(callIds).toEqual(['call_t2_0_yvwmlgnd', 'call_t2_1_dzxg4zb3']);
    expect(
      body.messages
        .slice(3)
        .map((message) => (message.role === 'tool' ? message.tool_call_id : '')),
    ).toEqual(callIds);
    expect(assistant.content).toBe('Writing 2 files in parallel.');
  });

  it('handles echoed thinking blocks with empty signatures on every preset', () => {
    const body = loadClaudeCodeBody('messages-after-parallel-tool-calls.json');
    const assistant = body.messages[1]!;
    const withThinking: AnthropicMessagesRequest = {
      ...body,
      messages: body.messages.map((message) =>
        message === assistant && Array.isArray(assistant.content)
          ? {
              ...assistant,
              content: [{ type: 'thinking', thinking: '', signature: '' }, ...assistant.content],
            }
          : message,
      ),
    } as AnthropicMessagesRequest;
    expect(parseMessagesRequest(withThinking).ok).toBe(true);
    for (const [preset, model] of TARGETS) {
      const json = JSON.stringify(run(withThinking, preset, model).body);
      expect(json).not.toContain('"signature"');
      expect(json).not.toContain('"type":"thinking"');
    }
    const deepseek = run(withThinking, 'deepseek', 'deepseek-chat').body.messages[2];
    expect(deepseek).toMatchObject({ role: 'assistant', reasoning_content: '' });
  });

  it('maps adaptive thinking with effort medium per provider', () => {
    const body = loadClaudeCodeBody('messages-first-turn.json');
    expect(run(body, 'custom', 'm').body).toMatchObject({ reasoning_effort: 'medium' });
    expect(run(body, 'openrouter', 'x/y').body).toMatchObject({ reasoning: { effort: 'medium' } });
    expect(run(body, 'deepseek', 'deepseek-chat').body).toMatchObject({
      thinking: { type: 'enabled' },
      reasoning_effort: 'medium',
    });
    expect(run(body, 'openai', 'gpt-4o').body).not.toHaveProperty('reasoning_effort');
  });
});
