// @ts-check
import js from '@eslint/js'
import prettier from 'eslint-config-prettier'
import globals from 'globals'
import tseslint from 'typescript-eslint'

/** Folders of the pure core: data in, data out, no I/O. */
const CORE = [
  'src/model.ts',
  'src/analyze.ts',
  'src/plan/**',
  'src/classify/**',
  'src/report/**',
  'src/gate/**',
  'src/policy/**',
  'src/redact/**',
  'src/attribution/**',
  'src/risk/**'
]

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'build/**',
      'coverage/**',
      'node_modules/**',
      'test/fixtures/**',
      'examples/**',
      '.bench/**'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.js', 'scripts/*.js']
        },
        tsconfigRootDir: import.meta.dirname
      }
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true }
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      eqeqeq: ['error', 'always'],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an as-const tuple.' },
        { selector: 'TSModuleDeclaration', message: 'No namespaces.' }
      ]
    }
  },
  {
    files: CORE,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'node:fs',
                'node:fs/*',
                'fs',
                'node:child_process',
                'child_process',
                'node:process',
                '@actions/*',
                '@octokit/*',
                '**/cli/**',
                '**/action/**',
                '**/github/**'
              ],
              message:
                'The core is pure: do I/O in src/cli, src/action or src/github.'
            }
          ]
        }
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The core never reads process.*.' }
      ]
    }
  },
  {
    files: ['scripts/**/*.js', '*.config.js', 'eslint.config.js'],
    ...tseslint.configs.disableTypeChecked
  },
  {
    files: ['scripts/**/*.js', '*.config.js', 'eslint.config.js'],
    languageOptions: { globals: globals.node }
  },
  prettier
)
