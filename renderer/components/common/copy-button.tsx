/** A small button that copies text (computed on click) and says so for a moment. */
import { useEffect, useState } from 'react';
import { copyText } from './browser-actions.ts';

interface CopyButtonProps {
  /** Called on click, so a large value is serialised only when asked for. */
  text: () => string;
  label?: string;
  title?: string;
  className?: string;
}

export function CopyButton({ text, label = 'Copy', title, className }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 1200);
    return () => clearTimeout(timer);
  }, [state]);
  return (
    <button
      type="button"
      className={`btn btn-small ${className ?? ''}`}
      title={title ?? label}
      onClick={(event) => {
        event.stopPropagation();
        copyText(text()).then(
          () => setState('copied'),
          () => setState('failed'),
        );
      }}
    >
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}
    </button>
  );
}
