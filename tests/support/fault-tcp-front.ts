/**
 * A TCP relay in front of the mock upstream on a port of its own, which a test can take
 * down (connections to the port are then refused: nothing listens) and bring back on the
 * same port, so one proxy, configured once with this URL, meets a refused connection and
 * then a working upstream again.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpFront {
  /** OpenAI-style base URL ending in /v1, on the relay's port. */
  url: string;
  /** Stops listening and cuts open connections: connects are refused until `accept()`. */
  refuse(): Promise<void>;
  /** Listens again on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpFront(targetUrl: string): Promise<TcpFront> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  function relay(client: Socket): void {
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(client).add(upstream);
    const drop = (): void => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  }

  async function accept(): Promise<void> {
    const listening = createServer(relay);
    await new Promise<void>((resolve, reject) => {
      listening.once('error', reject);
      listening.listen(port, '127.0.0.1', () => resolve());
    });
    port = (listening.address() as AddressInfo).port;
    server = listening;
  }

  async function refuse(): Promise<void> {
    const closing = server;
    server = undefined;
    for (const socket of sockets) socket.destroy();
    sockets.clear();
    if (closing) await new Promise<void>((resolve) => closing.close(() => resolve()));
  }

  await accept();
  return {
    url: `http://127.0.0.1:${port}${target.pathname}`,
    refuse,
    accept,
    close: refuse,
  };
}
