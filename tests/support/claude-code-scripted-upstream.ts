/**
 * A scripted OpenAI Chat Completions upstream that plays the model in one Claude Code session:
 * asked with Claude Code's tool set and no tool result yet, it calls `Write` to create a file;
 * once the result of that call comes back (as a `tool` message answering its call id), it
 * finishes with text. Anything else Claude Code sends (title/summary or quota calls, which
 * carry no tools) gets a short plain answer, as a real model would give.
 *
 * It decides only from what arrives on the wire, so a proxy that drops the tools or loses the
 * tool call makes the session go wrong instead of being papered over; like OpenAI it answers
 * 400 when a tool call is not answered right after it. Responses stream the way real
 * upstreams do: role chunk first, tool arguments and text in fragments, finish_reason before
 * the usage-only chunk, then `[DONE]`. Every request is kept in `calls` for assertions.
 * Listens on 127.0.0.1, port 0.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  ChatCompletion,
  ChatCompletionChunk,
  ChatCompletionCreateParams,
} from 'openai/resources/chat/completions';

export interface ClaudeCodeScript {
  /** Absolute path the model asks Claude Code to write. */
  filePath: string;
  fileContent: string;
  /** The model's closing text once the tool result is back. */
  finalText: string;
  /** Id the model gives its Write call. */
  toolCallId: string;
}

/** Which part of the script answered a call. */
export type ScriptedTurn = 'write-file' | 'finish' | 'background';

export interface ScriptedUpstreamCall {
  method: string;
  path: string;
  body: ChatCompletionCreateParams | undefined;
  /** 'rejected': failed OpenAI's tool-call ordering check and got a 400. */
  turn: ScriptedTurn | 'unknown-path' | 'rejected';
}

export interface ClaudeCodeScriptedUpstream {
  /** OpenAI-style base URL (ends in /v1), as BASE_URL takes it. */
  baseUrl: string;
  calls: ScriptedUpstreamCall[];
  close(): Promise<void>;
}

const BACKGROUND_ANSWER = 'Write a greeting file';

