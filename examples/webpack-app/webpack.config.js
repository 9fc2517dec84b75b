// webpack 5 needs no loader for beian-check: `new URL('….wasm', import.meta.url)`
// in the package becomes an emitted asset. public/index.html is copied as is.
const path = require('node:path');

module.exports = {
  entry: './src/index.js',
  output: { path: path.resolve(__dirname, 'dist'), filename: 'main.js', clean: true },
  devtool: false,
};
