import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  worker: { format: 'es' },
  // The dev server serves monaco-yaml's worker unbundled; its CommonJS/UMD dependencies must be
  // pre-bundled or the worker fails with "module is not defined" (builds bundle it anyway).
  optimizeDeps: {
    include: [
      'monaco-yaml > vscode-languageserver-types',
      'monaco-yaml > vscode-languageserver-textdocument',
      'monaco-yaml > vscode-uri',
      'monaco-yaml > jsonc-parser',
      'monaco-yaml > path-browserify',
      'monaco-yaml > @vscode/l10n',
    ],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  // Sized for a busy two-core machine: a test that renders the whole designer can take seconds there.
  test: { name: 'web', environment: 'jsdom', testTimeout: 30_000 },
});
