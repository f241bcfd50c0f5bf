import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildInMemory, repoRoot } from '../helpers/build-fixture.js';

describe('buildTopic', () => {
  it('returns the topic with its text but without the syntax trees compose used, since results outlive the build', async () => {
    const result = await buildInMemory(path.join(repoRoot, 'content/personas'), { kinds: ['pack'] });
    const topic = result.topic!;
    const passages = [topic.purpose!, ...topic.sections, ...topic.cards];
    expect(topic.cards.length).toBeGreaterThan(0);
    for (const passage of passages) {
      expect(passage.markdown.length, passage.file).toBeGreaterThan(0);
      expect(passage.tree, passage.file).toBeUndefined();
    }
  });
});
