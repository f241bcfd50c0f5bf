// Preloaded into the CLI (NODE_OPTIONS=--require) by tests/web/tailor-in-browser.test.ts: Node's
// zlib.deflateSync replaced by pako's, the deflate the browser bundle uses (src/web/browser-zlib.ts),
// so that the test can tell whether deflate is the only thing in which the two hosts' PDFs differ.
const zlib = require('node:zlib');
const pako = require('pako');
zlib.deflateSync = (data) => Buffer.from(pako.deflate(data));
