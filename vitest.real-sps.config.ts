import { defineConfig } from 'vitest/config';

/**
 * `npm run test:real-sps`: SAML SPs nobody on the project wrote (Debian's Apache modules and PHP apps), each set
 * up from its own recipe against the tenant and driven in Chromium. Opt-in: it installs Debian packages and runs
 * Apache, so it is not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/real-sps/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 1,
  },
});
