// `beian-check/rules` in Node: node.js compiles the wasm synchronously at
// import, so `init` here resolves at once (it is referenced, not just
// imported for its side effect, so no bundler can drop it).
import init from './node.js';
import { makeRules } from './rules-core.js';

/** Rule factories: `rules.<kind>(opts)`, `rules.field(kind, opts)`, `rules.form(path, opts)`. */
export const rules = makeRules(() => init());
export default rules;
