/** One label/value pair of a definition list; nothing at all when the value is empty. */
import type { ReactNode } from 'react';

export function FactRow({ label, children }: { label: string; children: ReactNode }) {
  if (children === undefined || children === null || children === '' || children === false)
    return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}
