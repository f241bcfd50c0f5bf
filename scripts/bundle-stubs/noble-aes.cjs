// Stands in for @noble/ciphers/aes in the bundle. PDFKit needs AES only to encrypt a document, which
// dialogpack never does (printable material is meant to be opened by anyone); the real module fills
// 64K-entry tables when it loads, on every run.
function unsupported() {
  throw new Error('PDF encryption is not supported by dialogpack');
}
module.exports = { cbc: unsupported, ecb: unsupported };
