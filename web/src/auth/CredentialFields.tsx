/** The fields of an account's credentials, labelled and autocompleted alike on every page that asks for them. */
import type { InputHTMLAttributes } from 'react';
import { TextField } from '../shared/fields.tsx';
import type { NewPassword, NewPasswordProblems } from './passwords.ts';

interface ValueProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The e-mail address an account logs in with (the browser's saved username). */
export function EmailField({ value, onChange, error, autoFocus }: ValueProps & Pick<InputHTMLAttributes<HTMLInputElement>, 'autoFocus'>) {
  return (
    <TextField
      label="E-mail"
      type="email"
      value={value}
      onChange={onChange}
      error={error}
      autoComplete="username"
      spellCheck={false}
      autoFocus={autoFocus}
    />
  );
}

/** The password an account has now, as the browser fills it in. */
export function CurrentPasswordField({ label, value, onChange, error }: ValueProps & { label: string }) {
  return <TextField label={label} type="password" value={value} onChange={onChange} error={error} autoComplete="current-password" />;
}

export interface NewPasswordFieldsProps {
  /** "New password" or "Password", and the label of its repetition. */
  label: string;
  repeatLabel: string;
  hint?: string;
  state: NewPassword;
  /** The client's problems with the password and its repetition. */
  errors: NewPasswordProblems;
  /** The server's problem with the password, shown when the client found none. */
  serverError?: string | undefined;
  autoFocus?: boolean;
}

/** A new password and its repetition (checked by newPasswordProblems). */
export function NewPasswordFields({ label, repeatLabel, hint = 'At least 12 characters.', state, errors, serverError, autoFocus }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        value={state.password}
        onChange={state.setPassword}
        error={errors.password ?? serverError}
        hint={hint}
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <TextField label={repeatLabel} type="password" value={state.confirm} onChange={state.setConfirm} error={errors.confirm} autoComplete="new-password" />
    </>
  );
}
