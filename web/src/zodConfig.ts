/**
 * Zod without its JIT compiler, for the web bundle. The Content-Security-Policy (script-src 'self',
 * no 'unsafe-eval') forbids `new Function`, and even zod's caught probe for it, made when a schema is
 * built unless `jitless` is already set, is reported as a CSP violation. web/vite.config.ts resolves
 * every import of 'zod' in the bundle to this module, so the setting runs before any schema is built
 * however the bundler splits and orders the chunks. (The server keeps zod's JIT.)
 */
import { z } from 'zod';

z.config({ jitless: true });

export * from 'zod';
export { z as default };
