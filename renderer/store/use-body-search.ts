/**
 * When the text filter asks the proxy to search bodies: 250 ms after the text last changed,
 * and again (at most once a second) while the text stays and exchanges start or end, so
 * new traffic shows up in the result. Rows the proxy has not searched yet still match on
 * their summary and on a record loaded here.
 */
import { useEffect, useRef } from 'react';
import { selectBodySearchKey } from './selectors.ts';
import { useInspector } from './store-context.ts';

const TYPING_DELAY_MS = 250;
const REFRESH_INTERVAL_MS = 1000;

export function useBodySearch(): void {
  const text = useInspector((s) => s.filters.text.trim());
  const trafficKey = useInspector(selectBodySearchKey);
  const searchBodies = useInspector((s) => s.searchBodies);
  const lastRun = useRef(0);
  // Timers read the text at the time they fire, never the one they were set with.
  const current = useRef(text);
  current.current = text;

  useEffect(() => {
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      void searchBodies(current.current);
    }, TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, searchBodies]);

  useEffect(() => {
    if (current.current === '') return;
    const wait = Math.max(TYPING_DELAY_MS, lastRun.current + REFRESH_INTERVAL_MS - Date.now());
    const timer = setTimeout(() => {
      lastRun.current = Date.now();
      void searchBodies(current.current);
    }, wait);
    return () => clearTimeout(timer);
  }, [trafficKey, searchBodies]);
}
