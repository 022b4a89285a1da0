import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The console is served by the API server under /admin (see server/src/portal and the static plugin);
// in development Vite serves it and forwards /api to the server on port 3000.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Pages are lazy routes, so rolldown already puts antd's heavy parts (table, date picker) only in
        // the pages that use them. React gets a long-lived chunk of its own: a release that changes only
        // our code does not make office PCs download it again.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 3,
            },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    // No changeOrigin: the server's same-origin check compares Origin with Host, which must stay the dev host.
    proxy: { '/api': { target: 'http://localhost:3000' } },
  },
});
