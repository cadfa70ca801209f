/**
 * First-byte latency of a stream: the status line, the SSE headers and `message_start`
 * leave the proxy in one socket write (one packet), not the headers on their own first and
 * the event after them. An upstream that fails before its first chunk still gets the client
 * the headers and `message_start` that way, then the `error` event.
 */
import { connect, type Socket } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutMidStream, streamAnswer } from '../support/mock-openai-upstream.ts';
import { useProxyWithMockUpstream } from '../support/start-test-proxy.ts';

const rig = useProxyWithMockUpstream();

/** What the proxy handed each of its sockets to send, one entry per hand-off (a write syscall). */
const handOffs = new Map<number, string[]>();

type WritableInternals = {
  _write(chunk: unknown, encoding: string, callback: () => void): void;
  _writev(chunks: { chunk: unknown }[], callback: () => void): void;
};

beforeAll(() => {
  // Writable's implementer methods: each call gives the socket one batch to write at once.
  rig.proxy.server.server.on('connection', (socket: Socket) => {
    const sent: string[] = [];
    handOffs.set(socket.remotePort ?? 0, sent);
    const own = socket as unknown as WritableInternals;
    const write = own._write.bind(socket);
    const writev = own._writev.bind(socket);
    own._write = (chunk, encoding, callback) => {
      sent.push(String(chunk));
      write(chunk, encoding, callback);
    };
    own._writev = (chunks, callback) => {
      sent.push(chunks.map(({ chunk }) => String(chunk)).join(''));
      writev(chunks, callback);
    };
  });
});

interface RawStream {
  /** The first data the client's socket received. */
  firstData: string;
  /** Everything it received. */
  text: string;
  /** What the proxy handed its socket for this connection, write by write. */
  handOffs: string[];
}

/** A streamed POST /v1/messages over a plain socket, read to the end of the body. */
function rawStream(): Promise<RawStream> {
  const url = new URL(rig.proxy.url);
  const body = JSON.stringify({
    model: 'claude-sonnet-4-6',
    max_tokens: 64,
    stream: true,
    messages: [{ role: 'user', content: 'Hi' }],
  });
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const received: string[] = [];
    socket.setEncoding('utf8');
    let port = 0;
    socket.on('connect', () => {
      port = socket.localPort ?? 0;
      socket.write(
        `POST /v1/messages HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
    });
    socket.on('data', (data: string) => {
      received.push(data);
      const text = received.join('');
      // The end of the chunked body (the SSE headers keep the connection alive).
      if (!text.endsWith('\r\n0\r\n\r\n')) return;
      socket.destroy();
      resolve({ firstData: received[0]!, text, handOffs: handOffs.get(port) ?? [] });
    });
    socket.on('error', reject);
  });
}

describe('the first write of a stream', () => {
  it('carries the status line, the SSE headers and message_start together', async () => {
    rig.upstream.enqueue(streamAnswer({ text: 'one packet' }));
    const stream = await rawStream();
    const [first] = stream.handOffs;
    expect(first).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(first).toMatch(/\r\ncontent-type: text\/event-stream/i);
    expect(first).toContain('\nevent: message_start\ndata: {"type":"message_start"');
    // So the client's first read holds the event, not only the headers.
    expect(stream.firstData).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(stream.firstData).toContain('event: message_start');
    expect(stream.text).toContain('event: message_stop');
  });

  it('goes out the same way when the upstream fails before its first chunk, the error after it', async () => {
    rig.upstream.enqueue(cutMidStream({ text: 'never sent' }, 0));
    const stream = await rawStream();
    expect(stream.handOffs[0]).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(stream.handOffs[0]).toContain('event: message_start');
    expect(stream.text).toMatch(/event: message_start[\s\S]*event: error\ndata: /);
    expect(stream.text).not.toContain('event: message_stop');
  });
});
