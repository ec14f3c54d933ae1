// Bundles the action and the CLI into two ES module entry files in dist/.
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

/** The module of @aws-cdk/aws-service-spec that loads the resource specification. */
const SPEC_LOADER = /[\\/]@aws-cdk[\\/]aws-service-spec[\\/]lib[\\/]index\.js$/
/** How it finds the file: next to its own package, which a bundle does not have. */
const SPEC_PATH = "path.join(__dirname, '..', DB_COMPRESSED)"
/** The data file, written next to the bundle's chunks in dist/. */
export const SPEC_FILE = 'db.json.gz'

/**
 * Ships the AWS resource specification that @aws-cdk/cloudformation-diff
 * reads at run time. The loader joins `__dirname` (undefined in an ES
 * bundle) with `..`; this rewrites that one expression to a path next to
 * the chunk that holds the loader, and emits `db.json.gz` there. Nothing
 * happens for a bundle that does not include the library. A library update
 * that changes the loader fails the build here, not at run time.
 */
export function awsServiceSpecData() {
  return {
    name: 'aws-service-spec-data',
    transform(code, id) {
      if (!SPEC_LOADER.test(id)) return null
      if (!code.includes(SPEC_PATH)) {
        this.error(
          `${id} no longer loads ${SPEC_FILE} with ${SPEC_PATH}; update awsServiceSpecData in rollup.config.js`
        )
      }
      this.emitFile({
        type: 'asset',
        fileName: SPEC_FILE,
        source: readFileSync(join(dirname(id), '..', SPEC_FILE))
      })
      return {
        code: code.replace(
          SPEC_PATH,
          `require('node:url').fileURLToPath(new URL('${SPEC_FILE}', import.meta.url))`
        ),
        map: null
      }
    }
  }
}

/** The module of @aws-cdk/cloudformation-diff that holds its difference collections. */
const DIFF_TYPES =
  /[\\/]@aws-cdk[\\/]cloudformation-diff[\\/]lib[\\/]diff[\\/]types\.js$/

/**
 * Loops of DifferenceCollection that read the `changes` getter, which
 * filters every difference of the template, once per logical ID: time
 * grows with the square of the resources (a pair of 5,000-resource
 * templates took 21 s, 15 of them here). Each is rewritten to read the
 * getter once before its loop; nothing in a loop changes the collection
 * (forEachDifference calls back only after it).
 */
const QUADRATIC_DIFF_LOOPS = [
  [
    `        for (const logicalId of this.logicalIds) {
            const change = this.changes[logicalId];`,
    `        const changes = this.changes;
        for (const logicalId of Object.keys(changes)) {
            const change = changes[logicalId];`
  ],
  [
    `        for (const id of Object.keys(this.changes)) {
            const diff = this.changes[id];`,
    `        const changes = this.changes;
        for (const id of Object.keys(changes)) {
            const diff = changes[id];`
  ]
]

/** The module of @aws-cdk/cloudformation-diff that compares two templates. */
const DIFF_TEMPLATE =
  /[\\/]@aws-cdk[\\/]cloudformation-diff[\\/]lib[\\/]diff-template\.js$/

/**
 * diffTemplate walks the whole new template once for every replaced
 * resource, to mark the references to it: a refactor that replaces 1,429
 * of 5,000 resources spent 3.3 s there (a walk per replacement). Rewritten
 * to collect the replaced logical IDs and walk once, marking every
 * reference to any of them, which leaves the template as the walks one
 * by one did (each marks only references to its own ID, and a marked one
 * names no logical ID).
 */
