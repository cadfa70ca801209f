/**
 * Loads a full record for a view and keeps it loaded while the view shows it (asking again
 * if the cache dropped it meanwhile).
 */
import { useEffect } from 'react';
import type { RecordEntry } from './records-reducer.ts';
import { useInspector } from './store-context.ts';

export function useExchangeRecord(id: string | undefined): RecordEntry | undefined {
  const entry = useInspector((s) => (id === undefined ? undefined : s.records[id]));
  const loadRecord = useInspector((s) => s.loadRecord);
  const missing = entry === undefined;
  useEffect(() => {
    if (id !== undefined && missing) loadRecord(id);
  }, [id, missing, loadRecord]);
  return entry;
}
