import { defineConfig } from 'vite';

// Output is served by `cinelake serve` under a CSP with no inline scripts or
// styles, so nothing may be inlined into index.html.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
