import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import renderer from './vite.renderer.config';

/** The schema validator reads its XSDs from `schemas/` beside its module; in the bundle that is out/main. */
const copySchemas = (): Plugin => ({
  name: 'copy-saml-schemas',
  closeBundle: () => cpSync(resolve(__dirname, 'src/core/xml/schemas'), resolve(__dirname, 'out/main/schemas'), { recursive: true }),
});

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin(), copySchemas()],
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } },
  },
  preload: {
    // A sandboxed preload cannot require npm modules, so it is bundled whole.
    // Sandboxed preloads must be CommonJS.
    build: { rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } } },
  },
  renderer: { ...renderer, build: { ...renderer.build, rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } } } },
});
