// Uses the shim itself, for the tree-shaking test's comparison bundle.
import Signal from 'signaling-compat';

console.log(typeof Signal('0123456789abcdef0123456789abcdef').login);
