/**
 * Generated JSON for the differential tests of the byte scanner: objects
 * with keys and values of every kind (valid unless corrupted), the ways to
 * break them, and plan buffers with hostile bytes around the data.
 */
import { mulberry32 } from '../../scripts/make-big-plan.js'
import { kernelCopy } from './plan-buffers.js'

/** Bytes that would change a walk if the kernel read them: around the data, never inside it. */
export const HOSTILE = Buffer.from('"\\[{]}"\\\\"[[:,')

/** `doc` in a buffer of planBuffer's, `pad` hostile bytes before it and `tail` after, as a view of its own. */
export function wasmView(doc: Uint8Array, pad: number, tail: number): Buffer {
  return kernelCopy(doc, pad, tail, HOSTILE).subarray(pad, pad + doc.length)
}

/** Keys of every kind: short, the lengths around the kernel table's blocks, escaped, not ASCII. */
export const KEYS = [
  '',
  'a',
  'id',
  'address',
  'change',
  'after_sensitive',
  'k'.repeat(15),
  'k'.repeat(16),
  'k'.repeat(17),
  'l'.repeat(32),
  'l'.repeat(33),
  'm'.repeat(47),
  'm'.repeat(48),
  'm'.repeat(49),
  'n'.repeat(70),
  // Alike in their first 16 or 32 bytes and their length.
  `${'p'.repeat(20)}a`,
  `${'p'.repeat(20)}b`,
  `${'r'.repeat(40)}a`,
  `${'r'.repeat(40)}b`,
  'clé',
  '日本語のキー',
  'x\\"y',
  '\\\\',
  'tab\\tkey',
  '\\u0041\\u00e9',
  'q'.repeat(15) + '\\n',
  'brace{[',
  '}]'
]

/** A generator of objects, valid unless corrupted afterwards. */
export function documents(seed: number) {
  const random = mulberry32(seed)
  const int = (n: number): number => Math.floor(random() * n)
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T
  const space = (): string =>
    random() < 0.7
      ? ''
      : pick([' ', '\n  ', '\t', '\r\n', ' '.repeat(20 + int(80))])
  const key = (): string =>
    random() < 0.8 ? pick(KEYS) : `k${int(3000)}${'_'.repeat(int(40))}`
  const stringOf = (): string =>
    `"${pick([
      '',
      'abc',
      'a \\"quoted\\" one',
      '\\\\',
      '\\\\\\"',
      '[{]}',
      'x'.repeat(15),
      'y'.repeat(16),
      'z'.repeat(17 + int(120)),
      'ünïcødé',
      '\\u005b\\"',
      'arn:aws:iam::123456789012:role/' + 'r'.repeat(int(40))
    ])}${'\\\\'.repeat(int(3))}"`
  const value = (level: number): string => {
    const roll = random()
    if (level < 6 && roll < 0.2) return object(level + 1, 6)
    if (level < 6 && roll < 0.32) {
      const items = Array.from({ length: int(6) }, () => value(level + 1))
      return `[${space()}${items.join(`${space()},${space()}`)}${space()}]`
    }
    if (roll < 0.36) return pick(['{}', '[]', '{ }', '[\n]'])
    if (roll < 0.4)
      // Long enough to cross blocks and pass the kernel's budget.
      return `{"long":"${'w'.repeat(200 + int(400))}","n":[1,2,{"x":"}"}]}`
    return pick([
      stringOf(),
      stringOf(),
      '0',
      '12',
      '-0.5e3',
      '1E+2',
      'true',
      'false',
      'null'
    ])
  }
  const object = (level: number, most: number): string => {
    const entries = Array.from(
      { length: int(most + 1) },
      () => `"${key()}"${space()}:${space()}${value(level)}`
    )
    return `{${space()}${entries.join(`${space()},${space()}`)}${space()}}`
  }
  return { random, int, pick, object }
}

/** One corruption of a document: both walks must still agree. */
export function corrupt(text: string, int: (n: number) => number): string {
  const at = int(text.length + 1)
  const nth = (pattern: RegExp): number | undefined => {
    const found = [...text.matchAll(pattern)].map((m) => m.index)
    return found.length === 0 ? undefined : found[int(found.length)]
  }
  const cut = (i: number | undefined, insert: string, remove: number) =>
    i === undefined
      ? text.slice(0, at)
      : `${text.slice(0, i)}${insert}${text.slice(i + remove)}`
  switch (int(10)) {
    case 0:
      return text.slice(0, at)
    case 1:
      // A missing colon (or one inside a string: a harmless change).
      return cut(nth(/:/g), '', 1)
    case 2:
      return cut(nth(/,/g), '', 1)
    case 3:
      // A trailing comma.
      return cut(nth(/\}/g), ',', 0)
    case 4:
      // A value that starts with no value's character.
      return cut(nth(/:/g), `:${'x+.}'.charAt(int(4))}`, 1)
    case 5:
      // A backslash, maybe outside a string.
      return cut(at, '\\', 0)
    case 6:
      return cut(at, '[]{}"'.charAt(int(5)), 0)
    case 7:
      return cut(nth(/"/g), '', 1)
    case 8:
      // Two separators.
      return cut(nth(/[:,]/g), ',:'.charAt(int(2)), 0)
    default:
      return cut(nth(/[\]}]/g), ']}'.charAt(int(2)), 1)
  }
}
