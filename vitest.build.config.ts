import { defineConfig } from 'vitest/config'

/**
 * Tests that build bundles with rollup (`npm run test:build`): seconds of
 * CPU each, so they run once in CI after the build, not in every `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/build/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000
  }
})
