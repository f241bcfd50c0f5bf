import { exitCodes } from './exit-codes.js';
import type { CliIo } from './print-report.js';

/**
 * `dialogpack schema`: the JSON Schema of topic.yaml on stdout, formatted exactly as the copy kept in
 * schema/topic.schema.json, so `dialogpack schema > schema/topic.schema.json` refreshes it.
 */
export async function runSchemaCommand(io: CliIo): Promise<number> {
  const { topicJsonSchema } = await import('../model/topic-json-schema.js');
  io.stdout.write(`${JSON.stringify(topicJsonSchema(), null, 2)}\n`);
  return exitCodes.ok;
}
