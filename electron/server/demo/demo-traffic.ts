/**
 * The demo's sample traffic: a few calls of different kinds sent through the proxy itself
 * (with the official Anthropic SDK, as a real client would) when demo mode starts, so the
 * inspector fills at once and every view has something to show: parallel tool calls, the
 * follow-up turn with their results (cached tokens), a call with thinking, a background
 * call without streaming, and one that the simulated upstream answers with a rate limit.
 *
 * The calls say what they are: user agent "anthropic-proxy-demo/<version>" and one
 * session id starting with "demo-", so they group as one session and never pass for a
 * user's own traffic. Five calls, one every `spacingMs` (2 s by default), then it stops.
 */
import { randomBytes } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import Anthropic from '@anthropic-ai/sdk';
import type {
  ContentBlock,
  ContentBlockParam,
  MessageCreateParamsBase,
  MessageParam,
  Tool,
  ToolResultBlockParam,
} from '@anthropic-ai/sdk/resources/messages';
import { PROXY_VERSION } from '../proxy-version.ts';

export const DEMO_CLIENT_USER_AGENT = `anthropic-proxy-demo/${PROXY_VERSION}`;

export interface DemoTrafficOptions {
  proxyUrl: string;
  /** The proxy's client key, when it requires one. */
  clientKey?: string;
  /** Between the starts of two calls (default 2000 ms). */
  spacingMs?: number;
  signal?: AbortSignal;
  /** Told about each call that failed other than by design (the rate-limited one). */
  onError?(error: unknown): void;
}

export interface DemoTrafficResult {
  sent: number;
  /** Calls that ended in an error, the designed rate limit included. */
  failed: number;
}

const TOOLS: Tool[] = [
  {
    name: 'read_file',
    description: 'Read a file of the repository.',
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string', description: 'Path from the repository root' } },
      required: ['path'],
    },
  },
  {
    name: 'search_code',
    description: 'Search the repository for a text.',
    input_schema: {
      type: 'object',
      properties: {
        query: { type: 'string' },
        max_results: { type: 'integer', minimum: 1 },
      },
      required: ['query', 'max_results'],
    },
  },
  {
    name: 'list_directory',
    description: 'List the entries of a directory.',
    input_schema: {
      type: 'object',
      properties: { path: { type: 'string' } },
      required: ['path'],
    },
  },
];

const SYSTEM =
  "You are a coding assistant working in the anthropic-proxy repository. Use the tools to look things up before answering. (Sent by the proxy's demo mode.)";

const FIRST_QUESTION =
  'How does the proxy turn streamed OpenAI tool-call fragments into Anthropic tool_use blocks?';

function toolResults(content: readonly ContentBlockParam[]): ToolResultBlockParam[] {
  return content.flatMap((block) =>
    block.type === 'tool_use'
      ? [
          {
            type: 'tool_result' as const,
            tool_use_id: block.id,
            content: `(demo) output of ${block.name}: shared/translate/stream-tool-calls.ts keys calls by index and buffers their argument fragments.`,
          },
        ]
      : [],
  );
}

/** What the model said in the first turn, or a stand-in when that call failed. */
function firstTurn(answer: readonly ContentBlock[] | undefined): ContentBlockParam[] {
  if (answer && answer.some((block) => block.type === 'tool_use')) {
    return answer.flatMap((block): ContentBlockParam[] => {
      if (block.type === 'text') return [{ type: 'text', text: block.text }];
      if (block.type === 'tool_use')
        return [{ type: 'tool_use', id: block.id, name: block.name, input: block.input }];
      return [];
    });
  }
  return [
    { type: 'tool_use', id: 'toolu_demo_read', name: 'read_file', input: { path: 'README.md' } },
  ];
}

export async function sendDemoTraffic(options: DemoTrafficOptions): Promise<DemoTrafficResult> {
  const spacing = options.spacingMs ?? 2000;
  const { signal } = options;
  const client = new Anthropic({
    baseURL: options.proxyUrl,
    apiKey: options.clientKey ?? 'demo-mode',
    maxRetries: 0,
    defaultHeaders: {
      'user-agent': DEMO_CLIENT_USER_AGENT,
      'x-claude-code-session-id': `demo-${randomBytes(6).toString('hex')}`,
    },
  });
  const result: DemoTrafficResult = { sent: 0, failed: 0 };
  const stream = async (params: MessageCreateParamsBase): Promise<ContentBlock[]> => {
    const message = await client.messages.stream(params, { signal }).finalMessage();
    return message.content;
  };

  const firstUser: MessageParam = { role: 'user', content: FIRST_QUESTION };
  let firstAnswer: ContentBlock[] | undefined;
  const calls: { expectError?: boolean; run: () => Promise<unknown> }[] = [
    {
      run: async () => {
        firstAnswer = await stream({
          model: 'claude-sonnet-4-6',
          max_tokens: 4096,
          system: SYSTEM,
          tools: TOOLS,
          messages: [firstUser],
        });
      },
    },
    {
      run: () => {
        const assistant = firstTurn(firstAnswer);
        return stream({
          model: 'claude-sonnet-4-6',
          max_tokens: 4096,
          system: SYSTEM,
          tools: TOOLS,
          messages: [
            firstUser,
            { role: 'assistant', content: assistant },
            { role: 'user', content: toolResults(assistant) },
          ],
        });
      },
    },
    {
      run: () =>
        stream({
          model: 'claude-opus-4-6',
          max_tokens: 8192,
          // What Claude Code sends: adaptive thinking with an effort.
          thinking: { type: 'adaptive' },
          output_config: { effort: 'medium' },
          system: SYSTEM,
          messages: [
            { role: 'user', content: 'Why is the time to first token of my calls so high?' },
          ],
        }),
    },
    {
      run: () =>
        client.messages.create(
          {
            model: 'claude-haiku-4-5',
            max_tokens: 64,
            messages: [
              {
                role: 'user',
                content: `Write a five-word title for this conversation: ${FIRST_QUESTION}`,
              },
            ],
          },
          { signal },
        ),
    },
    {
      expectError: true,
      run: () =>
        stream({
          model: 'claude-sonnet-4-6',
          max_tokens: 1024,
          system: SYSTEM,
          messages: [
            {
              role: 'user',
              content: 'Summarise what we found so far. (Demo: simulate a rate limit.)',
            },
          ],
        }),
    },
  ];

  const started = Date.now();
  for (const [index, call] of calls.entries()) {
    // A quarter step before the first call lets the start banner print first.
    const wait = started + (index + 0.25) * spacing - Date.now();
    if (wait > 0) await delay(wait, undefined, { signal });
    signal?.throwIfAborted();
    result.sent++;
    try {
      await call.run();
    } catch (error) {
      if (signal?.aborted) throw error;
      result.failed++;
      if (!call.expectError) options.onError?.(error);
    }
  }
  return result;
}
