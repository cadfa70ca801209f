/**
 * The benchmark's HTTP client: one POST, timed with performance.now() at the moments a user
 * of the API feels (first byte of the body, first token of text, end of the body). The same
 * code drives both paths (the proxy and the mock upstream called directly) over node:http with
 * a keep-alive agent, so client overhead cancels out of the comparison. It reads the body as
 * raw bytes and only looks for the first-token marker until it has found it; it never parses,
 * it only counts the blank lines that end server-sent events (for events per second).
 */
import { Agent, request } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';

export interface TimedResponse {
  status: number;
  /** ms from sending the request to the first byte of the response body. */
  firstByteMs: number;
  /** ms to the first body read that contains `tokenMarker` (the first text token). */
  firstTokenMs: number;
  totalMs: number;
  bytes: number;
  /** Server-sent events in the body (blank-line terminated); 0 for a JSON body. */
  events: number;
}

export interface BenchTarget {
  url: URL;
  /** Serialised request body, prepared once. */
  body: Buffer;
  headers: Record<string, string>;
  /** Bytes that appear in the body only once text tokens flow (e.g. `"text_delta"`). */
  tokenMarker: Buffer;
}

const NEWLINE = 0x0a;
const BLANK_LINE = Buffer.from('\n\n');

/**
 * Ends of server-sent events in one read: each blank line, including one split across two
 * reads (the previous read ended with a newline and this one starts with one). Buffer.indexOf
 * is native, so counting a 1,000-event stream costs the client next to nothing.
 */
function countEventEnds(data: Buffer, previousEndedWithNewline: boolean): number {
  let count = previousEndedWithNewline && data[0] === NEWLINE ? 1 : 0;
  for (let at = data.indexOf(BLANK_LINE); at >= 0; at = data.indexOf(BLANK_LINE, at + 2)) count++;
  return count;
}

export const benchAgent = new Agent({ keepAlive: true, maxSockets: 256 });

/**
 * One timed POST. A kept-alive socket the server closed just as we picked it up fails with
 * ECONNRESET before any byte was exchanged; that attempt is retried once, untimed (Node's
 * documented pattern for `reusedSocket`).
 */
export async function timedPost(target: BenchTarget): Promise<TimedResponse> {
  try {
    return await attempt(target);
  } catch (error) {
    if ((error as { staleSocket?: boolean }).staleSocket) return attempt(target);
    throw error;
  }
}

function attempt(target: BenchTarget): Promise<TimedResponse> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = -1;
    let firstTokenMs = -1;
    let bytes = 0;
    let events = 0;
    let endedWithNewline = false;
    // The marker may straddle two reads: keep the tail of the previous one.
    let tail: Buffer = Buffer.alloc(0);
    const req = request(
      target.url,
      {
        method: 'POST',
        agent: benchAgent,
        headers: { ...target.headers, 'content-length': String(target.body.length) },
      },
      (res) => {
        res.on('data', (data: Buffer) => {
          const now = performance.now() - started;
          if (firstByteMs < 0) firstByteMs = now;
          bytes += data.length;
          events += countEventEnds(data, endedWithNewline);
          endedWithNewline = data[data.length - 1] === NEWLINE;
          if (firstTokenMs < 0) {
            const window = tail.length > 0 ? Buffer.concat([tail, data]) : data;
            if (window.includes(target.tokenMarker)) firstTokenMs = now;
            else tail = window.subarray(Math.max(0, window.length - target.tokenMarker.length));
          }
        });
        res.on('end', () => {
          const totalMs = performance.now() - started;
          resolve({
            status: res.statusCode ?? 0,
            firstByteMs,
            firstTokenMs: firstTokenMs < 0 ? totalMs : firstTokenMs,
            totalMs,
            bytes,
            events,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => {
      const stale = req.reusedSocket && error.code === 'ECONNRESET' && firstByteMs < 0;
      reject(Object.assign(error, { staleSocket: stale }));
    });
    req.end(target.body);
  });
}

/**
 * `clients` concurrent loops, each sending `perClient` requests back to back; loop i starts
 * after i × staggerMs, as independent users would, instead of all clients hitting the same
 * millisecond. Rejects on the first non-2xx so a broken path never yields a flattering number.
 */
export async function runClients(
  target: BenchTarget,
  clients: number,
  perClient: number,
  staggerMs = 0,
): Promise<TimedResponse[]> {
  const results: TimedResponse[] = [];
  const loop = async (_: unknown, index: number): Promise<void> => {
    if (staggerMs > 0 && index > 0) await delay(index * staggerMs);
    for (let i = 0; i < perClient; i++) {
      const response = await timedPost(target);
      if (response.status < 200 || response.status >= 300) {
        throw new Error(`${target.url.href} answered ${response.status}`);
      }
      results.push(response);
    }
  };
  await Promise.all(Array.from({ length: clients }, loop));
  return results;
}
