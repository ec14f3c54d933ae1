import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { parseAst } from 'rollup/parseAst'
import { describe, expect, it } from 'vitest'
// @ts-expect-error rollup.config.js is plain JavaScript without types
import * as rollupConfig from '../../rollup.config.js'

const DIST = fileURLToPath(new URL('../../dist/', import.meta.url))

type RenderChunk = (
  this: { parse: typeof parseAst; error: (message: string) => never },
  code: string,
  chunk: { fileName: string }
) => { code: string } | null

const { asciiOutput, escapeNonAscii } = rollupConfig as {
  asciiOutput: () => { renderChunk: RenderChunk }
  escapeNonAscii: (code: string) => string
}

/** Runs the plugin's renderChunk as rollup does, with rollup's own parser. */
function render(code: string): string | null {
  const plugin = asciiOutput()
  const context = {
    parse: parseAst,
    error: (message: string): never => {
      throw new Error(message)
    }
  }
  return (
    plugin.renderChunk.call(context, code, { fileName: 'chunk.js' })?.code ??
    null
  )
}

describe('asciiOutput (rollup.config.js)', () => {
  it('escapes every character outside ASCII, astral ones as their surrogate pair', () => {
    expect(escapeNonAscii('a → b … 🤖')).toBe(
      'a \\u2192 b \\u2026 \\ud83e\\udd16'
    )
    expect(escapeNonAscii('plain')).toBe('plain')
  })

  it('leaves what the code means unchanged: strings, templates, regular expressions with and without u, identifiers', () => {
    const code = `
      const café = 'déjà → ✅'
      const line = \`\${café} ⛔ 🤖 ×\${1 + 1}\`
      const arrows = /[→⇒]+/.test('⇒→') && /🤖{2}/u.test('🤖🤖') && !/^.$/.test('🤖') && /^.$/u.test('🤖')
      const widths = ['–', '—', '＊'].map((s) => s.length)
      ;({ café, line, arrows, widths, length: line.length })
    `
    const escaped = render(code)
    expect(escaped).not.toBeNull()
    expect(escaped).toMatch(/^[\0-\x7f]*$/)
    expect(runInNewContext(escaped as string)).toEqual(runInNewContext(code))
    expect(runInNewContext(code)).toEqual({
      café: 'déjà → ✅',
      line: 'déjà → ✅ ⛔ 🤖 ×2',
      arrows: true,
      widths: [1, 1, 1],
      length: 16
    })
  })

  it('returns nothing to change for a chunk already in ASCII', () => {
    expect(render('const a = "plain"')).toBeNull()
  })

  it('fails the build for a tagged template holding such a character (its raw text would change)', () => {
    expect(() => render('const t = String.raw`→ ${1}`')).toThrow(
      /chunk\.js: a tagged template holds a character outside ASCII/
    )
    // An untagged template, and a tagged one in ASCII, are fine.
    expect(render('const t = `→`; const r = String.raw`->`')).toBe(
      'const t = `\\u2192`; const r = String.raw`->`'
    )
  })

  it('left no character outside ASCII in the committed bundles', () => {
    const files = readdirSync(DIST).filter((name) => name.endsWith('.js'))
    expect(files).toContain('cli.js')
    expect(files).toContain('index.js')
    for (const name of files) {
      const text = readFileSync(join(DIST, name), 'utf8')
      const at = text.search(/[^\0-\x7f]/)
      expect({ name, at }).toEqual({ name, at: -1 })
    }
  })
})
