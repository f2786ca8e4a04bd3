// ESLint flat config (`npm run lint`, run by .ci/run before the tests): eslint's and typescript-eslint's
// recommended rules on src/, test/, bench/ and scripts/, without type information (fast on 2 cores), and
// the layout rules (@stylistic: indentation, quotes, semicolons, spacing, line length) as the formatter:
// `npm run lint -- --fix` applies them. (Prettier would add 8 MB to a dev install that is already over
// issue 19's 150 MB; the @stylistic plugin adds 0.7 MB.)
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      // `_name` marks a deliberately unused binding (e.g. an option removed by destructuring)
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // physical constants and fit coefficients keep the digits of their source (LAL, CODATA, the papers)
      'no-loss-of-precision': 'off',
      // flags the `let x = fallback; try { x = parse() } catch {}` idiom and the zero-initialised state of
      // the fused kernels' loops, which are kept for clarity
      'no-useless-assignment': 'off',
    },
  },
  {
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/indent': ['error', 2, { SwitchCase: 1, flatTernaryExpressions: true, ignoredNodes: ['ConditionalExpression'] }],
      '@stylistic/quotes': ['error', 'single', { avoidEscape: true, allowTemplateLiterals: 'always' }],
      '@stylistic/semi': ['error', 'always'],
      '@stylistic/comma-dangle': ['error', 'always-multiline'],
      '@stylistic/eol-last': 'error',
      '@stylistic/no-trailing-spaces': 'error',
      '@stylistic/no-multiple-empty-lines': ['error', { max: 1, maxBOF: 0, maxEOF: 0 }],
      '@stylistic/brace-style': ['error', '1tbs', { allowSingleLine: true }],
      '@stylistic/keyword-spacing': 'error',
      '@stylistic/space-before-blocks': 'error',
      '@stylistic/space-infix-ops': 'error',
      '@stylistic/comma-spacing': 'error',
      '@stylistic/key-spacing': 'error',
      '@stylistic/arrow-spacing': 'error',
      '@stylistic/max-len': ['error', { code: 200, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  {
    // fit and coefficient tables keep the compact layout of their source (LAL's fits, the papers'
    // tables), so that a reader can hold them line by line against it
    files: ['src/waveforms/**/fits-*.ts', 'src/waveforms/**/qnm-fits.ts', 'src/waveforms/**/coefficients.ts'],
    rules: { '@stylistic/space-infix-ops': 'off', '@stylistic/comma-spacing': 'off', '@stylistic/max-len': 'off' },
  },
);
