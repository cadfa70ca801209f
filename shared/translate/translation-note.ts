/**
 * What the translator changed on the way through, as data: the logs print these and the
 * inspector lists them beside each exchange, so users can see why the upstream request
 * differs from what their client sent.
 */
export type TranslationNoteKind = 'dropped' | 'changed' | 'added';

export interface TranslationNote {
  kind: TranslationNoteKind;
  /** The Anthropic field or path concerned, e.g. "top_k", "tools[3].name", "messages[2]". */
  field: string;
  /** Short human text, e.g. "tool_choice any → required". */
  detail: string;
}
