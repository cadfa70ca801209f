/**
 * Feeds the traffic recorder directly through its tap, the way the proxy does, to put
 * thousands of realistic exchanges in it fast: Claude Code-shaped requests in a few sessions
 * (system prompt, tools, a growing history), streamed answers of a few chunks and events,
 * and an upstream error now and then. Marks come from a clock the caller advances, so
 * durations and time to first token look real.
 */
import type { TrafficRecorder } from '../../../electron/server/recorder/traffic-recorder.ts';

export interface ManualClock {
  now(): number;
  advance(ms: number): void;
}

export function manualClock(): ManualClock {
  let t = 0;
  return { now: () => t, advance: (ms) => void (t += ms) };
}

const SYSTEM =
  'You are Claude Code, an interactive CLI tool that helps users with software engineering tasks. '.repeat(
    12,
  );
const TOOLS = ['Read', 'Edit', 'Bash', 'Grep', 'Glob', 'Write'].map((name) => ({
  name,
  description: `${name}: ${'does the thing it says, carefully. '.repeat(6)}`,
  input_schema: {
    type: 'object',
    properties: { path: { type: 'string' }, pattern: { type: 'string' } },
  },
}));

function request(turn: number) {
  const messages: unknown[] = [
    { role: 'user', content: `Task ${turn}: tidy up the parser module` },
  ];
  for (let i = 0; i < turn % 6; i++) {
    messages.push({
      role: 'assistant',
      content: [
        {
          type: 'tool_use',
          id: `toolu_${turn}_${i}`,
          name: 'Read',
          input: { path: `src/file-${i}.ts` },
        },
      ],
    });
    messages.push({
      role: 'user',
      content: [
        {
          type: 'tool_result',
          tool_use_id: `toolu_${turn}_${i}`,
          content: `export const value${i} = ${i};\n`.repeat(8),
        },
      ],
    });
  }
  return {
    model: 'claude-sonnet-4-6',
    max_tokens: 32000,
    stream: true,
    system: SYSTEM,
    tools: TOOLS,
    messages,
  };
}

/** Records `count` completed exchanges; every 40th fails upstream with a 429. */
export function injectExchanges(
  recorder: TrafficRecorder,
  clock: ManualClock,
  count: number,
  prefix = 'inj',
): string[] {
  const ids: string[] = [];
  const startedAt = Date.now() - count * 700;
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${String(i).padStart(5, '0')}`;
    ids.push(id);
    const body = request(i);
    recorder.started({
      id,
      receivedAt: startedAt + i * 700,
      method: 'POST',
      path: '/v1/messages?beta=true',
      clientHeaders: {
        'user-agent': 'claude-cli/2.1.332 (external, cli)',
        'x-claude-code-session-id': `session-${Math.floor(i / 50)}`,
        'content-type': 'application/json',
        authorization: 'Bearer anything',
      },
      anthropicRequest: body,
    });
    recorder.routed(id, {
      requestedModel: body.model,
      provider: 'openrouter',
      upstreamModel: 'openai/gpt-5-mini',
      rule: 'big (opus/sonnet)',
      stream: true,
      estimatedInputTokens: 1800 + (i % 6) * 150,
    });
    clock.advance(2);
    recorder.upstreamRequest(
      id,
      {
        model: 'openai/gpt-5-mini',
        stream: true,
        messages: [{ role: 'user', content: `Task ${i}` }],
      },
      { authorization: 'Bearer sk-or-not-the-real-one-0000', 'content-type': 'application/json' },
      [{ kind: 'dropped', field: 'context_management', detail: 'not supported upstream' }],
      'https://openrouter.ai/api/v1/chat/completions',
    );
    clock.advance(180 + (i % 7) * 20);
    if (i % 40 === 39) {
      recorder.upstreamResponseHeaders(id, 429, { 'retry-after': '3' });
      recorder.completed(id, {
        status: 429,
        error: { type: 'rate_limit_error', message: 'Rate limit reached' },
      });
      continue;
    }
    recorder.upstreamResponseHeaders(id, 200, { 'content-type': 'text/event-stream' });
    for (let c = 0; c < 4; c++) {
      clock.advance(40);
      recorder.openaiChunks(id, [
        JSON.stringify({
          id: `cmpl-${i}`,
          object: 'chat.completion.chunk',
          created: 0,
          model: 'openai/gpt-5-mini',
          choices: [{ index: 0, delta: { content: `part ${c} ` }, finish_reason: null }],
        }),
      ]);
      recorder.anthropicEvents(id, [
        JSON.stringify({
          type: 'content_block_delta',
          index: 0,
          delta: { type: 'text_delta', text: `part ${c} ` },
        }),
      ]);
    }
    recorder.anthropicResponse(id, undefined, { 'content-type': 'text/event-stream' });
    clock.advance(60);
    recorder.completed(id, {
      status: 200,
      stopReason: 'end_turn',
      usage: { input_tokens: 400, output_tokens: 40 + (i % 50), cache_read_input_tokens: 1500 },
    });
  }
  recorder.flush();
  return ids;
}
