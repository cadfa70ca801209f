/**
 * The real Claude Code CLI (pinned npm package) through the real proxy, against a scripted
 * OpenAI upstream that makes it write a file with its `Write` tool and then finish.
 *
 * Claude Code hides some failures: a rejected request is retried in a reduced form (without
 * thinking, non-streaming...) and the session still "works". So besides the file and the exit
 * code, every HTTP response the proxy sent is recorded at the socket level and must be 2xx, and
 * every exchange the traffic recorder saw must have completed without an error event.
 */
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProxyConfig } from '../../electron/server/proxy-config.ts';
import { createTrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import type { TrafficRecorder } from '../../electron/server/recorder/traffic-recorder.ts';
import { startProxyServer } from '../../electron/server/start-proxy-server.ts';
import { claudeCliUnavailableReason, runClaudePrint } from '../support/claude-code-cli.ts';
import type { ClaudeRun } from '../support/claude-code-cli.ts';
import { startClaudeCodeScriptedUpstream } from '../support/claude-code-scripted-upstream.ts';
import type {
  ClaudeCodeScript,
  ClaudeCodeScriptedUpstream,
} from '../support/claude-code-scripted-upstream.ts';

const cliProblem = claudeCliUnavailableReason();

interface AnsweredCall {
  method: string;
  url: string;
  status: number;
  /** False when the connection closed before the response was complete. */
  finished: boolean;
}

/** Records the status of every response the server sends, whatever route produced it. */
function recordResponses(server: Server): { answered: AnsweredCall[]; settled(): Promise<void> } {
  const answered: AnsweredCall[] = [];
  let pending = 0;
  let wake: (() => void) | undefined;
  // Ahead of express, which rewrites req.url while routing.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    pending += 1;
    const { method = '', url = '' } = req;
    res.on('close', () => {
      answered.push({
        method,
        url,
        status: res.statusCode,
        finished: res.writableFinished,
      });
      pending -= 1;
      if (pending === 0) wake?.();
    });
  });
  return {
    answered,
    settled: () =>
      pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => (wake = resolve)),
  };
}

const suiteName = cliProblem
  ? `Claude Code CLI end to end (skipped: the CLI cannot run here: ${cliProblem})`
  : 'Claude Code CLI end to end through the proxy';

describe.skipIf(cliProblem !== undefined)(suiteName, () => {
  let root: string;
  let workDir: string;
  let script: ClaudeCodeScript;
  let upstream: ClaudeCodeScriptedUpstream;
  let recorder: TrafficRecorder;
  let proxy: Awaited<ReturnType<typeof startProxyServer>>;
  let responses: ReturnType<typeof recordResponses>;
  let run: ClaudeRun;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'claude-code-e2e-'));
    workDir = join(root, 'project');
    await mkdir(workDir);
    await mkdir(join(root, 'home'));
    script = {
      filePath: join(workDir, 'greeting.txt'),
      fileContent: 'Hello through the proxy: naïve café, 日本語, ✓\nsecond line\n',
      finalText: 'I created greeting.txt with the greeting.',
      toolCallId: 'call_write_greeting_01',
    };
    upstream = await startClaudeCodeScriptedUpstream(script);
    recorder = createTrafficRecorder();
    const config = loadProxyConfig(
      {
        PORT: '0',
        BASE_URL: upstream.baseUrl,
        OPENAI_API_KEY: 'sk-upstream-test',
        BIG_MODEL_NAME: 'scripted-big',
        SMALL_MODEL_NAME: 'scripted-small',
        LOG_LEVEL: 'silent',
        MAX_RETRIES: '0',
      },
      root,
    );
    proxy = await startProxyServer({ config, tap: recorder });
    responses = recordResponses(proxy.server);
    run = await runClaudePrint({
      proxyUrl: proxy.url,
      prompt:
        'Create greeting.txt in the current directory with a short greeting, then say what you did.',
      cwd: workDir,
      home: join(root, 'home'),
      timeoutMs: 100_000,
    });
    await responses.settled();
    recorder.flush();
  }, 120_000);

  afterAll(async () => {
    await proxy?.close();
    recorder?.dispose();
    await upstream?.close();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('exits 0 with the scripted final text as its result', () => {
    expect(
      run.exitCode,
      `claude exited ${run.exitCode} (signal ${run.signal}); stderr:\n${run.stderr}\nstdout:\n${run.stdout}`,
    ).toBe(0);
    const result = JSON.parse(run.stdout) as {
      is_error: boolean;
      result: string;
      num_turns: number;
    };
    expect(result.is_error).toBe(false);
    expect(result.result).toBe(script.finalText);
    expect(result.num_turns).toBe(2);
  });

  it('writes the file the model asked for, byte for byte', async () => {
    expect(await readFile(script.filePath, 'utf8')).toBe(script.fileContent);
  });

  it('gets a 2xx from the proxy for every request it sent', () => {
    const posts = responses.answered.filter(
      (call) => call.method === 'POST' && call.url.startsWith('/v1/messages'),
    );
    expect(posts.length).toBeGreaterThanOrEqual(2);
    expect(
      responses.answered.filter(
        (call) => call.status < 200 || call.status >= 300 || !call.finished,
      ),
    ).toEqual([]);
  });

  it('completes every recorded exchange without an error event', () => {
    const exchanges = recorder.list();
    expect(exchanges.length).toBeGreaterThanOrEqual(2);
    const failed = exchanges.filter(
      (x) => x.state !== 'complete' || x.error !== undefined || (x.status ?? 0) >= 400,
    );
    expect(failed).toEqual([]);
    expect(exchanges.map((x) => x.stopReason)).toContain('tool_use');
  });

  it('hands the upstream the Write call and its result as an answered OpenAI tool call', () => {
    expect(upstream.calls.map((call) => call.turn).filter((turn) => turn !== 'background')).toEqual(
      ['write-file', 'finish'],
    );
    const history = upstream.calls.find((call) => call.turn === 'finish')?.body?.messages ?? [];
    const assistant = history.find((m) => m.role === 'assistant' && m.tool_calls?.length);
    const call = assistant?.role === 'assistant' ? assistant.tool_calls?.[0] : undefined;
    expect(call?.type === 'function' && call.function.name).toBe('Write');
    expect(call?.type === 'function' && JSON.parse(call.function.arguments)).toEqual({
      file_path: script.filePath,
      content: script.fileContent,
    });
    const toolMessage = history[history.indexOf(assistant!) + 1];
    expect(toolMessage).toMatchObject({ role: 'tool', tool_call_id: call?.id });
    expect(JSON.stringify(toolMessage?.content)).toContain(script.filePath);
  });
});
