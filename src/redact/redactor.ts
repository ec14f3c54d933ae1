import { encodeSecret, shiftedBase64 } from './encodings.js'

/** What a sensitive value is shown as, everywhere. */
export const SENSITIVE_TEXT = '(sensitive)'
/** What a value known only after apply is shown as. */
export const UNKNOWN_TEXT = '(known after apply)'

/**
 * Secrets shorter than this are masked only where a whole value equals them;
 * shorter ones would blank out common words inside unrelated strings.
 */
export const MIN_EMBEDDED_SECRET_LENGTH = 6

/**
 * Secrets at least this long are also masked where they sit at any byte
 * offset inside a longer base64 text. Each offset gives a different base64
 * core, and cores of short secrets are short enough to hit by chance.
 */
export const MIN_SHIFTED_BASE64_LENGTH = 8

/**
 * Masks every copy of a sensitive value. Tools leave unmarked copies of
 * sensitive values (terraform_data.output, the variables section), so
 * masks alone are not enough: any string equal to, or containing, a value
 * marked sensitive anywhere in any input plan is masked too, and so are
 * its common encodings (see `encodeSecret`).
 */
export interface Redactor {
  /** True when there is at least one secret to mask. */
  readonly active: boolean
  /** True when the string is, as a whole, a known secret. */
  isSecret(value: string): boolean
  /** Masks secrets inside a string (whole or embedded). */
  text(value: string): string
  /** Deep copy of a JSON value with every secret string (and key) masked. */
  value(value: unknown): unknown
}

/** Builds a redactor over all the secret strings collected from the inputs. */
export function createRedactor(secrets: Iterable<string>): Redactor {
  const whole = new Set<string>()
  const fragments = new Set<string>()
  for (const secret of secrets) {
    if (secret.length === 0) continue
    whole.add(secret)
    const embeddable = secret.length >= MIN_EMBEDDED_SECRET_LENGTH
    if (embeddable) fragments.add(secret)
    // Copies written by jsonencode, urlencode, base64encode and friends.
    for (const encoded of encodeSecret(secret)) {
      whole.add(encoded)
      if (embeddable && encoded.length >= MIN_EMBEDDED_SECRET_LENGTH)
        fragments.add(encoded)
    }
    if (secret.length >= MIN_SHIFTED_BASE64_LENGTH)
      for (const core of shiftedBase64(secret)) fragments.add(core)
    // A multi-line secret (a key, a certificate) can leak one line at a time
    // through a line-by-line diff of an unmarked copy.
    if (secret.includes('\n')) {
      for (const line of secret.split('\n')) {
        const trimmed = line.trim()
        if (trimmed.length >= MIN_EMBEDDED_SECRET_LENGTH) fragments.add(trimmed)
        if (trimmed.length > 0) whole.add(trimmed)
      }
    }
  }
  if (whole.size === 0) return NO_SECRETS
  const embedded = createFragmentScanner(fragments)
  const text = (value: string): string => {
    if (whole.has(value)) return SENSITIVE_TEXT
    return embedded(value)
  }
  const holdsSecret = (value: unknown): boolean => {
    if (typeof value === 'string') return text(value) !== value
    if (typeof value !== 'object' || value === null) return false
    if (Array.isArray(value)) return value.some(holdsSecret)
    for (const key in value) {
      if (text(key) !== key) return true
      if (holdsSecret((value as Record<string, unknown>)[key])) return true
    }
    return false
  }
  // Copies only what holds a secret; clean values are returned as they are.
  const deep = (value: unknown): unknown => {
    if (typeof value === 'string') return text(value)
    if (typeof value !== 'object' || value === null) return value
    if (!holdsSecret(value)) return value
    if (Array.isArray(value)) return value.map(deep)
    // Keys come from the input: `__proto__` must stay a key, not a prototype.
    const out = Object.create(null) as Record<string, unknown>
    for (const [key, item] of Object.entries(value)) out[text(key)] = deep(item)
    return out
  }
  return {
    active: true,
    isSecret: (value) => whole.has(value),
    text,
    value: deep
  }
}

const NO_SECRETS: Redactor = {
  active: false,
  isSecret: () => false,
  text: (value) => value,
  value: (value) => value
}

/**
 * The prefilter bitmap of fragment heads has about this many bits per
 * fragment (a window hits by chance about once in 64), within bounds: it
 * is read at every character scanned, so it should stay in the CPU cache
 * (a fixed 1 MiB bitmap made masking the main cost of normalising a plan
 * with a few hundred secrets).
 */
