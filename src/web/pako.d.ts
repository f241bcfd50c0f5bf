// pako ships no types; this is the function browser-zlib.ts uses.
declare module 'pako' {
  export function inflate(data: Uint8Array): Uint8Array;
}
