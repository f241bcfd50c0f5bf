/**
 * Reads what an earlier build left in the output folder: its manifest, whether each PDF the manifest
 * lists is still the file it records, whether a build stopped while it was putting files in place,
 * and the temporary files a stopped writer left.
 * Input: the output folder. Output: the manifest (undefined when there is none or it is not one this
 * tool wrote: damaged, hand-edited, cut short), the PDFs that can be trusted, and those leftovers.
 * Never: fail a build over an old manifest, or read a file it names outside the output folder.
 *
 * A PDF is trusted when it has the size the manifest records. After an interruption the sizes are not
 * enough: a build that was stopped between putting its PDFs in place and writing its manifest leaves
 * new PDFs under an old record, and a PDF built from other options often has the very same size. Such
 * a build leaves its journal (write/output-journal) behind, and then every PDF is hashed and trusted
 * only when its sha256 is the recorded one. Hashing on every build would cost 1 ms for content/ but
 * about 0.3 s per 200 MB of PDFs (SHA-256 runs at about 670 MB/s on the 2-core machine CI has), paid
 * by every no-op build of a large content root; the journal makes it a cost of recovery only.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';

/*
 * The record a build leaves in out/manifest.json. Load reads it back and publish/manifest makes it;
 * it lives here, beside isManifest, which checks every field of it, since load runs first.
 */
export interface ManifestPdf {
  /** Relative to the output folder, with forward slashes. */
  path: string;
  kind: string;
  pages: number;
  bytes: number;
  sha256: string;
}

export interface ManifestTopic {
  slug: string;
  /**
   * The topic folder it was built from, relative to the output folder, with forward slashes. Absent in
   * manifests of older versions: such a topic is never taken as removed.
   */
  source?: string;
  title: string;
  participants: { min: number; max: number };
  duration: number;
  /** Fingerprint of everything the PDFs were built from; equal fingerprints skip the rebuild. */
  inputHash: string;
  /**
   * What the fingerprint was taken over, so that the next build can take it again without parsing the
   * topic. Absent in manifests of older versions, whose topics are fingerprinted in full.
   */
  inputs?: ManifestInputs;
  warnings: Diagnostic[];
  pdfs: ManifestPdf[];
}

/** The files a topic's build used, and the folder's listing then. */
export interface ManifestInputs {
  /** Relative to the topic folder, with forward slashes, in the order the build read them. */
  files: string[];
  /** sha256 of the folder's listing (pipeline/input-fingerprint's listingFingerprint). */
  listing: string;
}

export interface Manifest {
  tool: 'dialogpack';
  version: string;
  topics: ManifestTopic[];
}

/** Written before a build renames its first file into place and removed once its manifest is. */
export const journalFileName = '.dialogpack-journal';

/** What dialogpack's writers name a file before it is renamed into place (write/write-outputs). */
export const temporaryName = /^\..+\.\d+\.tmp$/;

export interface OutputFolderState {
  manifest?: Manifest;
  /** Slugs of the topics all of whose PDFs are trusted. */
  intact: Set<string>;
  /** Paths (relative, as the manifest has them) of the PDFs whose file is the one recorded. */
  trusted: Set<string>;
  /** An earlier build stopped while it was putting files in place: the sizes were not enough. */
  interrupted: boolean;
  /** Temporary files of a writer that was stopped, relative to the output folder. */
  temporaries: string[];
}

export async function loadManifest(outDir: string): Promise<OutputFolderState> {
  const state: OutputFolderState = { intact: new Set(), trusted: new Set(), interrupted: false, temporaries: [] };
  const root = await realpath(outDir).catch(() => undefined);
  if (!root) return state;
  state.interrupted = await stat(path.join(root, journalFileName)).then(() => true, () => false);
  state.temporaries = await findTemporaries(root);
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(root, 'manifest.json'), 'utf8'));
    if (isManifest(parsed)) state.manifest = parsed;
  } catch {
    return state;
  }
  for (const topic of state.manifest?.topics ?? []) {
    let whole = true;
    for (const pdf of topic.pdfs) {
      if (await isRecorded(root, pdf.path, pdf.bytes, state.interrupted ? pdf.sha256 : undefined)) state.trusted.add(pdf.path);
      else whole = false;
    }
    if (whole) state.intact.add(topic.slug);
  }
  return state;
}

