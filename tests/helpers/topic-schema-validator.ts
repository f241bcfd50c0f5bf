import { Ajv, type ValidateFunction } from 'ajv';

/** Keywords for editors that validators do not know; Ajv is told they are annotations, and still rejects any other. */
export const editorKeywords = ['markdownDescription', 'errorMessage', 'enumDescriptions', 'defaultSnippets'];

/**
 * Ajv set up for topic.yaml's JSON Schema, as the tests that read it through Ajv need it. strictTypes off:
 * a minutes table's keys may be integers, as YAML reads them, which Ajv (seeing only text keys) would log
 * as a type its context does not allow.
 */
export function compileTopicSchema(schema: object): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, strictTypes: false });
  ajv.addVocabulary(editorKeywords);
  return ajv.compile(schema);
}
