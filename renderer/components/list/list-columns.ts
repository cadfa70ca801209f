/**
 * The list's columns, in order, shared by the header and the rows so they cannot drift. A
 * `compact` column is hidden while the detail pane takes half the width.
 */
export interface ListColumn {
  key: string;
  label: string;
  title?: string;
  compact: boolean;
  align?: 'right';
}

export const LIST_COLUMNS: readonly ListColumn[] = [
  { key: 'time', label: 'Time', compact: true },
  { key: 'model', label: 'Model (requested → upstream)', compact: true },
  { key: 'provider', label: 'Provider', compact: false },
  { key: 'status', label: 'Status', compact: true },
  { key: 'kind', label: 'Type', title: 'Streamed (SSE) or a single JSON answer', compact: false },
  { key: 'duration', label: 'Duration', compact: true, align: 'right' },
  { key: 'ttft', label: 'TTFT', title: 'Time to first token', compact: false, align: 'right' },
  {
    key: 'tokens-in',
    label: 'In (cached)',
    title: 'Prompt tokens; ~ marks the estimate before usage is known',
    compact: true,
    align: 'right',
  },
  { key: 'tokens-out', label: 'Out', title: 'Output tokens', compact: true, align: 'right' },
  { key: 'cost', label: 'Cost', compact: false, align: 'right' },
  { key: 'stop', label: 'Stop reason', compact: false },
];

export const ROW_HEIGHT = 26;
export const HEADER_HEIGHT = 26;