export async function startClaudeCodeScriptedUpstream(
  script: ClaudeCodeScript,
): Promise<ClaudeCodeScriptedUpstream> {
  const calls: ScriptedUpstreamCall[] = [];
  const server = createServer((req, res) => {
    void readJson(req).then((body) => {
      const path = req.url ?? '';
      if (req.method !== 'POST' || !path.startsWith('/v1/chat/completions') || body === undefined) {
        calls.push({ method: req.method ?? '', path, body, turn: 'unknown-path' });
        sendJson(res, 404, {
          error: { message: `no route for ${req.method} ${path}`, type: 'invalid_request_error' },
        });
        return;
      }
      const problem = toolCallOrderProblem(body.messages);
      if (problem) {
        calls.push({ method: req.method, path, body, turn: 'rejected' });
        sendJson(res, 400, {
          error: {
            message: `Invalid parameter: ${problem}`,
            type: 'invalid_request_error',
            param: 'messages',
            code: null,
          },
        });
        return;
      }
      const turn = chooseTurn(body);
      calls.push({ method: req.method, path, body, turn });
      answer(res, body, turn, script);
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function chooseTurn(body: ChatCompletionCreateParams): ScriptedTurn {
  const offersWrite = (body.tools ?? []).some(
    (tool) => tool.type === 'function' && tool.function.name === 'Write',
  );
  if (!offersWrite) return 'background';
  // The proxy may rename tool-call ids on the way (e.g. toolu_ prefixes); what a model relies
  // on is that the result answers the call it made, as checked by toolCallOrderProblem.
  const madeWriteCall = body.messages.some(
    (m) =>
      m.role === 'assistant' &&
      (m.tool_calls ?? []).some(
        (call) => call.type === 'function' && call.function.name === 'Write',
      ),
  );
  return madeWriteCall ? 'finish' : 'write-file';
}

/**
 * OpenAI's own check (it answers 400): every assistant tool call is answered by a `tool`
 * message right after that assistant message, and no `tool` message answers anything else.
 */
export function toolCallOrderProblem(
  messages: ChatCompletionCreateParams['messages'],
): string | undefined {
  for (let i = 0; i < messages.length; i++) {
    const m = messages[i]!;
    if (m.role === 'tool')
      return `messages[${i}]: a tool message must follow an assistant message with tool_calls`;
    if (m.role !== 'assistant' || !m.tool_calls?.length) continue;
    const open = new Set(m.tool_calls.map((call) => call.id));
    let j = i + 1;
    for (; j < messages.length && messages[j]!.role === 'tool'; j++) {
      const tool = messages[j] as Extract<
        ChatCompletionCreateParams['messages'][number],
        { role: 'tool' }
      >;
      if (!open.delete(tool.tool_call_id))
        return `messages[${j}]: tool_call_id ${tool.tool_call_id} answers no pending call`;
    }
    if (open.size > 0)
      return `messages[${i}]: tool_call_ids without a response: ${[...open].join(', ')}`;
    i = j - 1;
  }
  return undefined;
}

function answer(
  res: ServerResponse,
  body: ChatCompletionCreateParams,
  turn: ScriptedTurn,
  script: ClaudeCodeScript,
): void {
  const created = Math.floor(Date.now() / 1000);
  const base = {
    id: `chatcmpl-${turn}-${created}`,
    created,
    model: body.model,
    object: 'chat.completion.chunk' as const,
  };
  const usage = { prompt_tokens: 1200, completion_tokens: 40, total_tokens: 1240 };

  if (!body.stream) {
    const message: ChatCompletion['choices'][number]['message'] =
      turn === 'write-file'
        ? { role: 'assistant', content: null, refusal: null, tool_calls: [writeCall(script)] }
        : {
            role: 'assistant',
            content: turn === 'finish' ? script.finalText : BACKGROUND_ANSWER,
            refusal: null,
          };
    const completion: ChatCompletion = {
      ...base,
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message,
          finish_reason: turn === 'write-file' ? 'tool_calls' : 'stop',
          logprobs: null,
        },
      ],
      usage,
    };
    sendJson(res, 200, completion);
    return;
  }

  const chunks: ChatCompletionChunk[] = [];
  const delta = (
    d: ChatCompletionChunk['choices'][number]['delta'],
    finish: ChatCompletionChunk['choices'][number]['finish_reason'] = null,
  ): void => {
    chunks.push({ ...base, choices: [{ index: 0, delta: d, finish_reason: finish }] });
  };
  delta({ role: 'assistant', content: '' });
  if (turn === 'write-file') {
    const call = writeCall(script);
    delta({
      tool_calls: [
        {
          index: 0,
          id: call.id,
          type: 'function',
          function: { name: call.function.name, arguments: '' },
        },
      ],
    });
    for (const piece of fragments(call.function.arguments, 4))
      delta({ tool_calls: [{ index: 0, function: { arguments: piece } }] });
    delta({}, 'tool_calls');
  } else {
    for (const piece of fragments(turn === 'finish' ? script.finalText : BACKGROUND_ANSWER, 3))
      delta({ content: piece });
    delta({}, 'stop');
  }
  if (body.stream_options?.include_usage) chunks.push({ ...base, choices: [], usage });

  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const chunk of chunks) res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  res.end('data: [DONE]\n\n');
}

function writeCall(script: ClaudeCodeScript) {
  return {
    id: script.toolCallId,
    type: 'function' as const,
    function: {
      name: 'Write',
      arguments: JSON.stringify({ file_path: script.filePath, content: script.fileContent }),
    },
  };
}

/** Splits text into `count` pieces of about equal length (by code point, so JSON stays valid). */
function fragments(text: string, count: number): string[] {
  const chars = Array.from(text);
  const size = Math.ceil(chars.length / count);
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(''));
  return pieces;
}

async function readJson(req: IncomingMessage): Promise<ChatCompletionCreateParams | undefined> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  try {
    return JSON.parse(Buffer.concat(parts).toString('utf8')) as ChatCompletionCreateParams;
  } catch {
    return undefined;
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
