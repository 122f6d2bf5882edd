/** A secret or link shown once: read-only, selectable, with a copy button and what to do with it. */
import { useId, useState } from 'react';

export function CopyField({ label, value, hint }: { label: string; value: string; hint: string }) {
  const id = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-field-row">
        <input
          id={id}
          type="text"
          className="mono"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          aria-describedby={`${id}-hint`}
          spellCheck={false}
        />
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      <p className="copy-status" role="status">
        {copied === 'yes' ? 'Copied to the clipboard.' : copied === 'failed' ? 'Could not copy: select the text and copy it yourself.' : ''}
      </p>
    </div>
  );
}