const WALK_PER_REPLACEMENT = [
  [
    `            diffWithReplacements.resources.forEachDifference((logicalId, change) => {
                if (change.changeImpact === types.ResourceImpact.WILL_REPLACE) {
                    if (propagateReplacedReferences(newTemplateCopy, logicalId)) {
                        didPropagateReferenceChanges = true;
                    }
                }
            });`,
    `            const replaced = new Set();
            diffWithReplacements.resources.forEachDifference((logicalId, change) => {
                if (change.changeImpact === types.ResourceImpact.WILL_REPLACE) {
                    replaced.add(logicalId);
                }
            });
            if (replaced.size > 0 && propagateReplacedReferences(newTemplateCopy, replaced)) {
                didPropagateReferenceChanges = true;
            }`
  ],
  [
    'function propagateReplacedReferences(template, logicalId) {',
    'function propagateReplacedReferences(template, logicalIds) {'
  ],
  [
    `            if (obj.Ref === logicalId) {
                obj.Ref = logicalId + ' (replaced)';`,
    `            if (logicalIds.has(obj.Ref)) {
                obj.Ref = obj.Ref + ' (replaced)';`
  ],
  [
    `            if (Array.isArray(obj[key]) && obj[key].length > 0 && obj[key][0] === logicalId) {
                obj[key][0] = logicalId + '(replaced)';`,
    `            if (Array.isArray(obj[key]) && obj[key].length > 0 && logicalIds.has(obj[key][0])) {
                obj[key][0] = obj[key][0] + '(replaced)';`
  ]
]

/**
 * Makes @aws-cdk/cloudformation-diff's difference collections linear (see
 * QUADRATIC_DIFF_LOOPS) and its marking of replaced references one walk
 * (WALK_PER_REPLACEMENT). A library update that changes those loops fails
 * the build here, to be looked at again, never a bundle left quadratic.
 */
export function linearTemplateDiff() {
  return {
    name: 'linear-template-diff',
    transform(code, id) {
      const rewrites = DIFF_TYPES.test(id)
        ? QUADRATIC_DIFF_LOOPS
        : DIFF_TEMPLATE.test(id)
          ? WALK_PER_REPLACEMENT
          : undefined
      if (rewrites === undefined) return null
      let patched = code
      for (const [loop, linear] of rewrites) {
        if (!patched.includes(loop))
          this.error(
            `${id} no longer holds the code plangate rewrites (${JSON.stringify(loop.trim().split('\n')[0])}); update linearTemplateDiff in rollup.config.js`
          )
        patched = patched.replace(loop, linear)
      }
      return { code: patched, map: null }
    }
  }
}

/** The module that processGlobal gives for `process` and `node:process`. */
const PROCESS_GLOBAL = '\0plangate:process-global'

/**
 * Gives dependencies that import the `process` module (yaml's CommonJS
 * `require('process')` becomes `import ... from 'process'`) the global
 * `process`, the same object. Node builds a built-in module's namespace by
 * reading every property of it, and reading `process.stdin` opens standard
 * input as a non-blocking stream: `readFileSync(0)` then fails with EAGAIN
 * whenever the writer of a pipe is slower than plangate (`terraform show
 * -json plan | plangate review -`).
 */
export function processGlobal() {
  return {
    name: 'process-global',
    resolveId(source) {
      return source === 'process' || source === 'node:process'
        ? PROCESS_GLOBAL
        : null
    },
    load(id) {
      return id === PROCESS_GLOBAL ? 'export default globalThis.process' : null
    }
  }
}

/** What `undici` resolves to in the Action's bundle. */
const UNDICI_STAND_IN = fileURLToPath(
  new URL('src/github/undici-stand-in.ts', import.meta.url)
)

/**
 * Gives `@actions/github` and `@actions/http-client` a stand-in for undici
 * (src/github/undici-stand-in.ts): they import it at load time, but
 * plangate sends Octokit's requests through node:http
 * (src/github/http-fetch.ts), and every run would compile undici's
 * 0.96 MB for nothing.
 */
export function undiciStandIn() {
  return {
    name: 'undici-stand-in',
    resolveId: (source) => (source === 'undici' ? UNDICI_STAND_IN : null)
  }
}

