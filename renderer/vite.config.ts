import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is built once and served unchanged by both hosts (app:// and web mode).
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    chunkSizeWarningLimit: 2000,
    // Inline data: URLs would need a looser CSP for scripts; keep every module a file.
    assetsInlineLimit: 0,
  },
});
