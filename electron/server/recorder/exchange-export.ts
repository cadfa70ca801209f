/**
 * JSON and HAR exports of recorded exchanges, as the text both transports hand out
 * (BridgeApi.exportExchanges over IPC, GET /inspector/api/export over HTTP). Records come
 * from the recorder's get(), so keys are redacted exactly as in the detail view.
 */
import type { TrafficRecorder } from './traffic-recorder.ts';
import type { ExchangeRecord } from '../../../shared/traffic/exchange-record.ts';
import { buildHar } from '../../../shared/export/har-builder.ts';
import { buildJsonExport } from '../../../shared/export/json-export.ts';

export type ExportFormat = 'json' | 'har';

export interface ExportDocument {
  body: string;
  contentType: string;
  filename: string;
}

export interface ExportOptions {
  /** The proxy's version, written as the creator version. */
  version: string;
  /** Epoch ms (default Date.now). */
  now?: number;
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return value === 'json' || value === 'har';
}

/** All exchanges (newest first) when `ids` is omitted; unknown ids are skipped. */
export function exportExchanges(
  recorder: TrafficRecorder,
  format: ExportFormat,
  ids: readonly string[] | undefined,
  options: ExportOptions,
): ExportDocument {
  const now = options.now ?? Date.now();
  const records = selectRecords(recorder, ids);
  const stamp = new Date(now)
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  switch (format) {
    case 'json':
      return {
        body: JSON.stringify(
          buildJsonExport(records, { creatorVersion: options.version, exportedAt: now }),
          null,
          2,
        ),
        contentType: 'application/json; charset=utf-8',
        filename: `anthropic-proxy-${stamp}.json`,
      };
    case 'har':
      return {
        body: JSON.stringify(buildHar(records, { creatorVersion: options.version }), null, 2),
        contentType: 'application/json; charset=utf-8',
        filename: `anthropic-proxy-${stamp}.har`,
      };
  }
}

function selectRecords(
  recorder: TrafficRecorder,
  ids: readonly string[] | undefined,
): ExchangeRecord[] {
  const wanted = ids ?? recorder.list().map((summary) => summary.id);
  const records: ExchangeRecord[] = [];
  for (const id of wanted) {
    const record = recorder.get(id);
    if (record) records.push(record);
  }
  return records;
}