/**
 * Escapes every character outside ASCII in the bundle's code as `\uXXXX`
 * (UTF-16 units: astral characters as their surrogate pair). V8 keeps a
 * source holding one such character as two bytes per character and Node
 * decodes it from UTF-8 first: plain ASCII saves about 3 ms of every run's
 * start (the CLI's bundle has 105 lines with arrows, ellipses and the
 * comment's emoji). An escape means the same character in a string, a
 * template, a regular expression (with or without the `u` flag), an
 * identifier and a comment; only a tagged template's `raw` text would
 * differ, so a chunk that holds one with such a character fails the build.
 */
export function asciiOutput() {
  return {
    name: 'ascii-output',
    renderChunk(code, chunk) {
      if (!NON_ASCII.test(code)) return null
      const tagged = taggedNonAscii(this.parse(code), code)
      if (tagged !== undefined)
        this.error(
          `${chunk.fileName}: a tagged template holds a character outside ASCII (${JSON.stringify(tagged.slice(0, 60))}); asciiOutput in rollup.config.js cannot escape it without changing its raw text`
        )
      return { code: escapeNonAscii(code), map: null }
    }
  }
}

const NON_ASCII = /[^\0-\x7f]/

/** The text of the first tagged template in `node` that holds a character outside ASCII. */
function taggedNonAscii(node, code) {
  if (Array.isArray(node)) {
    for (const item of node) {
      const found = taggedNonAscii(item, code)
      if (found !== undefined) return found
    }
    return undefined
  }
  if (typeof node !== 'object' || node === null) return undefined
  if (node.type === 'TaggedTemplateExpression') {
    const text = code.slice(node.quasi.start, node.quasi.end)
    if (NON_ASCII.test(text)) return text
  }
  for (const [key, value] of Object.entries(node)) {
    if (key === 'type' || key === 'start' || key === 'end') continue
    const found = taggedNonAscii(value, code)
    if (found !== undefined) return found
  }
  return undefined
}

/** `code` with each UTF-16 unit outside ASCII written as `\uXXXX`. */
export function escapeNonAscii(code) {
  return code.replace(
    /[^\0-\x7f]/g,
    (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** The plugins of every bundle; `outDir` must be the output directory. */
export const bundlePlugins = (outDir = 'dist') => [
  processGlobal(),
  undiciStandIn(),
  typescript({
    tsconfig: './tsconfig.build.json',
    outDir,
    noEmitOnError: true
  }),
  awsServiceSpecData(),
  linearTemplateDiff(),
  nodeResolve({ preferBuiltins: true, exportConditions: ['node', 'import'] }),
  // A CommonJS require of `process` is the global itself, not a namespace around it.
  commonjs({ requireReturnsDefault: (id) => id === PROCESS_GLOBAL }),
  json(),
  asciiOutput()
]

/**
 * One entry file per bundle (`dist/<name>.js`). Code loaded with `import()`
 * (the CloudFormation template differ) goes to its own chunk,
 * `dist/<name>-<module>.js`, so that runs that never need it do not parse
 * or run it.
 */
export const bundleOutput = (dir, name, banner = '') => ({
  dir,
  format: 'es',
  sourcemap: false,
  entryFileNames: `${name}.js`,
  chunkFileNames: `${name}-[name].js`,
  banner: (chunk) => (chunk.isEntry ? banner : '')
})

export const onwarn = (warning, warn) => {
  // @actions/* ship `this` at module scope in TypeScript-emitted helpers.
  if (warning.code === 'THIS_IS_UNDEFINED') return
  if (warning.code === 'CIRCULAR_DEPENDENCY') return
  warn(warning)
}

export default [
  {
    input: 'src/index.ts',
    output: bundleOutput('dist', 'index'),
    plugins: bundlePlugins(),
    onwarn
  },
  {
    input: 'src/cli.ts',
    output: bundleOutput('dist', 'cli', '#!/usr/bin/env node'),
    plugins: bundlePlugins(),
    onwarn
  }
]
