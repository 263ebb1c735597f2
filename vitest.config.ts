import { defineConfig } from 'vitest/config';

/**
 * Four tiers, one command each (npm run test:unit, test:integration, test:e2e, test:slow); `npm test` runs all.
 * - unit: the core and the runtime in-process, over real loopback HTTP where a test needs it; no build, no browser.
 * - integration: what needs the bundled CLI or spawns processes (the CLI, the Node API package, kill tests), the
 *   whole runtime on a workspace folder, and every preset run end to end.
 * - e2e: the built renderer in Chromium (web mode), and the Electron launch where Electron exists.
 * - slow: the benchmark sections and the fuzzers.
 * Real SP stacks (Apache, Shibboleth, mellon, SimpleSAMLphp) run apart: npm run test:real-sps.
 */
const INTEGRATION = [
  'test/cli/**/*.test.ts',
  'test/api/**/*.test.ts',
  // The whole runtime on a workspace folder: its host, its files, its sign-in logs.
  'test/runtime/**/*.test.ts',
  'test/workspace/**/*.test.ts',
  'test/security/log-flood.test.ts',
  'test/main/packaging.test.ts',
  'test/security/keys-and-ca.test.ts',
  'test/security/nothing-lost.test.ts',
  'test/idp/lexical-fidelity.test.ts',
  // Every preset, end to end in its sandbox: a hundred sign-ins over loopback.
  'test/scenarios/presets-entra.test.ts',
  'test/scenarios/presets-vendors.test.ts',
];
const E2E = ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'];
const SLOW = ['test/bench/**/*.test.ts', 'test/fuzz/**/*.test.ts'];
const NEVER = ['test/real-sps/**', '**/node_modules/**'];
// Built once per run for the tiers that drive what users run: the renderer, the bundled CLI, Chromium.
const BUILT = ['test/global-setup.ts'];

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep workers to the machine, and let integration tests own their ports.
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...INTEGRATION, ...E2E, ...SLOW, ...NEVER], isolate: false } },
      { extends: true, test: { name: 'integration', include: INTEGRATION, exclude: NEVER, globalSetup: BUILT } },
      // A UI waits on sign-ins run behind it; on a loaded 2-core machine one takes more than expect.poll's default second.
      { extends: true, test: { name: 'e2e', include: E2E, exclude: NEVER, globalSetup: BUILT, expect: { poll: { timeout: 10_000 } } } },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: NEVER, globalSetup: BUILT } },
    ],
  },
});
