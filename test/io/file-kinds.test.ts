import { execFileSync } from 'node:child_process'
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readRegularFile } from '../../src/io/index.js'

const dir = mkdtempSync(join(tmpdir(), 'plangate-file-kinds-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** What readRegularFile gives for `path` when reading it whole. */
function whole(path: string): { text: string; size: number } | undefined {
  return readRegularFile(path, (fd, size) => ({
    text: readFileSync(fd, 'utf8'),
    size
  }))
}

describe('readRegularFile', () => {
  it('reads a regular file, and one behind a symbolic link, with its size', () => {
    const path = join(dir, 'main.tf')
    writeFileSync(path, 'resource "terraform_data" "a" {}\n')
    expect(whole(path)).toEqual({
      text: 'resource "terraform_data" "a" {}\n',
      size: 33
    })
    symlinkSync(path, join(dir, 'link.tf'))
    expect(whole(join(dir, 'link.tf'))?.size).toBe(33)
  })

  it('gives undefined for no file, a directory and a device, without calling read', () => {
    mkdirSync(join(dir, 'modules'))
    symlinkSync('/dev/zero', join(dir, 'zero.tf'))
    const paths = [
      join(dir, 'missing.tf'),
      join(dir, 'modules'),
      join(dir, 'zero.tf')
    ]
    for (const path of paths)
      expect(
        readRegularFile(path, () => {
          throw new Error(`read called for ${path}`)
        })
      ).toBeUndefined()
  })

  it('does not wait on a FIFO that has no writer', () => {
    const fifo = join(dir, 'fifo.tf')
    execFileSync('mkfifo', [fifo])
    const started = Date.now()
    expect(whole(fifo)).toBeUndefined()
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('gives undefined when read fails, and closes the file either way', () => {
    const path = join(dir, 'fails.tf')
    writeFileSync(path, 'x')
    let seen = -1
    expect(
      readRegularFile(path, (fd) => {
        seen = fd
        throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })
      })
    ).toBeUndefined()
    // A closed descriptor: reading it fails with EBADF.
    expect(() => readFileSync(seen)).toThrow(/EBADF/)
  })
})
