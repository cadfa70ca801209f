/**
 * GET /inspector/api/events: the bridge contract as server-sent events, for every open
 * inspector page. Each connection first gets `snapshot` (newest first, plus the proxy
 * status), then the recorder's already batched events as `event: <name>\ndata: <json>`;
 * the recorder's `cleared` goes out as a fresh snapshot. One recorder subscription serves
 * all connections, so each payload is serialised once however many pages are open.
 * A comment line every 15 s keeps proxies and idle timers from closing the stream, and the
 * same tick pushes `status` when it changed. A client that stops reading is dropped once
 * its unsent backlog passes `maxBufferedBytes` (its EventSource reconnects and gets a new
 * snapshot), so a stuck tab cannot make the proxy buffer without bound.
 */
import type { Request, Response } from 'express';
import type { BridgeEventName, BridgeEvents, ProxyStatus } from '../../../shared/bridge.ts';
import type { RecorderEventArgs, TrafficRecorder } from '../recorder/traffic-recorder.ts';

export interface EventsHubOptions {
  recorder: TrafficRecorder;
  status: () => ProxyStatus;
  keepAliveMs?: number;
  maxBufferedBytes?: number;
}

export interface EventsHub {
  handle(req: Request, res: Response): void;
  /** Pushes the current status to every page now. */
  broadcastStatus(): void;
  /** Ends every open stream (server shutdown). */
  close(): void;
  connectionCount(): number;
}

export function createEventsHub(options: EventsHubOptions): EventsHub {
  const { recorder, status } = options;
  const keepAliveMs = options.keepAliveMs ?? 15_000;
  const maxBufferedBytes = options.maxBufferedBytes ?? 16 * 1024 * 1024;
  const clients = new Set<Response>();
  let unsubscribe: (() => void) | undefined;
  let ticker: ReturnType<typeof setInterval> | undefined;
  let lastStatus = '';

  function frame<K extends BridgeEventName>(name: K, payload: BridgeEvents[K]): string {
    return `event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`;
  }

  function snapshotFrame(): string {
    const current = status();
    lastStatus = JSON.stringify(current);
    return frame('snapshot', { exchanges: recorder.list(), status: current });
  }

  function send(res: Response, text: string): void {
    if (res.writableLength > maxBufferedBytes) {
      clients.delete(res);
      res.destroy();
      return;
    }
    res.write(text);
  }

  function broadcast(text: string): void {
    for (const res of clients) send(res, text);
  }

  function onRecorderEvent(...[name, payload]: RecorderEventArgs): void {
    switch (name) {
      case 'cleared':
        broadcast(snapshotFrame());
        return;
      case 'exchange-started':
      case 'exchange-updated':
      case 'exchange-completed':
      case 'exchanges-evicted':
        broadcast(frame(name, payload));
        return;
    }
  }

  function tick(): void {
    const current = status();
    const json = JSON.stringify(current);
    if (json !== lastStatus) {
      lastStatus = json;
      broadcast(frame('status', current));
    }
    broadcast(': keep-alive\n\n');
  }

  function start(): void {
    unsubscribe ??= recorder.subscribe(onRecorderEvent);
    if (ticker === undefined) {
      ticker = setInterval(tick, keepAliveMs);
      ticker.unref();
    }
  }

  function stopIfIdle(): void {
    if (clients.size > 0) return;
    unsubscribe?.();
    unsubscribe = undefined;
    if (ticker !== undefined) clearInterval(ticker);
    ticker = undefined;
  }

  return {
    handle(req, res) {
      res.status(200).set({
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
        'X-Accel-Buffering': 'no',
      });
      res.flushHeaders();
      req.socket.setNoDelay(true);
      start();
      clients.add(res);
      send(res, `retry: 1000\n\n${snapshotFrame()}`);
      res.on('close', () => {
        clients.delete(res);
        stopIfIdle();
      });
    },
    broadcastStatus() {
      const current = status();
      lastStatus = JSON.stringify(current);
      broadcast(frame('status', current));
    },
    close() {
      for (const res of clients) res.end();
      clients.clear();
      stopIfIdle();
    },
    connectionCount: () => clients.size,
  };
}
