/** What every detail tab receives: the live summary and, once loaded, the full record. */
import type { ExchangeRecord, ExchangeSummary } from '../../../shared/traffic/exchange-record.ts';

export interface TabProps {
  summary: ExchangeSummary;
  record?: ExchangeRecord;
}
