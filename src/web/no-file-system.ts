/**
 * node:fs in the browser bundle. The browser path reads no file (load's in-memory loaders give it the
 * bytes), but load-topic.ts, whose limits the in-memory loader shares, imports the disk's functions;
 * any call of one here is a fault in the web edition, said as such.
 */
const absent = (name: string) => () => {
  throw new Error(`${name}: the web edition reads no files; this is a fault in dialogpack's browser build`);
};
export const realpath = absent('realpath');
export const realpathSync = absent('realpathSync');
export const readFileSync = absent('readFileSync');
export const readdir = absent('readdir');
export const opendir = absent('opendir');
export const stat = absent('stat');
export const lstatSync = absent('lstatSync');
export const openSync = absent('openSync');
export const fstatSync = absent('fstatSync');
export const readSync = absent('readSync');
export const closeSync = absent('closeSync');
export const constants = { O_RDONLY: 0 };
export default { realpath, realpathSync, readFileSync, readdir, opendir, stat, lstatSync, openSync, fstatSync, readSync, closeSync, constants };
