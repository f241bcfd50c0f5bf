/**
 * The starter files of `dialogpack init`: what turns an empty folder into a content folder that an
 * editor can open in VS Code and a repository can build on GitHub. The first topic and the schema copy
 * come from scaffold-topic and schema-copy; these are the files around them.
 * Input: the content root's name inside the folder, dialogpack's version, and whether to add CI.
 * Output: files by path relative to the folder; only the schema copy is marked to be replaced.
 * Never: touch the disk (write-starter-files writes what this returns).
 */
import { schemaCopyName } from './schema-copy.js';
import type { StarterFile } from './write-starter-files.js';

export interface ContentFolderOptions {
  /** The content root, relative to the folder, with forward slashes (`content`). */
  contentRoot: string;
  version: string;
  ci?: 'github';
}

export function scaffoldContentFolder(options: ContentFolderOptions): StarterFile[] {
  const files: StarterFile[] = [
    text('dialogpack.yaml', dialogpackYaml),
    text('.gitignore', gitignore),
    text('.vscode/settings.json', `${JSON.stringify(vscodeSettings(options.contentRoot), null, 2)}\n`),
    text('.vscode/extensions.json', `${JSON.stringify({ recommendations: ['redhat.vscode-yaml'] }, null, 2)}\n`),
  ];
  if (options.ci === 'github') {
    files.push(text('.github/workflows/dialogpack.yml', githubWorkflow(options.contentRoot)));
    files.push(text('package.json', `${JSON.stringify(contentPackage(options.version), null, 2)}\n`));
  }
  return files;
}

function text(path: string, content: string): StarterFile {
  return { path, bytes: new TextEncoder().encode(content) };
}

const dialogpackYaml = `# Faste valg for dialogpack i denne mappe. Kommandoer, der køres herfra, bruger dem uden flag.
# Linjer, der begynder med #, er kommentarer.

# Mappen, som PDF-filerne skrives i.
out: out

# En kommunes egne skabeloner og tema (logo, farver, kommunens navn). Fjern # for at bruge dem.
# templates: skabeloner
`;

const gitignore = `# Det, dialogpack bygger, kan altid bygges igen.
out/
site/
node_modules/
`;

/** The YAML extension checks every topic.yaml against the copy in the content root, also one without its first line. */
function vscodeSettings(contentRoot: string): Record<string, unknown> {
  return {
    'yaml.schemas': { [`./${contentRoot}/${schemaCopyName}`]: [`${contentRoot}/**/topic.yaml`] },
    'files.encoding': 'utf8',
    '[yaml]': { 'editor.insertSpaces': true, 'editor.tabSize': 2 },
  };
}

function contentPackage(version: string): Record<string, unknown> {
  return {
    private: true,
    description: 'Dialogmateriale, bygget til PDF med dialogpack',
    scripts: { check: 'dialogpack check', build: 'dialogpack build' },
    devDependencies: { dialogpack: `^${version}` },
  };
}

/**
 * Check once for annotations on the pull request, build the topics in two shards, publish one site:
 * the PDFs and, with --site in both steps, each topic's web page, linked from index.html.
 * SOURCE_DATE_EPOCH is the date of the last commit that changed the content, so a commit that touches
 * only the README rebuilds nothing (the restored out/ still matches), while the PDFs still carry a
 * real date, not 1970.
 */
function githubWorkflow(contentRoot: string): string {
  return `# Bygger printversionerne af alle emner i ${contentRoot}/ ved hvert push og hver pull request.
# Lavet af \`dialogpack init --ci github\`. Fejl i et emne vises som anmærkninger på pull requesten.
name: Printversioner

on:
  push:
    branches: [main]
  pull_request:
  workflow_dispatch:

permissions:
  contents: read

concurrency:
  group: \${{ github.workflow }}-\${{ github.ref }}
  cancel-in-progress: true

jobs:
  check:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - uses: actions/setup-node@v6
        with:
          node-version: lts/*
          cache: npm
      - run: npm ci
      - name: Tjek alle emner
        run: npx dialogpack --format github check ${contentRoot}

  build:
    needs: check
    runs-on: ubuntu-latest
    strategy:
      matrix:
        shard: [1, 2]
    steps:
      - uses: actions/checkout@v6
        with:
          fetch-depth: 0
      - uses: actions/setup-node@v6
        with:
          node-version: lts/*
          cache: npm
      - run: npm ci
      - name: Datoen for den seneste ændring af indholdet
        run: echo "SOURCE_DATE_EPOCH=$(git log -1 --format=%ct -- ${contentRoot} dialogpack.yaml)" >> "$GITHUB_ENV"
      - uses: actions/cache@v5
        with:
          path: out
          key: print-\${{ matrix.shard }}-\${{ hashFiles('${contentRoot}/**', 'dialogpack.yaml', 'package-lock.json') }}
          restore-keys: print-\${{ matrix.shard }}-
      - name: Byg denne dels emner
        run: npx dialogpack --format github build ${contentRoot} --shard \${{ matrix.shard }}/2 --out out --site
      - uses: actions/upload-artifact@v7
        with:
          name: print-\${{ matrix.shard }}
          path: out/
          if-no-files-found: error

  publish:
    needs: build
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - uses: actions/setup-node@v6
        with:
          node-version: lts/*
          cache: npm
      - run: npm ci
      - uses: actions/download-artifact@v8
        with:
          pattern: print-*
          path: shards
      - name: Saml delene til ét site med én manifest.json, én index.html og en side for hvert emne
        run: npx dialogpack publish shards/* --out site --site
      - uses: actions/upload-artifact@v7
        with:
          name: printversioner
          path: site/
          if-no-files-found: error
`;
}
