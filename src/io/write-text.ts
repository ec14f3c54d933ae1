import { closeSync, openSync, writeSync } from 'node:fs'

/**
 * A report as text, or as a function that hands its text on in pieces
 * (the JSON report of a large review is never one string).
 */
export type ReportText = string | ((write: (piece: string) => void) => void)

/**
 * Characters encoded at a time, so that a report of hundreds of MB is never
 * copied whole; larger than the JSON report's pieces (about a million
 * characters), which pass through as they are.
 */
export const CHUNK_CHARS = 4 << 20

/**
 * Calls `each` with consecutive slices of `text` of at most CHUNK_CHARS
 * characters, never splitting a surrogate pair (each slice encodes alone).
 */
export function forEachChunk(
  text: string,
  each: (chunk: string) => void
): void {
  if (text.length <= CHUNK_CHARS) {
    each(text)
    return
  }
  let start = 0
  while (start < text.length) {
    let end = Math.min(text.length, start + CHUNK_CHARS)
    const last = text.charCodeAt(end - 1)
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--
    each(text.slice(start, end))
    start = end
  }
}

/** Calls `each` with the report's text in pieces of at most CHUNK_CHARS characters. */
export function eachPiece(
  report: ReportText,
  each: (piece: string) => void
): void {
  if (typeof report === 'string') forEachChunk(report, each)
  else report((piece) => forEachChunk(piece, each))
}

/** Writes all of the report to `fd` as UTF-8, a piece at a time (writeSync may write less than asked). */
export function writeReportSync(fd: number, report: ReportText): void {
  eachPiece(report, (piece) => {
    const buffer = Buffer.from(piece)
    let written = 0
    while (written < buffer.length)
      written += writeSync(fd, buffer, written, buffer.length - written)
  })
}

/**
 * Writes the report to the file at `path`, a piece at a time: `w` replaces
 * it, `wx` (with the mode to give it) creates it and fails if it exists.
 */
export function writeReportFile(
  path: string,
  report: ReportText,
  flag: 'w' | 'wx' = 'w',
  mode = 0o666
): void {
  const fd = openSync(path, flag, mode)
  try {
    writeReportSync(fd, report)
  } finally {
    closeSync(fd)
  }
}
