/**
 * Zod compiles fast validators with `new Function` when it can. The app's CSP forbids
 * eval-like code (script-src 'self'), so the probe shows up as a CSP violation on every
 * load. Jitless mode validates the same way without generating code. Imported first by
 * every module that builds schemas, because a module's imports run before its own body.
 */
import { config } from 'zod';

config({ jitless: true });
