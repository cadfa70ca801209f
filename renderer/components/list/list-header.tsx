/** The sticky header row of the exchange list. */
import { LIST_COLUMNS } from './list-columns.ts';

export function ListHeader() {
  return (
    <div className="list-header row-grid" role="row">
      {LIST_COLUMNS.map((c) => (
        <div
          key={c.key}
          role="columnheader"
          className={`cell col-${c.key} ${c.compact ? '' : 'col-wide-only'} ${c.align === 'right' ? 'num' : ''}`}
          title={c.title}
        >
          {c.label}
        </div>
      ))}
    </div>
  );
}
