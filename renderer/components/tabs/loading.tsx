/** Placeholder while a record loads. */
export function Loading() {
  return <p className="muted loading">Loading…</p>;
}
