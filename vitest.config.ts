import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Users get Danish messages by default; the tests pin an English locale so that their assertions
    // read one language whatever the machine's locale, and the tests of the Danish ones set it back.
    env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' },
  },
});
