// node --import ./module-log.mjs: registers module-log-hooks.mjs (Node 20.6 and later).
import { register } from 'node:module';

register('./module-log-hooks.mjs', import.meta.url);
