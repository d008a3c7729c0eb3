/**
 * The CommonJS entry (`require('signaling-compat')`).
 *
 * The legacy npm package did `module.exports = Signal`, so `require()` returned the callable itself,
 * and webpack-era code relied on that through `import * as Signal from …; Signal(appid)`. This entry
 * keeps that shape: the export is `Signal`, with `.default` and every named export attached to it.
 * Declarations for this entry are generated from `src/index.ts`, whose default export it is.
 */
import Signal from './index';
import * as api from './index';

module.exports = Object.assign(Signal, api);
