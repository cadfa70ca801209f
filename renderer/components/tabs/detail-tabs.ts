/**
 * The detail pane's tabs, as a registry: key, label, and the component that renders it. The
 * pane renders whichever is active; adding a tab is one line here and one file.
 */
import type { ComponentType } from 'react';
import type { DetailTab } from '../../store/inspector-state.ts';
import { AnthropicRequestTab } from './anthropic-request-tab.tsx';
import { AnthropicResponseTab } from './anthropic-response-tab.tsx';
import { ContextTab } from './context-tab.tsx';
import { ConversationTab } from './conversation-tab.tsx';
import { DiffTab } from './diff-tab.tsx';
import { HeadersTab } from './headers-tab.tsx';
import { OpenAiRequestTab } from './openai-request-tab.tsx';
import { OpenAiResponseTab } from './openai-response-tab.tsx';
import { OverviewTab } from './overview-tab.tsx';
import type { TabProps } from './tab-props.ts';
import { WhatsNewTab } from './whats-new-tab.tsx';

export interface DetailTabSpec {
  key: DetailTab;
  label: string;
  /** What the tab button shows where the full label would not fit. */
  short?: string;
  component: ComponentType<TabProps>;
}

export const DETAIL_TABS: readonly DetailTabSpec[] = [
  { key: 'overview', label: 'Overview', component: OverviewTab },
  { key: 'conversation', label: 'Conversation', component: ConversationTab },
  { key: 'whats-new', label: "What's new", component: WhatsNewTab },
  { key: 'context', label: 'Context', component: ContextTab },
  {
    key: 'anthropic-request',
    label: 'Anthropic request',
    short: 'Anthropic req',
    component: AnthropicRequestTab,
  },
  {
    key: 'openai-request',
    label: 'OpenAI request',
    short: 'OpenAI req',
    component: OpenAiRequestTab,
  },
  {
    key: 'openai-response',
    label: 'OpenAI response',
    short: 'OpenAI res',
    component: OpenAiResponseTab,
  },
  {
    key: 'anthropic-response',
    label: 'Anthropic response',
    short: 'Anthropic res',
    component: AnthropicResponseTab,
  },
  { key: 'headers', label: 'Headers', component: HeadersTab },
  { key: 'diff', label: 'Diff', component: DiffTab },
];
