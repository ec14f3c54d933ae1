import { writeSync } from 'node:fs'

/** Writes all of `text` to `fd` as UTF-8 (writeSync may write less than asked). */
export function writeTextSync(fd: number, text: string): void {
  const buffer = Buffer.from(text)
  let written = 0
  while (written < buffer.length)
    written += writeSync(fd, buffer, written, buffer.length - written)
}
