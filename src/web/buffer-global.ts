/**
 * Node's Buffer as a global for the browser bundle (esbuild's `inject`): PDFKit's callers, fontkit's
 * WOFF path and the stages hand each other Buffers, as they do under Node.
 */
export { Buffer } from 'buffer';
