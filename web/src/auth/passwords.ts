/** Client-side checks of a new password, as the contract's Password schema states them. */
import { Password } from '../../../src/contract/index.ts';

export interface NewPasswordProblems {
  password?: string;
  confirm?: string;
}

export function newPasswordProblems(password: string, confirm: string): NewPasswordProblems {
  const parsed = Password.safeParse(password);
  return {
    ...(!parsed.success && { password: `Must be ${parsed.error.issues[0]?.message ?? 'valid'}` }),
    ...(parsed.success && confirm !== password && { confirm: 'Does not match the password' }),
  };
}
