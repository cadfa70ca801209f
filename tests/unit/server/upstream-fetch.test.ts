import { once } from 'node:events';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createUpstreamFetch } from '../../../electron/server/upstream-fetch.ts';

type Handler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

interface TestServer {
  url: string;
  /** Remote ports of the requests seen, in order (same port = same kept-alive socket). */
  ports: number[];
  /** Resolves when the server sees the request's connection close. */
  closed: () => Promise<void>;
}

const servers: Server[] = [];

async function serve(handler: Handler): Promise<TestServer> {
  const ports: number[] = [];
  let closedSocket: Promise<void> = Promise.resolve();
  const server = createServer((req, res) => {
    ports.push(req.socket.remotePort ?? 0);
    closedSocket = once(req.socket, 'close').then(() => undefined);
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (piece: string) => (body += piece));
    req.on('end', () => handler(req, res, body));
  });
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, ports, closed: () => closedSocket };
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    server.close();
  }
});

async function readAll(stream: ReadableStream<Uint8Array> | null): Promise<string> {
  return stream ? new Response(stream).text() : '';
}

describe('upstream-fetch: the transport under the openai SDK', () => {
  it('sends the method, headers and body it is given, and answers a standard Response', async () => {
    let seen: { method?: string; headers?: IncomingMessage['headers']; body?: string } = {};
    const server = await serve((req, res, body) => {
      seen = { method: req.method, headers: req.headers, body };
      res.statusMessage = 'Created Here';
      res.setHeader('set-cookie', ['a=1', 'b=2']);
      res.writeHead(201, { 'content-type': 'application/json', 'x-request-id': 'up-1' });
      res.end('{"ok":true}');
    });
    const fetch = createUpstreamFetch();
    const response = await fetch(`${server.url}/v1/chat/completions`, {
      method: 'POST',
      headers: new Headers({ authorization: 'Bearer k', 'content-type': 'application/json' }),
      body: '{"model":"m","stream":false}',
    });
    expect(seen.method).toBe('POST');
    expect(seen.headers).toMatchObject({
      authorization: 'Bearer k',
      'content-type': 'application/json',
      'content-length': '28',
    });
    expect(seen.headers?.['accept-encoding']).toBeUndefined();
    expect(seen.body).toBe('{"model":"m","stream":false}');
    expect(response.status).toBe(201);
    expect(response.ok).toBe(true);
    expect(response.statusText).toBe('Created Here');
    expect(response.headers.get('x-request-id')).toBe('up-1');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('settles at the headers and hands the body on as it arrives, not at its end', async () => {
    let finish!: () => void;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
      finish = () => res.end('data: two\n\n');
    });
    const response = await createUpstreamFetch()(`${server.url}/s`, { method: 'POST', body: '' });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('data: one\n\n');
    finish();
    const second = await reader.read();
    expect(new TextDecoder().decode(second.value)).toBe('data: two\n\n');
    expect((await reader.read()).done).toBe(true);
  });

  it('keeps the connection alive between calls', async () => {
    const server = await serve((_req, res) => res.end('x'));
    const fetch = createUpstreamFetch();
    for (let i = 0; i < 3; i++) {
      await (await fetch(`${server.url}/`, { method: 'GET' })).text();
      // The connection goes back to the pool once the answer's end has been processed.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(server.ports).toHaveLength(3);
    expect(new Set(server.ports).size).toBe(1);
  });

  it('decompresses a body the upstream compressed although nothing asked for it', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      res.end(gzipSync('{"compressed":true}'));
    });
    const response = await createUpstreamFetch()(`${server.url}/`, { method: 'GET' });
    expect(await response.json()).toEqual({ compressed: true });
  });

  it('gives a 204 answer a null body', async () => {
    const server = await serve((_req, res) => res.writeHead(204).end());
    const response = await createUpstreamFetch()(`${server.url}/`, { method: 'DELETE' });
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });

  it('rejects with the socket error when nothing listens', async () => {
    const server = await serve(() => undefined);
    const url = server.url;
    servers.splice(0).forEach((s) => s.close());
    await expect(createUpstreamFetch()(`${url}/`, { method: 'GET' })).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });

  it('aborts a call waiting for its headers with an AbortError and closes the connection', async () => {
    const server = await serve(() => undefined); // never answers
    const controller = new AbortController();
    const pending = createUpstreamFetch()(`${server.url}/`, {
      method: 'POST',
      body: '{}',
      signal: controller.signal,
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await server.closed();
  });

  it('aborts a body being read: the read fails and the upstream sees the connection close', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
    });
    const controller = new AbortController();
    const response = await createUpstreamFetch()(`${server.url}/`, {
      method: 'POST',
      body: '{}',
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    const next = reader.read();
    controller.abort();
    await expect(next).rejects.toMatchObject({ name: 'AbortError' });
    await server.closed();
  });

  it('cancelling the body closes the upstream connection', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n');
    });
    const response = await createUpstreamFetch()(`${server.url}/`, { method: 'POST', body: '{}' });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.cancel();
    await server.closed();
  });

  it('fails the body read when the upstream cuts the connection mid-body', async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: one\n\n', () => setTimeout(() => req.socket.destroy(), 10));
    });
    const response = await createUpstreamFetch()(`${server.url}/`, { method: 'POST', body: '{}' });
    await expect(readAll(response.body)).rejects.toMatchObject({ code: 'UND_ERR_SOCKET' });
  });

  it('gives up on an upstream silent for too long, before or after the headers', async () => {
    const silent = await serve(() => undefined);
    const fetch = createUpstreamFetch({ headersTimeoutMs: 50, bodyTimeoutMs: 50 });
    await expect(fetch(`${silent.url}/`, { method: 'POST', body: '{}' })).rejects.toMatchObject({
      code: 'UND_ERR_HEADERS_TIMEOUT',
    });
    const stalled = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"partial":');
    });
    const response = await fetch(`${stalled.url}/`, { method: 'POST', body: '{}' });
    await expect(response.text()).rejects.toMatchObject({ code: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('refuses what the proxy never sends: Request objects, other protocols, stream bodies', async () => {
    const fetch = createUpstreamFetch();
    await expect(fetch(new Request('http://127.0.0.1:9/'))).rejects.toThrow(/not a Request/);
    await expect(fetch('ftp://127.0.0.1/x')).rejects.toThrow(/Unsupported upstream protocol/);
    await expect(
      fetch('http://127.0.0.1:9/', { method: 'POST', body: new ReadableStream() }),
    ).rejects.toThrow(/string or byte bodies only/);
  });
});

