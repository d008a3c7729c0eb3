/**
 * What the scanner knows about how legacy values are named and passed around, read from the mapping
 * table (`signaling-compat/mapping`): which calls create a session / channel / call (`returns`), where
 * callback objects are handed over (`callbackArgument`), which handler parameters carry legacy objects
 * (`objectParameters`), and where a class's missing members live (`LEGACY_CLASSES` counterparts).
 */

import { LEGACY_CLASSES, MAPPING, type Dialect, type LegacyClassEntry, type LegacyClassRef } from 'signaling-compat/mapping';
import type { Confidence } from './types';

/**
 * A value the scanner traced: `factory` is the `Signal` function, `class` the native `AgoraAPI`
 * class, `callbackClass` a server/native callback base class, `instance` a legacy object or
 * handler (its `owner` is a mapping owner), `localClass` an app class (its `owner` is the class
 * name), whose instances may become handlers.
 */
export interface LegacyValue {
  kind: 'factory' | 'class' | 'callbackClass' | 'instance' | 'localClass';
  dialect: Dialect;
  owner: string;
  confidence: Confidence;
}

const CLASS_BY_KEY = new Map(LEGACY_CLASSES.map((entry) => [`${entry.dialect} ${entry.owner}`, entry]));

function legacyClass(dialect: Dialect, owner: string): LegacyClassEntry | undefined {
  return CLASS_BY_KEY.get(`${dialect} ${owner}`);
}

/** Where else to look up a member a traced object's own class lacks. */
export function counterpartOf(dialect: Dialect, owner: string): LegacyClassRef | undefined {
  return legacyClass(dialect, owner)?.counterpart;
}

/** A class's own name and the other names it goes by. */
function namesOf(entry: LegacyClassEntry | undefined): string[] {
  return entry === undefined ? [] : [entry.owner, ...(entry.aliases ?? [])];
}

/** The callback classes: every class some method takes as its callback object, by each of its names. */
export const HANDLER_CLASSES: Readonly<Record<string, LegacyClassRef>> = Object.fromEntries(
  LEGACY_CLASSES.filter((entry) => MAPPING.some((e) => e.dialect === entry.dialect && e.callbackArgument === entry.owner)).flatMap((entry) =>
    namesOf(entry).map((name) => [name, { dialect: entry.dialect, owner: entry.owner }]),
  ),
);

/** Names under which the native flat API's class is reached (TypeScript port, Android, iOS). */
export const NATIVE_CLASS_NAMES: ReadonlySet<string> = new Set(namesOf(legacyClass('native', 'AgoraAPI')));

/** Exported type names of the shim that annotate legacy objects in TypeScript code, with their class. */
export const ANNOTATION_TYPES: Readonly<Record<string, LegacyClassRef>> = {
  Session: { dialect: 'web', owner: 'Session' },
  Channel: { dialect: 'web', owner: 'Channel' },
  Call: { dialect: 'web', owner: 'Call' },
  SignalObject: { dialect: 'web', owner: 'Signal' },
  LoginSession: { dialect: 'server', owner: 'LoginSession' },
  AgoraAPI: { dialect: 'native', owner: 'AgoraAPI' },
  ...HANDLER_CLASSES,
};

/**
 * Module specifiers that load the legacy SDK or this shim: the npm packages, a vendored
 * `AgoraSig*.js`, or the Node build's `vendor/signal.js` (`docs/reference/legacy-usage.md` §2.1).
 */
export function isLegacyModule(specifier: string): boolean {
  return (
    /(^|\/)(agora-signaling-sdk|signaling-compat)(\/|$)/.test(specifier) ||
    /(^|\/)AgoraSig[^/]*$/i.test(specifier) ||
    /(^|\/)vendor\/signal(\.js)?$/.test(specifier)
  );
}

/** Globals the legacy script tag defined its API on. */
export const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** Emitter methods whose first argument names an event and second handles it (proxy wrappers). */
export const EMITTER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);
