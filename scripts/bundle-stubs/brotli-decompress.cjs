// Stands in for brotli/decompress.js in the bundle. fontkit needs Brotli only to read WOFF2 fonts,
// which PDFKit cannot embed anyway (DESIGN.md); the real module is 1.3 MB of dictionary that every
// run would read and compile.
module.exports = function decompress() {
  throw new Error('WOFF2 fonts are not supported: convert the font to WOFF or TTF');
};
