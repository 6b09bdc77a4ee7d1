// @ts-check
/**
 * One lint gate for the whole repository (`pnpm lint`). Besides typescript-eslint (with type
 * information for the rules that need it), React's hook rules and jsx-a11y, it enforces the
 * architecture: provider-core is pure (no React, no DOM, no Node outside src/cli), ui holds no
 * domain code, the web app reaches provider-core only by its package name, and no module imports
 * itself back through others (import-x/no-cycle).
 */
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// Every module Node ships (its list includes subpaths such as fs/promises), by exact name: a
// pattern like "net/*" would also match our own ../net/ipAddress.js. node:* covers the prefixed forms.
const NODE_BUILTINS = builtinModules;

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/test-results/**',
      '**/playwright-report/**',
      'packages/provider-core/bin/**',
      '.ci-out/**',
    ],
  },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['vite.config.ts', 'packages/provider-core/vite.config.ts', 'packages/ui/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // No import cycles between files: a cycle makes the order modules run in depend on who imports
    // first, and hides layers that should point one way. `import type` is erased before anything
    // runs, so a cycle made only of type imports is allowed (no-cycle skips them). The
    // TypeScript resolver maps the `.js` in our imports to the `.ts` file, and package names
    // (`@rke2-edge/provider-core`) to their source, so cycles across packages are found too.
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      // import-x parses each imported file itself: with the TypeScript parser, or it sees no imports in .ts files.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/resolver-next': [createTypeScriptImportResolver()],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['apps/web/**/*.tsx', 'packages/ui/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scrollable code blocks take focus so keyboard users can scroll them (axe: scrollable-region-focusable).
      'jsx-a11y/no-noninteractive-tabindex': ['error', { tags: ['pre'], roles: ['tabpanel', 'region'] }],
      // `role` on our own components (the YAML editor's schema role) is a prop, not an ARIA role.
      'jsx-a11y/aria-role': ['error', { ignoreNonDOM: true }],
    },
  },
  {
    // provider-core is pure: what the UI shows is computed here, in any JavaScript runtime.
    files: ['packages/provider-core/src/**/*.ts'],
    ignores: ['packages/provider-core/src/cli/**', 'packages/provider-core/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'provider-core is pure TypeScript: no React.' },
            { group: ['node:*'], message: 'provider-core runs in the browser too: Node modules only in src/cli.' },
          ],
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'provider-core runs in the browser too: Node modules only in src/cli.' })),
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'HTMLElement', 'process', 'Buffer', 'require'].map(
          (name) => ({ name, message: 'provider-core is pure: no DOM or Node globals outside src/cli.' }),
        ),
      ],
    },
  },
  {
    files: ['packages/ui/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@rke2-edge/provider-core', '@rke2-edge/provider-core/*', '**/provider-core/**'],
              message: 'ui holds no domain logic: the web app passes it what provider-core computed.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['apps/web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/packages/**', '**/provider-core/src/**', '**/ui/src/**'],
              message: 'the web app imports provider-core and ui by their package names only.',
            },
          ],
        },
      ],
    },
  },
);
