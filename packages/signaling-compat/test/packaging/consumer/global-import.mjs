// The bundled-app form of the legacy side-effect import, for the tree-shaking test.
import 'signaling-compat/global';

console.log(typeof globalThis.Signal);