async function isRecorded(root: string, relative: string, bytes: number, sha256: string | undefined): Promise<boolean> {
  const file = path.resolve(root, relative);
  // The parent through symlinks: a manifest edited to point elsewhere must not make a build read there.
  const parent = await realpath(path.dirname(file)).catch(() => undefined);
  if (!parent || !parent.startsWith(root + path.sep)) return false;
  const target = path.join(parent, path.basename(file));
  const info = await stat(target).catch(() => undefined);
  if (!info?.isFile() || info.size !== bytes) return false;
  if (sha256 === undefined) return true;
  const content = await readFile(target).catch(() => undefined);
  return content !== undefined && createHash('sha256').update(content).digest('hex') === sha256;
}

/** In the output folder and the topic folders in it, where the writers put them. */
async function findTemporaries(root: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (entry.isFile() && temporaryName.test(entry.name)) found.push(entry.name);
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    const inner = await readdir(path.join(root, entry.name), { withFileTypes: true }).catch(() => []);
    for (const file of inner) if (file.isFile() && temporaryName.test(file.name)) found.push(`${entry.name}/${file.name}`);
  }
  return found.sort();
}

/**
 * Every field a build reads, of the type it reads it as. A manifest that is anything less is treated
 * as none: its topics are rebuilt, and nothing it lists is removed.
 */
function isManifest(value: unknown): value is Manifest {
  const manifest = value as Partial<Manifest> | null;
  return typeof manifest === 'object' && manifest !== null && manifest.tool === 'dialogpack' && Array.isArray(manifest.topics) && manifest.topics.every(isTopic);
}

function isTopic(value: unknown): boolean {
  const topic = value as Record<string, unknown> | null;
  if (typeof topic !== 'object' || topic === null) return false;
  const participants = topic.participants as Record<string, unknown> | null;
  return (
    typeof topic.slug === 'string' &&
    (topic.source === undefined || typeof topic.source === 'string') &&
    typeof topic.title === 'string' &&
    typeof participants === 'object' &&
    participants !== null &&
    typeof participants.min === 'number' &&
    typeof participants.max === 'number' &&
    typeof topic.duration === 'number' &&
    typeof topic.inputHash === 'string' &&
    (topic.inputs === undefined || isInputs(topic.inputs)) &&
    Array.isArray(topic.warnings) &&
    topic.warnings.every(isWarning) &&
    Array.isArray(topic.pdfs) &&
    topic.pdfs.every(isPdf)
  );
}

function isInputs(value: unknown): boolean {
  const inputs = value as Record<string, unknown> | null;
  return (
    typeof inputs === 'object' &&
    inputs !== null &&
    Array.isArray(inputs.files) &&
    inputs.files.every((file) => typeof file === 'string' && isPlainRelative(file)) &&
    typeof inputs.listing === 'string' &&
    /^[0-9a-f]{64}$/.test(inputs.listing)
  );
}

function isWarning(value: unknown): boolean {
  const d = value as Record<string, unknown> | null;
  return (
    typeof d === 'object' &&
    d !== null &&
    typeof d.file === 'string' &&
    d.severity === 'warning' &&
    typeof d.rule === 'string' &&
    isText(d.message) &&
    (d.line === undefined || typeof d.line === 'number') &&
    (d.column === undefined || typeof d.column === 'number') &&
    (d.hint === undefined || isText(d.hint))
  );
}

/** A message in both languages, as builds write them now, or one string, as earlier builds wrote them. */
function isText(value: unknown): boolean {
  const text = value as Record<string, unknown> | null;
  return typeof value === 'string' || (typeof text === 'object' && text !== null && typeof text.da === 'string' && typeof text.en === 'string');
}

function isPdf(value: unknown): boolean {
  const pdf = value as Record<string, unknown> | null;
  return (
    typeof pdf === 'object' &&
    pdf !== null &&
    typeof pdf.path === 'string' &&
    isPlainRelative(pdf.path) &&
    typeof pdf.kind === 'string' &&
    typeof pdf.pages === 'number' &&
    typeof pdf.bytes === 'number' &&
    typeof pdf.sha256 === 'string' &&
    /^[0-9a-f]{64}$/.test(pdf.sha256)
  );
}

/** Forward slashes, no leading slash or drive, no `.` or `..` segment: as a build writes them. */
function isPlainRelative(file: string): boolean {
  return file.length > 0 && !/^[a-zA-Z]:/.test(file) && !file.includes('\\') && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
