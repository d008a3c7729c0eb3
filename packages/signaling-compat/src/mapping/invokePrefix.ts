/**
 * The namespace of the legacy service's `invoke` functions (`docs/reference/legacy-web-sdk.md` §6): the
 * legacy SDK forwarded any name under it, and only names under it. Kept in a file of its own so code
 * that needs the prefix does not pull in the table.
 */
export const INVOKE_PREFIX = 'io.agora.signal.';