const HEAD_BITS_PER_FRAGMENT = 64
const MIN_HEAD_BITS = 1 << 12
const MAX_HEAD_BITS = 1 << 23
const K = MIN_EMBEDDED_SECRET_LENGTH
/** 31^(K-1), modulo 2^32, for the rolling hash. */
const HEAD_POW = Array.from({ length: K - 1 }).reduce<number>(
  (pow) => Math.imul(pow, 31),
  1
)

function headHash(value: string, start: number): number {
  let hash = 0
  for (let j = start; j < start + K; j++)
    hash = (Math.imul(hash, 31) + value.charCodeAt(j)) | 0
  return hash
}

/**
 * Replaces every embedded fragment (leftmost, longest first) in linear time.
 * A rolling hash of each K-character window is checked against the hashes
 * of the fragments' first K characters: a string that holds a fragment
 * holds its head, so nothing is missed, and the few windows that hit are
 * confirmed with startsWith. One big alternation regex instead slows to a
 * crawl past about a thousand secrets.
 */
function createFragmentScanner(
  fragments: ReadonlySet<string>
): (value: string) => string {
  if (fragments.size === 0) return (value) => value
  let headBits = MIN_HEAD_BITS
  while (
    headBits < MAX_HEAD_BITS &&
    headBits < fragments.size * HEAD_BITS_PER_FRAGMENT
  )
    headBits *= 2
  const headMask = headBits - 1
  const bitmap = new Uint32Array(headBits >>> 5)
  const byHead = new Map<number, string[]>()
  for (const fragment of [...fragments].sort((a, b) => b.length - a.length)) {
    const hash = headHash(fragment, 0)
    const bit = hash & headMask
    bitmap[bit >>> 5] = (bitmap[bit >>> 5] ?? 0) | (1 << (bit & 31))
    const list = byHead.get(hash)
    if (list === undefined) byHead.set(hash, [fragment])
    else list.push(fragment)
  }
  return (value) => {
    if (value.length < K) return value
    let parts: string[] | undefined
    let copied = 0
    let hash = headHash(value, 0)
    for (let end = K; ; end++) {
      const bit = hash & headMask
      const start = end - K
      if (
        start >= copied &&
        ((bitmap[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0
      ) {
        for (const fragment of byHead.get(hash) ?? []) {
          if (!value.startsWith(fragment, start)) continue
          parts ??= []
          parts.push(value.slice(copied, start), SENSITIVE_TEXT)
          copied = start + fragment.length
          break
        }
      }
      if (end >= value.length) break
      hash =
        (Math.imul(hash - Math.imul(value.charCodeAt(start), HEAD_POW), 31) +
          value.charCodeAt(end)) |
        0
    }
    if (parts === undefined) return value
    parts.push(value.slice(copied))
    return parts.join('')
  }
}

/**
 * Adds every scalar leaf of `value` (strings, and numbers as text) to `into`.
 * Booleans and null are not secrets anyone could recognise.
 */
export function collectLeafStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    if (value.length > 0) into.add(value)
    return
  }
  if (typeof value === 'number') {
    into.add(String(value))
    return
  }
  if (typeof value !== 'object' || value === null) return
  if (Array.isArray(value)) {
    for (const item of value) collectLeafStrings(item, into)
    return
  }
  for (const item of Object.values(value)) collectLeafStrings(item, into)
}

/**
 * Collects the leaves of `value` that `mask` marks sensitive. Masks mirror
 * the value's shape: `true` marks a whole subtree, objects and arrays of
 * masks go deeper.
 */
export function collectMaskedStrings(
  value: unknown,
  mask: unknown,
  into: Set<string>
): void {
  if (mask === true) {
    collectLeafStrings(value, into)
    return
  }
  // Hot path: one call per resource side of every plan; avoid allocations.
  if (typeof mask !== 'object' || mask === null) return
  if (typeof value !== 'object' || value === null) return
  if (Array.isArray(mask)) {
    if (!Array.isArray(value)) return
    for (let i = 0; i < mask.length; i++) {
      const sub: unknown = mask[i]
      if (sub !== false) collectMaskedStrings(value[i], sub, into)
    }
    return
  }
  const masks = mask as Record<string, unknown>
  const record = value as Record<string, unknown>
  for (const key in masks) {
    const sub = masks[key]
    if (sub === true || (typeof sub === 'object' && sub !== null))
      collectMaskedStrings(record[key], sub, into)
  }
}
