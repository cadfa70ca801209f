/**
 * Upstream tool name → the original Anthropic tool name. The request translator fills it
 * when a name has to be shortened or sanitised for OpenAI (64 chars, [a-zA-Z0-9_-]); the
 * response and stream translators use it to give the client back the name it defined.
 * A name missing from the map is the same on both sides.
 */
export type ToolNameMap = ReadonlyMap<string, string>;

export function originalToolName(names: ToolNameMap, upstreamName: string): string {
  return names.get(upstreamName) ?? upstreamName;
}
