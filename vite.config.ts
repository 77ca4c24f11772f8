// Builds the renderer (React + AG Grid) into dist/renderer with relative paths, so the same files
// load from Electron's app:// protocol and from browser mode's loopback server.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
    sourcemap: false,
  },
});
