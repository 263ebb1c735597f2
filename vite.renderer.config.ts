import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';

/** The renderer alone: what web mode serves and Electron loads from file:// (hence relative asset paths). */
export default defineConfig({
  root: resolve(__dirname, 'src/renderer'),
  base: './',
  plugins: [react()],
  build: { outDir: resolve(__dirname, 'out/renderer'), emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});
