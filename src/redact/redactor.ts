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
 * Masks every copy of a sensitive value. Tools leave unmarked copies of
 * sensitive values (terraform_data.output, the variables section), so
 * masks alone are not enough: any string equal to, or containing, a value
 * marked sensitive anywhere in any input plan is masked too.
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
    if (secret.length >= MIN_EMBEDDED_SECRET_LENGTH) fragments.add(secret)
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
  const pattern =
    fragments.size === 0
      ? undefined
      : new RegExp(
          [...fragments]
            .sort((a, b) => b.length - a.length)
            .map(escapeRegExp)
            .join('|'),
          'g'
        )
  const text = (value: string): string => {
    if (whole.has(value)) return SENSITIVE_TEXT
    if (pattern === undefined) return value
    pattern.lastIndex = 0
    return pattern.test(value) ? value.replace(pattern, SENSITIVE_TEXT) : value
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
    const out: Record<string, unknown> = {}
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

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
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
