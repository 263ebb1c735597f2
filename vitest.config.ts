import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real SP stacks (Apache, Shibboleth, mellon, SimpleSAMLphp) run apart: npm run test:real-sps.
    exclude: ['test/real-sps/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep workers to the machine, and let integration tests own their ports.
    pool: 'forks',
    maxWorkers: 2,
  },
});
