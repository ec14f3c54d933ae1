import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Rollup builds, run by `npm run test:build` (vitest.build.config.ts) in CI.
    exclude: ['test/build/**', '**/node_modules/**'],
    clearMocks: true,
    restoreMocks: true,
    unstubEnvs: true,
    testTimeout: 30_000,
    // The end-to-end tests wait on subprocesses and the loopback API as much as
    // they compute: four files at once is the fastest on two cores (3 and 6 are slower).
    maxWorkers: 4,
    // Test files share their worker's module cache: no test mocks modules or
    // keeps state between files, and importing src/ once per worker instead
    // of once per file saves a fifth of the suite's time on two cores.
    isolate: false,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      thresholds: {
        'src/plan/**': { lines: 90 },
        'src/report/**': { lines: 90 }
      }
    }
  }
})
