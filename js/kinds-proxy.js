// Shared by the framework adapters (rules.js, schemas.js): an object whose
// properties are the checkField kinds, built lazily over kinds() so a kind
// added to the Rust core appears here without any JS change.
import * as core from './core.js';

// Property names that tooling probes on any object (promises, JSON,
// inspectors, bundler interop); they are never kinds.
const NOT_KINDS = new Set(['then', 'toJSON', 'toString', 'valueOf', 'constructor', 'inspect', 'default', '__esModule', 'prototype', 'length', 'name', 'asymmetricMatch', '$$typeof', 'nodeType', 'tagName']);

/** The kind names, or null while the wasm is not loaded yet (browser before init). */
export function kindNames() {
  return core.isReady() ? core.kinds('en').map((k) => k.kind) : null;
}

/** Throws the TypeError for an unknown kind, naming the valid ones. */
export function unknownKind(where, kind) {
  const names = kindNames();
  return new TypeError(`beian-check/${where}: unknown kind '${String(kind)}'${names ? `; expected one of: ${names.join(', ')}` : ''}`);
}

/**
 * `extras` are fixed members (e.g. `form`, `field`); any other property that
 * looks like a kind calls `make(kind)` once and is cached. Once the wasm is
 * loaded, an unknown kind throws a TypeError naming the valid kinds.
 */
export function kindProxy(where, extras, make) {
  const cache = new Map();
  const target = Object.create(null);
  const lookup = (name) => {
    if (typeof name !== 'string') return undefined;
    if (Object.hasOwn(extras, name)) return extras[name];
    if (NOT_KINDS.has(name) || !/^[a-z][A-Za-z0-9]*$/.test(name)) return undefined;
    const names = kindNames();
    if (names && !names.includes(name)) throw unknownKind(where, name);
    if (!cache.has(name)) cache.set(name, make(name));
    return cache.get(name);
  };
  return new Proxy(target, {
    get: (_, name) => lookup(name),
    has: (_, name) => typeof name === 'string' && (Object.hasOwn(extras, name) || (kindNames() ?? []).includes(name)),
    ownKeys: () => [...(kindNames() ?? []), ...Object.keys(extras)],
    getOwnPropertyDescriptor: (_, name) => {
      if (typeof name !== 'string') return undefined;
      if (!Object.hasOwn(extras, name) && !(kindNames() ?? []).includes(name)) return undefined;
      return { value: lookup(name), enumerable: true, configurable: true, writable: false };
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
  });
}

/** 'websites[0].domains[1]' → ['websites', 0, 'domains', 1]; '' → []. */
export function pathSegments(path) {
  const out = [];
  for (const part of String(path).split('.')) {
    if (part === '') continue;
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) {
      out.push(part);
      continue;
    }
    if (m[1] !== '') out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

/** True when finding path `p` is `path` itself or inside it. */
export function within(p, path) {
  return p === path || p.startsWith(path + '.') || p.startsWith(path + '[');
}

/**
 * An empty field value: missing, null, blank text (only white space) or an
 * empty list. Both adapters treat it alike: an error (the kind's own
 * localized "enter …" message, from checkField) unless `required: false`.
 */
export function isEmpty(v) {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);
}

/** The adapters' `required` option: true unless `false` is given; anything but a boolean is a TypeError. */
export function requiredOption(required, where) {
  if (required === undefined) return true;
  if (typeof required !== 'boolean') throw new TypeError(`beian-check/${where}: the required option must be true or false`);
  return required;
}

/** "label: message" in the locale's punctuation; the bare message without a label. */
export function labelled(label, message, locale) {
  if (label === undefined || label === null || label === '') return message;
  return locale === 'en' ? `${label}: ${message}` : `${label}：${message}`;
}
