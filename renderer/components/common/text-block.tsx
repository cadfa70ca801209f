/**
 * Long text (prompts, tool results) shown wrapped and clipped to a readable length, with a
 * button to show the rest: a 100 kB tool result must not turn the conversation into a wall.
 */
import { useState } from 'react';
import { formatInteger } from '../../model/format.ts';

const CLIP = 3000;

export function TextBlock({ text, className }: { text: string; className?: string }) {
  const [full, setFull] = useState(false);
  const clipped = !full && text.length > CLIP;
  return (
    <div className={`text-block ${className ?? ''}`}>
      <pre className="text-pre">{clipped ? `${text.slice(0, CLIP)}…` : text}</pre>
      {text.length > CLIP && (
        <button type="button" className="btn btn-link" onClick={() => setFull(!full)}>
          {full ? 'Show less' : `Show all ${formatInteger(text.length)} characters`}
        </button>
      )}
    </div>
  );
}
