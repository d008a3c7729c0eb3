// Uses one constant of the package, for the tree-shaking test's bundle.
import { LegacyCode } from 'signaling-compat';

console.log(LegacyCode.LOGIN_E_NET);
