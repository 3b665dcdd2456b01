// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Every Node built-in, with and without the node: prefix, as import patterns. */
const nodeBuiltins = [...builtinModules.filter((m) => !m.startsWith('_')), 'node:*'];
const nodePatterns = nodeBuiltins.flatMap((m) => (m.startsWith('node:') ? [m] : [m, `${m}/*`]));

const ELECTRON_ONLY_IN_GLUE = 'Only src-main/app and the entry file may import electron.';

/** Import patterns for one of the repository's source folders, at any depth of `../`. */
const folder = (name) => [`**/${name}`, `**/${name}/**`];

/** The page, the preload and the shared code reach main only through the contract (window.guichet), never its modules. */
const noMain = { group: folder('src-main'), message: 'Main is reached only through the contract (src-shared/contract, window.guichet), never imported.' };
/** Shared code is imported by every process: it may not reach into one of them. */
const noRendererNoPreload = { group: [...folder('src-renderer'), ...folder('src-preload')], message: 'src-shared is imported by every process: it may not import the renderer or the preload.' };

const noNodeNoElectron = (...more) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_GLUE }],
      patterns: [
        { group: nodePatterns, message: 'Renderer and shared code run without Node: use the contract (window.guichet).' },
        { group: ['electron/*'], message: ELECTRON_ONLY_IN_GLUE },
        ...more,
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'vue/multi-word-component-names': 'off',
      // Layout is not lint's business here; these vue rules are purely about line breaks and attribute wrapping.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-indent': 'off',
    },
  },
  {
    files: ['src-renderer/**', 'src-shared/**', 'tools/devhost/page/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: noNodeNoElectron(noMain),
  },
  {
    files: ['src-shared/**'],
    rules: noNodeNoElectron(noMain, noRendererNoPreload),
  },
  {
    // Services are plain Node: Electron reaches them only through injected dependencies.
    files: ['src-main/**', 'src-sandbox/**', 'tools/**', 'scripts/**', 'tests/**'],
    ignores: ['src-main/app/**', 'src-main/main.ts', 'tools/devhost/page/**'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: ELECTRON_ONLY_IN_GLUE }],
          patterns: [{ group: ['electron/*'], message: ELECTRON_ONLY_IN_GLUE }],
        },
      ],
    },
  },
  {
    files: ['src-main/app/**', 'src-main/main.ts', 'src-preload/**', '*.config.ts', '*.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The preload may import electron (contextBridge, ipcRenderer) and the shared contract, never main.
    files: ['src-preload/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noMain] }] },
  },
  {
    files: ['tools/**', 'scripts/**', 'tests/**', 'src-sandbox/**'],
    rules: { 'no-console': 'off' },
  },
);
