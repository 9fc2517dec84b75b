// The one-line widget embed from a bundler: a side-effect import, nothing
// imported by name. A production build must keep it (package.json
// "sideEffects" lists widget.js), or the form is silently left unchecked.
import 'beian-check/widget';
