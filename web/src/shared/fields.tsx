/**
 * Labelled form controls. Each control has a <label>, and its error message is tied to it with
 * aria-describedby, so that assistive technology (and Playwright's getByLabel) finds both.
 */
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';

interface FieldFrame {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  /** Sized to its content, for a toolbar of filters, rather than stretched. */
  inline?: boolean;
}

function Frame({ id, label, error, hint, inline, children }: FieldFrame & { id: string; children: ReactNode }) {
  return (
    <div className={['field', inline && 'field-inline', error && 'field-invalid'].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function describedBy(id: string, frame: FieldFrame): string | undefined {
  const ids = [frame.hint ? `${id}-hint` : null, frame.error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** What every control of a field takes: its value, its change, and its links to the frame's error and hint. */
function controlled(id: string, frame: FieldFrame, value: string, onChange: (value: string) => void) {
  return {
    value,
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
    'aria-invalid': frame.error ? true : undefined,
    'aria-describedby': describedBy(id, frame),
  };
}

type TextFieldProps = FieldFrame &
  Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextField({ label, error, hint, inline, value, onChange, ...rest }: TextFieldProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} inline={inline}>
      <input
        id={id}
        type="text"
        {...rest}
        {...controlled(id, { label, error, hint }, value, onChange)}
      />
    </Frame>
  );
}

type TextAreaFieldProps = FieldFrame &
  Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
  };

export function TextAreaField({ label, error, hint, value, onChange, ...rest }: TextAreaFieldProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint}>
      <textarea
        id={id}
        rows={3}
        dir="auto"
        {...rest}
        {...controlled(id, { label, error, hint }, value, onChange)}
      />
    </Frame>
  );
}

type SelectFieldProps = FieldFrame &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> & {
    value: string;
    onChange: (value: string) => void;
    options: readonly { value: string; label: string }[];
  };

export function SelectField({ label, error, hint, inline, value, onChange, options, ...rest }: SelectFieldProps) {
  const id = useId();
  return (
    <Frame id={id} label={label} error={error} hint={hint} inline={inline}>
      <select
        id={id}
        {...rest}
        {...controlled(id, { label, error, hint }, value, onChange)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Frame>
  );
}

type CheckboxFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'checked' | 'type'> & {
  label: string;
  hint?: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
};

export function CheckboxField({ label, hint, checked, onChange, ...rest }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-checkbox">
      <div className="checkbox-row">
        <input
          id={id}
          type="checkbox"
          {...rest}
          checked={checked}
          onChange={(e) => onChange(e.target.checked)}
          aria-describedby={hint ? `${id}-hint` : undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      {hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}
