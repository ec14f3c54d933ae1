// Bundles the action and the CLI into two self-contained ES modules.
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

const plugins = () => [
  typescript({
    tsconfig: './tsconfig.build.json',
    outDir: 'dist',
    noEmitOnError: true
  }),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import'] }),
  commonjs(),
  json()
]

const onwarn = (warning, warn) => {
  // @actions/* ship `this` at module scope in TypeScript-emitted helpers.
  if (warning.code === 'THIS_IS_UNDEFINED') return
  if (warning.code === 'CIRCULAR_DEPENDENCY') return
  warn(warning)
}

export default [
  {
    input: 'src/index.ts',
    output: { file: 'dist/index.js', format: 'es', sourcemap: false },
    plugins: plugins(),
    onwarn
  },
  {
    input: 'src/cli.ts',
    output: {
      file: 'dist/cli.js',
      format: 'es',
      sourcemap: false,
      banner: '#!/usr/bin/env node'
    },
    plugins: plugins(),
    onwarn
  }
]
