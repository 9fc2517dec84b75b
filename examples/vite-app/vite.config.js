// Two pages: index.html (the API and the adapters) and widget.html (the
// widget as a side-effect import). Nothing else is configured.
import { fileURLToPath } from 'node:url';

const page = (name) => fileURLToPath(new URL(name, import.meta.url));
export default {
  build: { rollupOptions: { input: { main: page('index.html'), widget: page('widget.html') } } },
};
