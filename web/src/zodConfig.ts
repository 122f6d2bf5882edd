/**
 * Zod without its JIT compiler. The Content-Security-Policy (script-src 'self', no 'unsafe-eval')
 * forbids `new Function`, and even zod's caught probe for it is reported as a CSP violation.
 * main.tsx imports this module first, because zod reads the setting when each schema is built.
 */
import { z } from 'zod';

z.config({ jitless: true });
