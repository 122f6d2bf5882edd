/** Client-side checks of a new password, as the contract's Password schema states them. */
import { useState } from 'react';
import { Password } from '../../../src/contract/index.ts';

export interface NewPasswordProblems {
  password?: string;
  confirm?: string;
}

/** A new password and its repetition as they are typed, for NewPasswordFields. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const clear = () => {
    setPassword('');
    setConfirm('');
  };
  return { password, confirm, setPassword, setConfirm, clear };
}

export type NewPassword = ReturnType<typeof useNewPassword>;

export function newPasswordProblems(password: string, confirm: string): NewPasswordProblems {
  const parsed = Password.safeParse(password);
  return {
    ...(!parsed.success && { password: `Must be ${parsed.error.issues[0]?.message ?? 'valid'}` }),
    ...(parsed.success && confirm !== password && { confirm: 'Does not match the password' }),
  };
}
