/**
 * SSE transport details: the response headers, and a `ping` event whenever the upstream
 * stays silent longer than the ping interval (Claude Code drops streams after 300 s with
 * no byte; here the interval is shortened to 40 ms).
 */
import { describe, expect, it } from 'vitest';
import { streamAnswer } from '../support/mock-openai-upstream.ts';
import { postJson } from '../support/raw-http.ts';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream({ env: { PING_INTERVAL_MS: '40' } });

const body = {
  model: 'claude-sonnet-4-6',
  max_tokens: 64,
  stream: true,
  messages: [{ role: 'user', content: 'Hi' }],
};

describe('SSE transport', () => {
  it('answers with event-stream headers, no caching or proxy buffering, and a request id', async () => {
    rig.upstream.enqueue(streamAnswer({ text: 'hi' }));
    const res = await postJson(rig.proxy.url, '/v1/messages?beta=true', body);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/event-stream/);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['x-accel-buffering']).toBe('no');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['request-id']).toMatch(/^req_/);
    expect(res.text.startsWith('event: message_start\n')).toBe(true);
  });

  it('sends ping events while the upstream is silent, and none once chunks flow fast', async () => {
    rig.upstream.enqueue(streamAnswer({ text: 'slow answer here', fragments: 2 }, { paceMs: 150 }));
    const slow = await postJson(rig.proxy.url, '/v1/messages', body);
    // message_start is followed by one ping from the translator; silences add more.
    expect(slow.text.match(/^event: ping$/gm)!.length).toBeGreaterThan(2);
    expect(slow.text).toContain('event: message_stop');

    rig.upstream.enqueue(streamAnswer({ text: 'fast answer' }));
    const fast = await postJson(rig.proxy.url, '/v1/messages', body);
    expect(fast.text.match(/^event: ping$/gm)!.length).toBe(1);
  });
});
