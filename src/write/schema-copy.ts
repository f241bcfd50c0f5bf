/**
 * The copy of topic.yaml's JSON Schema that lives in a content root, beside the topic folders, so an
 * editor's YAML tooling finds it through a short relative path on any machine, without network and
 * wherever dialogpack itself was installed. `new` and `init` write it again each time, so an upgraded
 * dialogpack brings its schema along.
 * Input: nothing (the schema is generated from the checker's own zod schema). Output: the file to write.
 * Never: touch the disk (the writers in this folder do).
 */
import { topicJsonSchema } from '../model/topic-json-schema.js';
import type { OutputFile } from './write-outputs.js';

/** The file's name in the content root; each topic.yaml names it as `../topic.schema.json`. */
export const schemaCopyName = 'topic.schema.json';

export function schemaCopy(): OutputFile {
  return { path: schemaCopyName, bytes: new TextEncoder().encode(`${JSON.stringify(topicJsonSchema(), null, 2)}\n`) };
}
