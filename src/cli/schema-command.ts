import { exitCodes } from './exit-codes.js';
import type { CliIo } from './print-report.js';

/**
 * `dialogpack schema`: the JSON Schema of topic.yaml on stdout, formatted exactly as the copy kept in
 * schema/topic.schema.json, so `dialogpack schema > schema/topic.schema.json` refreshes it; with
 * `--theme`, that of a templates folder's theme.yaml, kept in schema/theme.schema.json.
 */
export async function runSchemaCommand(io: CliIo, options: { theme?: boolean } = {}): Promise<number> {
  const schema = options.theme
    ? (await import('../model/theme-json-schema.js')).themeJsonSchema()
    : (await import('../model/topic-json-schema.js')).topicJsonSchema();
  io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return exitCodes.ok;
}
