/**
 * The JSON export format: the full records exactly as the detail API returns them, wrapped
 * with a format tag and version so later readers (an import feature, scripts) can tell it
 * apart from other JSON. Pure; the caller passes redacted records and the clock.
 */
import type { ExchangeRecord } from '../traffic/exchange-record.ts';

export const JSON_EXPORT_FORMAT = 'anthropic-proxy.exchanges';

export interface JsonExportDocument {
  format: typeof JSON_EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  creator: { name: string; version: string };
  exchanges: ExchangeRecord[];
}

export function buildJsonExport(
  records: readonly ExchangeRecord[],
  options: { creatorVersion: string; exportedAt: number },
): JsonExportDocument {
  return {
    format: JSON_EXPORT_FORMAT,
    version: 1,
    exportedAt: new Date(options.exportedAt).toISOString(),
    creator: { name: 'anthropic-proxy', version: options.creatorVersion },
    exchanges: [...records],
  };
}