describe('upstream-fetch behind an HTTP(S)_PROXY', () => {
  /**
   * A forward proxy on loopback, as corporate ones are: CONNECT tunnels and absolute-form
   * requests both, each noted by the host it was for.
   */
  async function forwardProxy(): Promise<{ url: string; hosts: string[] }> {
    const hosts: string[] = [];
    const proxy = createServer((req, res) => {
      const target = new URL(req.url ?? '');
      hosts.push(target.host);
      target.hostname = '127.0.0.1'; // the test's upstream names resolve here, as a proxy's DNS would
      const forwarded = httpRequest(
        target,
        { method: req.method, headers: req.headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(forwarded);
    });
    proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
      hosts.push(req.url ?? '');
      const port = Number((req.url ?? '').split(':').at(-1));
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client).pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    servers.push(proxy);
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, hosts };
  }

  it('goes through the proxy HTTP_PROXY names, and straight to hosts NO_PROXY exempts', async () => {
    const server = await serve((_req, res) => res.end('{"via":"upstream"}'));
    const proxy = await forwardProxy();
    // The upstream by a name that is not loopback's own, or it would skip the proxy.
    const upstream = `http://upstream.test:${new URL(server.url).port}`;
    const through = createUpstreamFetch({ env: { HTTP_PROXY: proxy.url } });
    const answer = await through(`${upstream}/v1/chat/completions`, { method: 'POST', body: '{}' });
    expect(await answer.json()).toEqual({ via: 'upstream' });
    expect(proxy.hosts).toEqual([new URL(upstream).host]);

    const exempt = createUpstreamFetch({
      env: { http_proxy: proxy.url, NO_PROXY: 'upstream.test' },
    });
    // Exempt, it is looked up directly: `.test` names never resolve (RFC 2606).
    await expect(exempt(`${upstream}/`, { method: 'GET' })).rejects.toThrow();
    expect(proxy.hosts).toHaveLength(1);
  });

  it('never sends loopback upstreams (Ollama, LM Studio) to the proxy', async () => {
    const server = await serve((_req, res) => res.end('local'));
    const proxy = await forwardProxy();
    const fetch = createUpstreamFetch({ env: { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url } });
    expect(await (await fetch(`${server.url}/`, { method: 'GET' })).text()).toBe('local');
    expect(proxy.hosts).toEqual([]);
  });
});
