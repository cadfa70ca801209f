import type { ContentBlockParam } from '@anthropic-ai/sdk/resources/messages';
import { describe, expect, it } from 'vitest';
import { assistantMessages, chat, noteDetails, translate } from './request-test-kit.ts';

function userContent(blocks: ContentBlockParam[], quirks = {}) {
  const translation = translate({ messages: [{ role: 'user', content: blocks }] }, quirks);
  return { content: chat(translation)[0]?.content, translation };
}

const png = { type: 'base64' as const, media_type: 'image/png' as const, data: 'iVBORw0KGgo=' };

describe('user content blocks', () => {
  it('sends text-only content as one string, blocks joined by a blank line', () => {
    expect(
      userContent([
        { type: 'text', text: '<system-reminder>a</system-reminder>' },
        { type: 'text', text: 'question' },
      ]).content,
    ).toBe('<system-reminder>a</system-reminder>\n\nquestion');
  });

  it('sends a base64 image as a data URL image_url part, beside the text parts', () => {
    expect(
      userContent([
        { type: 'text', text: 'look' },
        { type: 'image', source: png },
      ]).content,
    ).toEqual([
      { type: 'text', text: 'look' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ]);
  });

  it('sends a URL image as its URL', () => {
    expect(
      userContent([{ type: 'image', source: { type: 'url', url: 'https://example.com/a.png' } }])
        .content,
    ).toEqual([{ type: 'image_url', image_url: { url: 'https://example.com/a.png' } }]);
  });

  it('replaces images with a text placeholder for a model without vision, noted once', () => {
    const { content, translation } = userContent(
      [
        { type: 'image', source: png },
        { type: 'image', source: png },
      ],
      { supportsImages: false },
    );
    expect(typeof content).toBe('string');
    expect(content).toContain('[image omitted');
    expect(noteDetails(translation)).toEqual([
      'image replaced by a placeholder: the model takes no images (×2)',
    ]);
  });

  it('sends a base64 PDF as a file part where the upstream takes files', () => {
    const document: ContentBlockParam = {
      type: 'document',
      title: 'spec.pdf',
      source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0=' },
    };
    expect(userContent([document], { supportsFileParts: true }).content).toEqual([
      {
        type: 'file',
        file: { filename: 'spec.pdf', file_data: 'data:application/pdf;base64,JVBERi0=' },
      },
    ]);
    const { content, translation } = userContent([document], { supportsFileParts: false });
    expect(content).toBe('[PDF document "spec.pdf" omitted: this model does not accept files]');
    expect(noteDetails(translation)).toContain(
      'PDF replaced by a placeholder: the upstream takes no files',
    );
  });

  it('sends a plain-text document as text, with its title', () => {
    expect(
      userContent([
        {
          type: 'document',
          title: 'notes',
          source: { type: 'text', media_type: 'text/plain', data: 'line' },
        },
      ]).content,
    ).toBe('notes\n\nline');
  });

  it('sends a document made of content blocks as its title and parts', () => {
    expect(
      userContent([
        {
          type: 'document',
          title: 'page',
          source: {
            type: 'content',
            content: [
              { type: 'text', text: 'body' },
              { type: 'image', source: png },
            ],
          },
        },
      ]).content,
    ).toEqual([
      { type: 'text', text: 'page' },
      { type: 'text', text: 'body' },
      { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
    ]);
  });

  it('drops an unknown block type with a note instead of throwing', () => {
    const { content, translation } = userContent([
      { type: 'text', text: 'kept' },
      { type: 'hologram_2027', payload: 1 } as unknown as ContentBlockParam,
    ]);
    expect(content).toBe('kept');
    expect(noteDetails(translation)).toContain(
      'hologram_2027 block dropped (no OpenAI equivalent)',
    );
  });

  it('drops a user message that ends up empty, with a note', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: [{ type: 'mystery' } as unknown as ContentBlockParam] },
        { role: 'user', content: 'real' },
      ],
    });
    expect(chat(translation)).toEqual([{ role: 'user', content: 'real' }]);
    expect(noteDetails(translation)).toContain('empty user message dropped');
  });
});

describe('assistant content', () => {
  it('sends assistant text as a plain string', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Hello' },
            { type: 'text', text: 'again' },
          ],
        },
      ],
    });
    expect(assistantMessages(translation)).toEqual([
      { role: 'assistant', content: 'Hello\n\nagain' },
    ]);
  });

  it('sends tool_use as tool_calls with content null when the turn has no text', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: [{ type: 'tool_use', id: 'toolu_1', name: 'Bash', input: { command: 'ls' } }],
        },
        {
          role: 'user',
          content: [{ type: 'tool_result', tool_use_id: 'toolu_1', content: 'a.txt' }],
        },
      ],
    });
    expect(assistantMessages(translation)[0]).toEqual({
      role: 'assistant',
      content: null,
      tool_calls: [
        {
          id: 'toolu_1',
          type: 'function',
          function: { name: 'Bash', arguments: '{"command":"ls"}' },
        },
      ],
    });
  });

  it('drops server-tool blocks in assistant turns with a note', () => {
    const translation = translate({
      messages: [
        { role: 'user', content: 'hi' },
        {
          role: 'assistant',
          content: [
            { type: 'server_tool_use', id: 'srv_1', name: 'web_search', input: {} },
            { type: 'text', text: 'Found it.' },
          ],
        },
      ],
    });
    expect(assistantMessages(translation)).toEqual([{ role: 'assistant', content: 'Found it.' }]);
    expect(noteDetails(translation)).toContain(
      'server_tool_use block in an assistant message dropped',
    );
  });
});
