/**
 * Pulls the human-readable message out of whatever body an OpenAI-compatible upstream sent
 * with an error. Servers disagree on the shape: OpenAI and LiteLLM send
 * `{error:{message}}`, Ollama `{error:"..."}`, vLLM `{object:"error",message}`, FastAPI
 * servers `{detail}`, OpenRouter adds the provider's own text in `error.metadata.raw`, and
 * proxies in front of them answer with HTML pages. The wording is kept as sent; only HTML
 * is reduced to its title so a 50 KB page does not become the error message.
 */

const MAX_MESSAGE_CHARS = 2000;

function truncate(text: string): string {
  return text.length > MAX_MESSAGE_CHARS ? `${text.slice(0, MAX_MESSAGE_CHARS)}…` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function htmlSummary(status: number | undefined, html: string): string {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const text = (title ?? html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
  const what = status === undefined ? 'an HTML page' : `HTTP ${status} with an HTML page`;
  return text ? `Upstream returned ${what}: ${truncate(text)}` : `Upstream returned ${what}`;
}

function messageFromObject(body: Record<string, unknown>): string | undefined {
  if (typeof body.error === 'string' && body.error) return body.error;
  // `{error:{...}}` (OpenAI, LiteLLM, OpenRouter), or the inner object itself as the
  // openai SDK hands it over for errors inside a stream, or vLLM's flat `{message}`.
  const error = isRecord(body.error) ? body.error : body;
  const message = typeof error.message === 'string' && error.message ? error.message : undefined;
  const metadata = isRecord(error.metadata) ? error.metadata : undefined;
  const raw = typeof metadata?.raw === 'string' && metadata.raw ? metadata.raw : undefined;
  const provider =
    typeof metadata?.provider_name === 'string' ? metadata.provider_name : 'provider';
  if (message && raw) return `${message} (${provider}: ${raw})`;
  if (message ?? raw) return message ?? raw;
  if (typeof body.detail === 'string' && body.detail) return body.detail;
  if (body.detail !== undefined) return JSON.stringify(body.detail);
  return undefined;
}

/** The upstream's own words for an error body (parsed JSON, or raw text). */
export function upstreamErrorMessage(status: number | undefined, body: unknown): string {
  const fallback =
    status === undefined
      ? 'Upstream reported an error without a message'
      : `Upstream returned HTTP ${status} with no body`;
  if (body === undefined || body === null) return fallback;
  if (typeof body === 'string') {
    const text = body.trim();
    if (!text) return fallback;
    if (text.startsWith('{')) {
      try {
        return upstreamErrorMessage(status, JSON.parse(text) as unknown);
      } catch {
        // Not JSON after all: fall through to the text.
      }
    }
    if (/^<(!doctype|html|head|body|\?xml)/i.test(text) || /<\/html>/i.test(text)) {
      return htmlSummary(status, text);
    }
    return truncate(text);
  }
  if (isRecord(body)) {
    const message = messageFromObject(body);
    if (message) return truncate(message);
  }
  return truncate(JSON.stringify(body));
}

/**
 * The HTTP-like status inside an error object (OpenRouter's mid-stream `error.code`), so a
 * failure reported inside a 200 stream can still be classified.
 */
export function upstreamErrorCode(body: unknown): number | undefined {
  const error = isRecord(body) && isRecord(body.error) ? body.error : body;
  if (!isRecord(error)) return undefined;
  const code = typeof error.code === 'string' ? Number(error.code) : error.code;
  return typeof code === 'number' && Number.isInteger(code) && code >= 100 && code < 600
    ? code
    : undefined;
}
