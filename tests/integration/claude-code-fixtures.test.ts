/**
 * The two real request bodies captured from Claude Code 2.1.332 (first turn, and the turn
 * after parallel tool calls), POSTed byte for byte with their captured headers to the path
 * Claude Code uses. They must be accepted, and the upstream must receive a well-formed
 * Chat Completions body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ChatCompletionCreateParams } from 'openai/resources/chat/completions';
import { describe, expect, it } from 'vitest';
import { streamAnswer } from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';

interface Capture {
  _captured: { method: string; url: string; headers: Record<string, string> };
  body: { stream?: boolean; tools?: unknown[]; messages: unknown[] };
}

const fixtureDir = join(import.meta.dirname, '..', 'fixtures', 'claude-code');
const fixtures = ['messages-first-turn.json', 'messages-after-parallel-tool-calls.json'];
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

describe('real Claude Code bodies', () => {
  it.each(fixtures)('%s is accepted and reaches the upstream as a valid body', async (file) => {
    const text = readFileSync(join(fixtureDir, file), 'utf8');
    const capture = JSON.parse(text) as Capture;
    rig.upstream.enqueue(streamAnswer({ text: 'Done.' }));
    const res = await postJson(rig.proxy.url, capture._captured.url, JSON.stringify(capture.body), {
      ...capture._captured.headers,
      authorization: 'Bearer test',
    });
    expect(res.status).toBe(200);
    expect(capture.body.stream).toBe(true);
    expect(res.text).toContain('event: message_stop');

    const sent = rig.upstream.requests.at(-1)!.body as ChatCompletionCreateParams;
    expect(sent.model).toBe('big-model');
    expect(sent.stream).toBe(true);
    expect(sent.messages[0]).toMatchObject({ role: 'system' });
    for (const message of sent.messages) {
      expect(['system', 'user', 'assistant', 'tool', 'developer']).toContain(message.role);
    }
    expect(sent.tools?.length).toBeGreaterThan(0);
    for (const tool of sent.tools ?? []) {
      expect(tool.type).toBe('function');
      if (tool.type === 'function') expect(tool.function.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
    }
    // Every tool message answers a tool call made earlier in the conversation.
    const callIds = new Set(
      sent.messages.flatMap((message) =>
        message.role === 'assistant' ? (message.tool_calls ?? []).map((call) => call.id) : [],
      ),
    );
    for (const message of sent.messages) {
      if (message.role === 'tool') expect(callIds.has(message.tool_call_id)).toBe(true);
    }
  });
});
