/**
 * Tool use and images end to end: tools reach the upstream as functions, tool calls come
 * back as tool_use blocks (JSON and streamed, parallel calls fragmented or interleaved),
 * tool results go back as tool messages, and images reach the upstream as image_url parts.
 */
import type { Tool } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { jsonAnswer, streamAnswer, type MockToolCall } from '../support/mock-openai-upstream.ts';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

const tools: Tool[] = [
  {
    name: 'get_weather',
    description: 'Weather for a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
  {
    name: 'get_time',
    description: 'Local time for a city',
    input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  },
];

const weatherCall: MockToolCall = {
  id: 'call_weather1',
  name: 'get_weather',
  arguments: '{"city":"Paris, «France»"}',
};
const timeCall: MockToolCall = {
  id: 'call_time1',
  name: 'get_time',
  arguments: '{"city":"Tokyo"}',
};
const ask = { role: 'user', content: 'Weather in Paris and time in Tokyo?' } as const;

describe('tool calls', () => {
  it('sends tools as functions and returns a JSON tool call as a tool_use block', async () => {
    rig.upstream.enqueue(jsonAnswer({ toolCalls: [weatherCall] }));
    const message = await rig.proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      tools,
      messages: [ask],
    });
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toMatchObject([
      { type: 'tool_use', name: 'get_weather', input: { city: 'Paris, «France»' } },
    ]);
    const sent = rig.upstream.requests.at(-1)!.body as {
      tools: { type: string; function: { name: string } }[];
    };
    expect(sent.tools.map((tool) => [tool.type, tool.function.name])).toEqual([
      ['function', 'get_weather'],
      ['function', 'get_time'],
    ]);
  });

  it.each([
    ['one after the other', false],
    ['interleaved', true],
  ])('streams parallel tool calls whose argument fragments come %s', async (_how, interleave) => {
    rig.upstream.enqueue(
      streamAnswer({
        text: 'Checking both.',
        toolCalls: [weatherCall, timeCall],
        fragments: 4,
        interleaveToolCalls: interleave,
      }),
    );
    const message = await rig.proxy.client.messages
      .stream({ model: 'claude-sonnet-4-6', max_tokens: 256, tools, messages: [ask] })
      .finalMessage();
    expect(message.stop_reason).toBe('tool_use');
    expect(message.content).toMatchObject([
      { type: 'text', text: 'Checking both.' },
      { type: 'tool_use', name: 'get_weather', input: { city: 'Paris, «France»' } },
      { type: 'tool_use', name: 'get_time', input: { city: 'Tokyo' } },
    ]);
  });

  it('sends tool results back as tool messages answering the call ids', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'Sunny, and it is noon.' }));
    await rig.proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 256,
      tools,
      messages: [
        ask,
        {
          role: 'assistant',
          content: [
            { type: 'tool_use', id: 'toolu_a', name: 'get_weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_b', name: 'get_time', input: { city: 'Tokyo' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_a', content: 'Sunny' },
            { type: 'tool_result', tool_use_id: 'toolu_b', content: '12:00' },
          ],
        },
      ],
    });
    const sent = rig.upstream.requests.at(-1)!.body as {
      messages: { role: string; tool_call_id?: string; content: unknown }[];
    };
    const toolMessages = sent.messages.filter((message) => message.role === 'tool');
    expect(toolMessages.map((message) => message.tool_call_id)).toEqual(['toolu_a', 'toolu_b']);
    expect(JSON.stringify(toolMessages.map((message) => message.content))).toContain('Sunny');
  });
});

describe('images', () => {
  it('sends a base64 image to the upstream as an image_url data URL', async () => {
    rig.upstream.enqueue(jsonAnswer({ text: 'A red pixel.' }));
    const pixel =
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
    await rig.proxy.client.messages.create({
      model: 'claude-sonnet-4-6',
      max_tokens: 64,
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: pixel } },
            { type: 'text', text: 'What is this?' },
          ],
        },
      ],
    });
    const sent = rig.upstream.requests.at(-1)!.body as {
      messages: { role: string; content: unknown }[];
    };
    const user = sent.messages.find((message) => message.role === 'user')!;
    expect(user.content).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          type: 'image_url',
          image_url: expect.objectContaining({ url: `data:image/png;base64,${pixel}` }),
        }),
      ]),
    );
  });
});
