/**
 * The build command's pipeline over many topics: each topic is built in memory and written only when it
 * has no errors, so good topics in a content root still build while a bad one fails.
 */
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { findTopics } from '../load/find-topics.js';
import { writeOutputs } from '../write/write-outputs.js';
import type { BuildOptions } from './build-options.js';
import { buildTopic, type TopicResult } from './build-topic.js';
import { sharedResources } from './shared-resources.js';

export interface BuildReport {
  topics: TopicResult[];
  /** Problems not tied to one topic (paths, templates, output folder). */
  diagnostics: Diagnostic[];
  written: string[];
}

export async function runBuild(options: BuildOptions, write = true): Promise<BuildReport> {
  const report: BuildReport = { topics: [], diagnostics: [], written: [] };
  const found = await findTopics(options.paths);
  report.diagnostics.push(...found.diagnostics);
  const { shared, diagnostics } = await sharedResources(options.templatesDir);
  report.diagnostics.push(...diagnostics);
  if (hasErrors(diagnostics)) return report;
  for (const dir of found.topics) {
    const result = await buildTopic(dir, options, shared, write);
    report.topics.push(result);
    if (!write || hasErrors(result.diagnostics) || !result.outputs.length) continue;
    const outcome = await writeOutputs(options.outDir, result.outputs);
    result.diagnostics.push(...outcome.diagnostics);
    report.written.push(...outcome.written);
  }
  return report;
}
