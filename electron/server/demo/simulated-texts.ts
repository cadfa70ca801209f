/**
 * The words of the simulated upstream: canned answers, reasoning and the short lead-ins
 * before tool calls, written to look like what a coding model says so the inspector's views
 * (conversation, stream timeline, token counts) have something realistic to show. Every
 * full answer ends with a line saying it is simulated, so a reader of the conversation (or
 * a Claude Code user in demo mode) can never mistake it for a model's answer.
 */

export const SIMULATED_FOOTER =
  '_(Simulated answer: the proxy is in demo mode and no model was called.)_';

const ANSWERS: readonly string[] = [
  [
    'Short version: the proxy keeps a small state machine per stream and only ever has one content block open.',
    '',
    '1. **Text and thinking** deltas are forwarded as soon as they arrive; a change of kind closes the open block first.',
    '2. **Tool calls** are keyed by their `index`. The first fragment carries `id` and `name`, later ones only pieces of `arguments`.',
    '3. A tool block stays open until its arguments parse as one JSON object, so Claude Code never sees a half-built input.',
    '',
    'If you want to see it happen, open the **OpenAI response** tab of a streamed call and compare it with the **Anthropic response** tab.',
  ].join('\n'),
  [
    'Here is how I would approach it:',
    '',
    '- Start with a failing test that reproduces the problem on a real socket (port 0, no sleeps).',
    '- Keep the fix in the smallest module that owns the behaviour; the translator should stay pure.',
    '- Run the whole suite, then check the inspector for the translation notes of the calls you touched.',
    '',
    '```ts',
    'const answer = await client.messages.create({ model, max_tokens: 1024, messages });',
    'console.log(answer.usage.cache_read_input_tokens);',
    '```',
    '',
    'That last line is the quickest way to confirm that prompt caching actually kicks in.',
  ].join('\n'),
  [
    'The numbers in the summary bar come straight from the upstream usage block:',
    '',
    '| Field | Meaning |',
    '|---|---|',
    '| `prompt_tokens` | everything the model read, cached or not |',
    '| `cached_tokens` | the part served from the prompt cache |',
    '| `completion_tokens` | what it wrote, reasoning included |',
    '',
    'The proxy subtracts the cached part from `input_tokens`, so the three Anthropic input fields add up to the prompt again.',
  ].join('\n'),
  [
    'I had a look. Nothing is wrong with the configuration itself; the slow part is the time to first token, which is all upstream.',
    '',
    'Two things usually help:',
    '',
    '1. Route background calls (titles, summaries) to a smaller model with a rule on `background`.',
    '2. Keep the system prompt stable between turns so the upstream can reuse its prompt cache.',
    '',
    'The **Context** tab shows which tool schemas and results take the most room in each call.',
  ].join('\n'),
];

const REASONING: readonly string[] = [
  'The user is asking about {topic}. Let me think about what actually matters here. First, what does the code path look like end to end? The request comes in, gets translated, goes upstream, and the answer streams back chunk by chunk. The interesting part is the order of blocks. I should explain it in a few steps and point at the tabs where this is visible.',
  'Okay, {topic}. There are a couple of ways to answer this. I could go deep into the implementation, but a concrete checklist is probably more useful. Let me make sure the steps are in the right order: reproduce, fix in the owning module, verify. I will add a short code example.',
  'Let me reason about {topic}. The token counts come from the usage block of the last chunk. Cached tokens are reported separately under prompt_tokens_details. The Anthropic side needs input_tokens without the cached part. A small table would make this clear.',
];

const TOOL_LEAD_INS: readonly string[] = [
  "I'll look at the relevant files first.",
  'Let me check a couple of things in parallel.',
  "I'll gather some context before answering.",
];

const TITLES: readonly string[] = [
  'Stream translation walkthrough',
  'Debugging slow first tokens',
  'Prompt caching and usage',
  'Tool call fragments explained',
];

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length) % items.length]!;
}

/** "how the stream translator works" from the user's words, short enough to quote. */
export function topicOf(userText: string): string {
  const line = userText.replace(/\s+/g, ' ').trim();
  if (line === '') return 'this';
  return line.length > 60 ? `"${line.slice(0, 57)}…"` : `"${line}"`;
}

export function simulatedAnswerText(random: () => number): string {
  return `${pick(ANSWERS, random)}\n\n${SIMULATED_FOOTER}`;
}

export function simulatedReasoning(userText: string, random: () => number): string {
  return pick(REASONING, random).replace('{topic}', topicOf(userText));
}

export function simulatedToolLeadIn(random: () => number): string {
  return pick(TOOL_LEAD_INS, random);
}

/** A background call's answer (titles, summaries): short, like a small model's. */
export function simulatedShortAnswer(random: () => number): string {
  return `${pick(TITLES, random)} (simulated)`;
}

/** The answer once tool results came back: says what was "found" in each. */
export function simulatedAnswerAfterTools(
  toolNames: readonly string[],
  random: () => number,
): string {
  const tools =
    toolNames.length > 0 ? toolNames.map((name) => `\`${name}\``).join(' and ') : 'the tools';
  return [
    `Thanks, that's enough context. From the output of ${tools}:`,
    '',
    pick(ANSWERS, random),
    '',
    SIMULATED_FOOTER,
  ].join('\n');
}
