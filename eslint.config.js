// Lint rules: ESLint's recommended set and typescript-eslint's strict set; formatting is prettier's job.
import eslint from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/'] },
  eslint.configs.recommended,
  tseslint.configs.strict,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly' } },
    rules: {
      // A variable a closure reads before its one assignment cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Tests and scripts read values they have just arranged; a failed assertion there is the test failing.
    files: ['__tests__/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' }
  }
)
