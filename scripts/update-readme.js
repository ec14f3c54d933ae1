// Regenerates the Inputs and Outputs tables of README.md from action.yml,
// between the `<!-- api-start -->` and `<!-- api-end -->` lines, and nothing
// else. `--check` changes no file: it exits 1 when the README is out of date,
// so CI can catch an action.yml change that forgot the README.
//
//   node scripts/update-readme.js [--check] [--readme FILE] [--action FILE]
//
// Exit codes: 0 up to date (or updated), 1 out of date (--check),
// 2 broken input (missing or repeated markers, an action.yml without
// descriptions, an unknown option).
import { readFileSync, writeFileSync } from 'node:fs'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'

const START = '<!-- api-start -->'
const END = '<!-- api-end -->'
const NOTICE =
  '<!-- Generated from action.yml by `npm run docs`: edit action.yml, not these tables. -->'

/** An input error: printed as one line, exit code 2. */
class DocsError extends Error {}

/** Escapes text for a Markdown table cell; code spans keep `<` and `>`. */
function escapeCell(text) {
  // Split into code spans (odd indexes) and prose (even indexes): outside
  // code, `<base branch>` would be read as an HTML tag and vanish.
  return text
    .trim()
    .replace(/\r\n?/g, '\n')
    .split(/(`+[^`]*?`+)/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')
    )
    .join('')
    .replace(/\n{2,}/g, '<br><br>')
    .replace(/\n/g, ' ')
    .replace(/(?<!\\)\|/g, '\\|')
}

/** A value shown as inline code, whatever backticks it holds. */
function codeSpan(value) {
  if (value === '') return '(empty)'
  const fence = value.includes('`') ? '``' : '`'
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : ''
  return `${fence}${pad}${value}${pad}${fence}`.replace(/\|/g, '\\|')
}

/** Reads the inputs and outputs of action.yml, checking what the tables need. */
function readAction(path) {
  let doc
  try {
    doc = parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new DocsError(
      `${path}: cannot read action metadata: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const section = (name) => {
    const value = doc?.[name]
    if (value === undefined || value === null) return []
    if (typeof value !== 'object' || Array.isArray(value))
      throw new DocsError(
        `${path}: \`${name}\` must be a mapping, got ${Array.isArray(value) ? 'a list' : typeof value}`
      )
    return Object.entries(value).map(([key, spec]) => {
      if (
        typeof spec !== 'object' ||
        spec === null ||
        typeof spec.description !== 'string' ||
        spec.description.trim() === ''
      )
        throw new DocsError(`${path}: ${name}.${key} has no description`)
      return { name: key, ...spec }
    })
  }
  return { inputs: section('inputs'), outputs: section('outputs') }
}

function defaultCell(input) {
  if (input.default === undefined || input.default === null)
    return input.required === true ? '**required**' : ''
  return codeSpan(String(input.default))
}

/** The Markdown that belongs between the markers. */
function renderApi({ inputs, outputs }) {
  const lines = [NOTICE, '', '## Inputs', '']
  lines.push('| Input | Description | Default |', '|---|---|---|')
  for (const input of inputs)
    lines.push(
      `| \`${input.name}\` | ${escapeCell(input.description)} | ${defaultCell(input)} |`
    )
  lines.push('', '## Outputs', '')
  lines.push('| Output | Description |', '|---|---|')
  for (const output of outputs)
    lines.push(`| \`${output.name}\` | ${escapeCell(output.description)} |`)
  return lines.join('\n')
}

/** The README with its generated block replaced; throws when the markers are wrong. */
function replaceApi(readme, block, name) {
  const lines = readme.split('\n')
  const find = (marker) => {
    const at = lines.flatMap((line, i) => (line.trim() === marker ? [i] : []))
    if (at.length === 0)
      throw new DocsError(
        `${name}: no "${marker}" line; the Inputs/Outputs tables go between a "${START}" line and a "${END}" line`
      )
    if (at.length > 1)
      throw new DocsError(
        `${name}: "${marker}" appears on ${at.length} lines (${at.map((i) => i + 1).join(', ')}); keep exactly one`
      )
    return at[0]
  }
  const start = find(START)
  const end = find(END)
  if (end < start)
    throw new DocsError(
      `${name}: "${END}" (line ${end + 1}) comes before "${START}" (line ${start + 1})`
    )
  return [
    ...lines.slice(0, start + 1),
    '',
    block,
    '',
    ...lines.slice(end)
  ].join('\n')
}

function main() {
  const { values } = parseArgs({
    options: {
      check: { type: 'boolean', default: false },
      readme: {
        type: 'string',
        default: fileURLToPath(new URL('../README.md', import.meta.url))
      },
      action: {
        type: 'string',
        default: fileURLToPath(new URL('../action.yml', import.meta.url))
      }
    },
    strict: true,
    allowPositionals: false
  })
  const name = basename(values.readme)
  let current
  try {
    current = readFileSync(values.readme, 'utf8')
  } catch (error) {
    throw new DocsError(
      `${values.readme}: cannot read: ${error instanceof Error ? error.message : String(error)}`
    )
  }
  const next = replaceApi(current, renderApi(readAction(values.action)), name)
  if (next === current) {
    console.log(`${name} inputs/outputs are up to date`)
    return 0
  }
  if (values.check) {
    console.error(`${name} inputs/outputs are out of date; run npm run docs`)
    return 1
  }
  writeFileSync(values.readme, next)
  console.log(`${name}: inputs/outputs regenerated from action.yml`)
  return 0
}

try {
  process.exitCode = main()
} catch (error) {
  if (error instanceof DocsError) {
    console.error(`update-readme: ${error.message}`)
    process.exitCode = 2
  } else if (
    error instanceof TypeError &&
    /** @type {{code?: string}} */ (error).code?.startsWith('ERR_PARSE_ARGS')
  ) {
    console.error(`update-readme: ${error.message}`)
    console.error(
      'usage: node scripts/update-readme.js [--check] [--readme FILE] [--action FILE]'
    )
    process.exitCode = 2
  } else {
    throw error
  }
}
