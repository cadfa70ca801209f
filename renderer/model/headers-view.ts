/**
 * The headers of both legs of a call, as four sorted lists: client → proxy, proxy →
 * upstream, upstream → proxy, proxy → client. Keys arrive already redacted by the recorder
 * (last 4 characters kept); this module only orders and labels them.
 */
import type { ExchangeRecord } from '../../shared/traffic/exchange-record.ts';

export interface HeaderSection {
  title: string;
  leg: string;
  headers: [string, string][];
  /** The record has no headers for this leg yet (or the call never got that far). */
  missing: boolean;
}

function sorted(headers: Record<string, string> | undefined): [string, string][] {
  return Object.entries(headers ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

export function buildHeaderSections(record: ExchangeRecord): HeaderSection[] {
  const sections: [string, string, Record<string, string> | undefined][] = [
    ['Client request', 'client → proxy', record.requestHeaders],
    ['Upstream request', 'proxy → upstream', record.upstreamRequestHeaders],
    ['Upstream response', 'upstream → proxy', record.upstreamResponseHeaders],
    ['Client response', 'proxy → client', record.responseHeaders],
  ];
  return sections.map(([title, leg, headers]) => ({
    title,
    leg,
    headers: sorted(headers),
    missing: headers === undefined,
  }));
}
