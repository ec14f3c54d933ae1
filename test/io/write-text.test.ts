import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  CHUNK_CHARS,
  eachPiece,
  forEachChunk,
  writeReportFile
} from '../../src/io/index.js'

function chunks(text: string): string[] {
  const out: string[] = []
  forEachChunk(text, (chunk) => out.push(chunk))
  return out
}

describe('forEachChunk', () => {
  it('passes a text up to the chunk size through as it is', () => {
    const text = 'x'.repeat(CHUNK_CHARS)
    expect(chunks(text)).toEqual([text])
  })

  it('never splits a surrogate pair: every chunk encodes to UTF-8 and back unchanged', () => {
    // An emoji (two UTF-16 units) straddles the first boundary.
    const text = `${'a'.repeat(CHUNK_CHARS - 1)}\u{1F600}${'b'.repeat(10)}\u00e9`
    const out = chunks(text)
    expect(out).toHaveLength(2)
    expect(out[0]).toHaveLength(CHUNK_CHARS - 1)
    expect(out.join('')).toBe(text)
    for (const chunk of out)
      expect(Buffer.from(chunk).toString('utf8')).toBe(chunk)
    expect(
      Buffer.concat(out.map((c) => Buffer.from(c))).equals(Buffer.from(text))
    ).toBe(true)
  })

  it('cuts a long text into chunks of at most the chunk size', () => {
    const text = 'y'.repeat(CHUNK_CHARS * 2 + 5)
    expect(chunks(text).map((c) => c.length)).toEqual([
      CHUNK_CHARS,
      CHUNK_CHARS,
      5
    ])
  })
})

describe('eachPiece', () => {
  it('hands on a report written in pieces, each piece chunked', () => {
    const pieces: string[] = []
    eachPiece(
      (write) => {
        write('{"a":')
        write('z'.repeat(CHUNK_CHARS + 1))
        write('}\n')
      },
      (piece) => pieces.push(piece)
    )
    expect(pieces.map((p) => p.length)).toEqual([5, CHUNK_CHARS, 1, 2])
  })
})

describe('writeReportFile', () => {
  it('writes a report handed on in pieces as UTF-8; wx creates with a mode and never overwrites', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangate-write-'))
    try {
      const path = join(dir, 'report.json')
      writeFileSync(path, 'old, and longer than the report')
      writeReportFile(path, (write) => {
        write('{"a":')
        write('"\u00e9\u{1F600}"}\n')
      })
      expect(readFileSync(path, 'utf8')).toBe('{"a":"\u00e9\u{1F600}"}\n')
      const fresh = join(dir, 'fresh.txt')
      writeReportFile(fresh, 'text', 'wx', 0o640)
      expect(readFileSync(fresh, 'utf8')).toBe('text')
      expect(statSync(fresh).mode & 0o777).toBe(0o640 & ~process.umask())
      expect(() => writeReportFile(fresh, 'other', 'wx')).toThrow(/EEXIST/)
      expect(readFileSync(fresh, 'utf8')).toBe('text')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
