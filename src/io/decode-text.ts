import { isUtf8 } from 'node:buffer'
import { PlanParseError } from '../plan/index.js'

/**
 * How to write a plan as UTF-8 from Windows PowerShell, whose `>` writes
 * UTF-16: the one fix every encoding message gives.
 */
const UTF8_HINT =
  'write the plan as UTF-8: `terraform show -json PLANFILE | Out-File -Encoding utf8 plan.json` in PowerShell, or `iconv -t UTF-8` elsewhere'

/** Bytes that start a zip archive (a binary Terraform planfile). */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const

/**
 * Turns the bytes of a file plangate reads (plans, change sets, templates,
 * reports) into text: UTF-8 (with or without a byte-order mark), and
 * UTF-16LE/BE with a byte-order mark (what Windows PowerShell's `>` writes).
 * The one place where bytes become text: anything else that is not UTF-8
 * is refused with a message that names the encoding and the fix, never
 * decoded into replacement characters that would then parse as a plan.
 * Binary data (a zip planfile, NUL bytes) is passed on as Latin-1 text so
 * that the JSON reader can say what it is.
 */
export function decodePlanBytes(bytes: Uint8Array, source: string): string {
  const b0 = bytes[0]
  const b1 = bytes[1]
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3), source, 'UTF-8 with a byte-order mark')
  }
  if (
    (b0 === 0xff && b1 === 0xfe && bytes[2] === 0 && bytes[3] === 0) ||
    (b0 === 0 && b1 === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
  ) {
    throw new PlanParseError(
      source,
      'a plan in UTF-8 or UTF-16',
      'UTF-32 text (a UTF-32 byte-order mark)',
      UTF8_HINT
    )
  }
  if (b0 === 0xff && b1 === 0xfe) return decodeUtf16(bytes, source, 'le')
  if (b0 === 0xfe && b1 === 0xff) return decodeUtf16(bytes, source, 'be')
  return decodeUtf8(bytes, source, 'UTF-8')
}

function decodeUtf8(bytes: Uint8Array, source: string, what: string): string {
  // ASCII in UTF-16 is valid UTF-8 (every other byte NUL): look first.
  if (
    utf16Order(bytes) === undefined &&
    (isUtf8(bytes) || looksBinary(bytes))
  ) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString(
      isUtf8(bytes) ? 'utf8' : 'latin1'
    )
  }
  throw new PlanParseError(
    source,
    `a plan in ${what === 'UTF-8' ? 'UTF-8 (or UTF-16 with a byte-order mark)' : what}`,
    nonUtf8(bytes, what),
    UTF8_HINT
  )
}

/** A zip archive, or NUL bytes that are not the pattern of UTF-16 text. */
function looksBinary(bytes: Uint8Array): boolean {
  let start = 0
  while (start < bytes.length && isSpace(bytes[start])) start++
  if (ZIP_MAGIC.every((b, i) => bytes[start + i] === b)) return true
  return bytes.subarray(0, 4096).includes(0) && utf16Order(bytes) === undefined
}

function isSpace(b: number | undefined): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09
}

/**
 * `le` or `be` when the first bytes look like ASCII text in UTF-16 without
 * a byte-order mark (every other byte zero), else undefined.
 */
function utf16Order(bytes: Uint8Array): 'le' | 'be' | undefined {
  const n = Math.min(bytes.length, 512) & ~1
  if (n < 4) return undefined
  let evenZero = 0
  let oddZero = 0
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++
    if (bytes[i + 1] === 0) oddZero++
  }
  const pairs = n / 2
  if (oddZero === pairs && evenZero === 0) return 'le'
  if (evenZero === pairs && oddZero === 0) return 'be'
  return undefined
}

function nonUtf8(bytes: Uint8Array, what: string): string {
  const order = utf16Order(bytes)
  if (order !== undefined)
    return `UTF-16${order.toUpperCase()} text without a byte-order mark`
  const offset = firstInvalidUtf8(bytes)
  return `bytes that are not valid ${what} at byte ${offset} (a legacy encoding such as Windows-1252 or Latin-1?)`
}

/** Offset of the first byte that breaks UTF-8 (for the message only). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const b = bytes[i] ?? 0
    const length =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0
    if (length === 0 || !isUtf8(bytes.subarray(i, i + length))) return i
    i += length
  }
  return i
}

function decodeUtf16(
  bytes: Uint8Array,
  source: string,
  order: 'le' | 'be'
): string {
  const name = `UTF-16${order.toUpperCase()}`
  const body = bytes.subarray(2)
  if (body.length % 2 !== 0) {
    throw new PlanParseError(
      source,
      `a plan in ${name} (it starts with a ${name} byte-order mark)`,
      `an odd number of bytes (${bytes.length}): the file is cut in the middle of a character, or not ${name} at all`,
      UTF8_HINT
    )
  }
  const units = Buffer.from(body)
  if (order === 'be') units.swap16()
  try {
    return new TextDecoder('utf-16le', { fatal: true }).decode(units)
  } catch (error) {
    throw new PlanParseError(
      source,
      `a plan in ${name} (it starts with a ${name} byte-order mark)`,
      `text that is not valid ${name} (a broken surrogate pair)`,
      UTF8_HINT,
      { cause: error }
    )
  }
}
