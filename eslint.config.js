// ESLint flat config (`npm run lint`, run by .ci/run before the tests): eslint's and typescript-eslint's
// recommended rules on src/, test/, bench/ and scripts/, without type information (fast on 2 cores).
import js from '@eslint/js';
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
);
