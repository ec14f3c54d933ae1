/** Small guards for reading untyped JSON without casts. */

export type JsonRecord = Readonly<Record<string, unknown>>

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/**
 * The record's own property: a key like `constructor` or `__proto__` from
 * the input must not find what every object inherits.
 */
export function ownAt(record: JsonRecord, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

// No inherited property is a string or an array: stringAt and arrayAt need
// no own-property check; recordAt does (`__proto__` finds Object.prototype).
export function stringAt(record: JsonRecord, key: string): string | undefined {
  const value = record[key]
  return typeof value === 'string' ? value : undefined
}

export function recordAt(
  record: JsonRecord,
  key: string
): JsonRecord | undefined {
  const value = ownAt(record, key)
  return isRecord(value) ? value : undefined
}

export function arrayAt(
  record: JsonRecord,
  key: string
): readonly unknown[] | undefined {
  const value = record[key]
  return Array.isArray(value) ? value : undefined
}

const SAFE_KEY = /^[A-Za-z0-9_.$:-]{1,40}$/

/**
 * Describes a JSON value for an error message without quoting anything that
 * could be a secret: only the kind, and top-level keys that look like names.
 */
export function describeJson(value: unknown): string {
  if (Array.isArray(value)) return `a JSON array of ${value.length} items`
  if (value === null) return 'JSON null'
  if (!isRecord(value)) return `a JSON ${typeof value}`
  const keys = Object.keys(value)
  if (keys.length === 0) return 'an empty JSON object'
  const shown = keys.filter((key) => SAFE_KEY.test(key)).slice(0, 6)
  const more = keys.length - shown.length
  return `a JSON object with keys ${shown.map((k) => `"${k}"`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`
}

/** Describes a scalar that came from the plan's structure (not its values). */
export function describeScalar(value: unknown): string {
  if (typeof value === 'string')
    return SAFE_KEY.test(value) ? `"${value}"` : 'a string'
  if (Array.isArray(value)) return 'an array'
  if (value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean')
    return `${typeof value} ${String(value)}`
  return typeof value === 'object' ? 'an object' : typeof value
}
