import react from '@vitejs/plugin-react';
import { defineConfig, type UserConfig } from 'vite';

// The renderer is built once and served unchanged by both hosts (app:// and web mode).
const config: UserConfig = {
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
};

export default defineConfig(({ command }) => {
  // A build is what ships, whoever runs it. vitest's globalSetup rebuilds with NODE_ENV=test
  // in the environment, which gives a development React and antd: slower, and rc-util then
  // labels every dialog with the fixed id "test-id". Vite reads NODE_ENV after this file.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return config;
});
