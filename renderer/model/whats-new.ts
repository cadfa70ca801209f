/**
 * "What's new in this call": Claude Code resends the whole conversation on every call, so the
 * interesting part is the difference from the previous call of the same session — the
 * messages added after the shared prefix, messages that disappeared (a compaction or a
 * rewind), and changes to the system prompt, the tools or the model. cache_control markers
 * are ignored: Claude Code moves them every turn.
 */
import {
  contentBlocks,
  systemBlocks,
  toolNamesById,
  type ConversationMessage,
} from './conversation-view.ts';
import { asArray, asObject, asString, jsonEqual, withoutCacheControl } from './json-shape.ts';

export interface WhatsNewView {
  /** Messages both calls share, from the start. */
  sharedMessages: number;
  added: ConversationMessage[];
  /** Messages of the previous call that are not in this one. */
  removed: number;
  system: { changed: boolean; beforeChars: number; afterChars: number; changedBlocks: number[] };
  tools: { added: string[]; removed: string[]; changed: string[] };
  model?: { before: string; after: string };
}

function toolMap(request: Record<string, unknown> | undefined): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const raw of asArray(request?.tools) ?? []) {
    const t = asObject(raw);
    const name = asString(t?.name) ?? asString(t?.type);
    if (name) map.set(name, withoutCacheControl(raw));
  }
  return map;
}

export function compareWithPrevious(
  currentRequest: unknown,
  previousRequest: unknown,
): WhatsNewView {
  const cur = asObject(currentRequest);
  const prev = asObject(previousRequest);
  const curMessages = asArray(cur?.messages) ?? [];
  const prevMessages = asArray(prev?.messages) ?? [];

  let shared = 0;
  while (
    shared < curMessages.length &&
    shared < prevMessages.length &&
    jsonEqual(withoutCacheControl(curMessages[shared]), withoutCacheControl(prevMessages[shared]))
  ) {
    shared += 1;
  }
  const names = toolNamesById(curMessages);
  const added = curMessages.slice(shared).map((raw, i) => {
    const m = asObject(raw);
    return {
      index: shared + i,
      role: asString(m?.role) ?? '?',
      blocks: contentBlocks(m?.content, names),
    };
  });

  const before = systemBlocks(prev?.system);
  const after = systemBlocks(cur?.system);
  const changedBlocks: number[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    if (before[i]?.text !== after[i]?.text) changedBlocks.push(i);
  }

  const prevTools = toolMap(prev);
  const curTools = toolMap(cur);
  const tools = {
    added: [...curTools.keys()].filter((n) => !prevTools.has(n)),
    removed: [...prevTools.keys()].filter((n) => !curTools.has(n)),
    changed: [...curTools.keys()].filter(
      (n) => prevTools.has(n) && !jsonEqual(prevTools.get(n), curTools.get(n)),
    ),
  };

  const beforeModel = asString(prev?.model);
  const afterModel = asString(cur?.model);
  return {
    sharedMessages: shared,
    added,
    removed: prevMessages.length - shared,
    system: {
      changed: changedBlocks.length > 0,
      beforeChars: before.reduce((n, b) => n + b.text.length, 0),
      afterChars: after.reduce((n, b) => n + b.text.length, 0),
      changedBlocks,
    },
    tools,
    model:
      beforeModel !== afterModel
        ? { before: beforeModel ?? '', after: afterModel ?? '' }
        : undefined,
  };
}
