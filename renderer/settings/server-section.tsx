/**
 * Where the proxy listens and who may call it, plus the lines that point Claude Code at it.
 * The lines follow the settings in effect, so they stay right while the form has edits.
 */
import { useState } from 'react';
import { LOG_LEVELS } from '../../shared/settings/settings-schema.ts';
import { claudeCodeEnvLines } from './claude-code-env.ts';
import { CheckboxField, NumberField, SelectField, TextField } from './form-fields.tsx';
import { SecretField } from './secret-field.tsx';
import { useForm } from './settings-context.tsx';

const LEVEL_OPTIONS = LOG_LEVELS.map((level) => ({ value: level, label: level }));

export function ServerSection() {
  const server = useForm((state) => state.draft?.server);
  const live = useForm((state) => state.snapshot?.settings.server);
  const listening = useForm((state) => state.proxyUrl);
  const edit = useForm((state) => state.edit);
  const [copied, setCopied] = useState(false);
  if (!server || !live) return null;
  const lines = claudeCodeEnvLines(live, listening).join('\n');

  return (
    <section className="settings-section" aria-labelledby="settings-server-title">
      <header className="settings-section-header">
        <div>
          <h2 id="settings-server-title">Server</h2>
          <p className="settings-section-intro">
            Where the proxy listens and the key its clients must send.
          </p>
        </div>
      </header>
      <div className="settings-grid">
        <TextField
          label="Host"
          path="server.host"
          envKey="server.host"
          value={server.host}
          hint="127.0.0.1 keeps the proxy private to this machine."
          onChange={(v) => edit((d) => void (d.server.host = v.trim()))}
        />
        <NumberField
          label="Port"
          path="server.port"
          envKey="server.port"
          value={server.port}
          min={0}
          max={65535}
          onChange={(v) => edit((d) => void (d.server.port = v ?? Number.NaN))}
        />
        <SecretField
          label="Client key"
          path="server.clientKey"
          envKey="server.clientKey"
          value={server.clientKey}
          emptyHint="any client on the allowed hosts may call"
          onChange={(v) => edit((d) => void (d.server.clientKey = v))}
        />
      </div>
      <div className="settings-env-lines">
        <h3>Use with Claude Code</h3>
        <p className="settings-section-intro">
          Export these in the shell that runs <code>claude</code>.
        </p>
        <div className="settings-env-block">
          <pre data-testid="claude-code-env">{lines}</pre>
          <button
            type="button"
            className="btn btn-small settings-copy"
            onClick={() => {
              void navigator.clipboard.writeText(`${lines}\n`).then(
                () => setCopied(true),
                () => setCopied(false),
              );
            }}
          >
            {copied ? 'Copied' : 'Copy'}
          </button>
        </div>
      </div>
    </section>
  );
}

export function InspectorSection() {
  const inspector = useForm((state) => state.draft?.inspector);
  const logLevel = useForm((state) => state.draft?.logLevel);
  const edit = useForm((state) => state.edit);
  if (!inspector || !logLevel) return null;
  return (
    <section className="settings-section" aria-labelledby="settings-inspector-title">
      <header className="settings-section-header">
        <div>
          <h2 id="settings-inspector-title">Inspector and logs</h2>
          <p className="settings-section-intro">
            How many calls the inspector keeps in memory, and how much the proxy logs.
          </p>
        </div>
      </header>
      <div className="settings-grid">
        <CheckboxField
          label="Record calls"
          path="inspector.enabled"
          checked={inspector.enabled}
          onChange={(v) => edit((d) => void (d.inspector.enabled = v))}
        />
        <NumberField
          label="Calls kept"
          path="inspector.maxExchanges"
          value={inspector.maxExchanges}
          min={1}
          onChange={(v) => edit((d) => void (d.inspector.maxExchanges = v ?? Number.NaN))}
        />
        <NumberField
          label="Memory budget (MB)"
          path="inspector.maxMemoryMb"
          value={inspector.maxMemoryMb}
          min={8}
          onChange={(v) => edit((d) => void (d.inspector.maxMemoryMb = v ?? Number.NaN))}
        />
        <SelectField
          label="Log level"
          path="logLevel"
          envKey="logLevel"
          value={logLevel}
          options={LEVEL_OPTIONS}
          onChange={(v) => edit((d) => void (d.logLevel = v))}
        />
      </div>
    </section>
  );
}
