// Vite config for the agent workbench. `vite build web` uses web/ as root and writes web/dist,
// which src/server/routes/web.ts serves. ECharts goes into its own chunk (only the dashboard
// loads it) so the inbox's first paint stays small.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig(({ command }) => {
  // A production build even when the caller's NODE_ENV says otherwise (vitest sets `test`),
  // or React ships its development runtime (jsxDEV) and the inbox renders several times slower.
  if (command === 'build') process.env.NODE_ENV = 'production';
  return {
    root,
    base: '/',
    plugins: [react()],
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      chunkSizeWarningLimit: 1200,
      rollupOptions: {
        output: {
          manualChunks(id: string) {
            if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts';
            if (
              id.includes('node_modules/react-dom') ||
              id.includes('node_modules/react/') ||
              id.includes('node_modules/scheduler')
            )
              return 'react';
            return undefined;
          },
        },
      },
    },
    server: {
      proxy: { '/api': { target: 'http://127.0.0.1:3000', ws: true } },
    },
  };
});
