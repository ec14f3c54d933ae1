import type { AttributeChange, AttributeValue } from '../model.js'
import { SENSITIVE_TEXT } from '../redact/index.js'
import type { Redactor } from '../redact/index.js'
import { rememberPerText } from '../memo.js'

/** One side of a change as a tool reports it: the value, its sensitivity mask and (after only) its unknown mask. */
export interface ValueSide {
  readonly value: unknown
  /** `false` / absent: nothing sensitive; `true`: all of it; object/array: per key. */
  readonly sensitive: unknown
  /** Only for the after side: `true` where the value is known only after apply. */
  readonly unknown?: unknown
  /** The side does not exist at all (create: no before; delete: no after). */
  readonly absent: boolean
}

const ABSENT: AttributeValue = { kind: 'absent' }
const SENSITIVE: AttributeValue = { kind: 'sensitive' }
const UNKNOWN: AttributeValue = { kind: 'unknown' }

/**
 * Lists the changed leaves between two sides of a change, honouring the
 * sensitivity masks at every depth and masking unmarked copies of secrets.
 * `forcing` holds replace paths; a leaf at or under one is marked.
 */
export function diffAttributes(
  before: ValueSide,
  after: ValueSide,
  redactor: Redactor,
  forcing: readonly string[] = [],
  rootPath = ''
): AttributeChange[] {
  const out: AttributeChange[] = []
  const emit = (path: string, b: AttributeValue, a: AttributeValue): void => {
    out.push({
      path: redactor.active ? redactor.text(path) : path,
      before: b,
      after: a,
      forcesReplacement: forcing.some(
        (p) =>
          path === p || path.startsWith(p + '.') || path.startsWith(p + '[')
      )
    })
  }
  const side = (value: unknown, mask: unknown): AttributeValue => {
    if (mask === true) return SENSITIVE
    if (typeof value === 'string') {
      if (redactor.isSecret(value)) return SENSITIVE
      return {
        kind: 'value',
        value: redactor.active ? redactor.text(value) : value
      }
    }
    if (typeof value === 'number') {
      return redactor.isSecret(String(value))
        ? SENSITIVE
        : { kind: 'value', value }
    }
    if (typeof value === 'object' && value !== null) {
      const masked = applyMask(value, mask)
      return {
        kind: 'value',
        value: redactor.active ? redactor.value(masked) : masked
      }
    }
    return { kind: 'value', value }
  }

  const walk = (
    path: string,
    b: unknown,
    bAbsent: boolean,
    bMask: unknown,
    a: unknown,
    aAbsent: boolean,
    aMask: unknown,
    aUnknown: unknown
  ): void => {
    const bSensitive = !bAbsent && bMask === true
    const aSensitive = !aAbsent && aMask === true
    const aIsUnknown = aUnknown === true
    if (aIsUnknown) {
      if (bAbsent && !aAbsent) {
        emit(path, ABSENT, UNKNOWN)
      } else {
        emit(path, bAbsent ? ABSENT : side(b, bMask), UNKNOWN)
      }
      return
    }
    if (bSensitive || aSensitive) {
      if (bSensitive === aSensitive && bAbsent === aAbsent && deepEqual(b, a))
        return
      emit(
        path,
        bAbsent ? ABSENT : side(b, bMask),
        aAbsent ? ABSENT : side(a, aMask)
      )
      return
    }
    // Treat null like absence on a side that is absent in the other's terms:
    // Terraform lists unset optional attributes as null.
    const bNull = bAbsent || b === null || b === undefined
    const aNull = aAbsent || a === null || a === undefined
    if (bNull && aNull) return
    const bContainer = !bNull && typeof b === 'object'
    const aContainer = !aNull && typeof a === 'object'
    if (
      (bContainer || bNull) &&
      (aContainer || aNull) &&
      (bContainer || aContainer) &&
      (bNull || aNull || Array.isArray(b) === Array.isArray(a))
    ) {
      const isList = Array.isArray(bContainer ? b : a)
      const bObj = (bContainer ? b : undefined) as
        Record<string, unknown> | unknown[] | undefined
      const aObj = (aContainer ? a : undefined) as
        Record<string, unknown> | unknown[] | undefined
      const empty =
        (bObj === undefined || sizeOf(bObj) === 0) &&
        (aObj === undefined || sizeOf(aObj) === 0)
      if (empty) {
        // An empty collection appearing or disappearing is still a change.
        if (bNull !== aNull)
          emit(
            path,
            bNull ? (bAbsent ? ABSENT : side(null, undefined)) : side(b, bMask),
            aNull ? (aAbsent ? ABSENT : side(null, undefined)) : side(a, aMask)
          )
        return
      }
      if (isList) {
        const bl = (bObj ?? []) as unknown[]
        const al = (aObj ?? []) as unknown[]
        const n = Math.max(bl.length, al.length)
        for (let i = 0; i < n; i++) {
          const bItem = bl[i]
          const aItem = al[i]
          const bItemMask = maskAt(bMask, i)
          const aItemMask = maskAt(aMask, i)
          const aItemUnknown = maskAt(aUnknown, i)
          if (unchangedLeaf(bItem, aItem, bItemMask, aItemMask, aItemUnknown))
            continue
          walk(
            `${path}[${i}]`,
            bItem,
            i >= bl.length,
            bItemMask,
            aItem,
            i >= al.length,
            aItemMask,
            aItemUnknown
          )
        }
        return
      }
      const bRec = (bObj ?? {}) as Record<string, unknown>
      const aRec = (aObj ?? {}) as Record<string, unknown>
      for (const key of unionOfKeys(bRec, aRec, aUnknown)) {
        const bItem = bRec[key]
        const aItem = aRec[key]
        const bItemMask = maskAt(bMask, key)
        const aItemMask = maskAt(aMask, key)
        const aItemUnknown = maskAt(aUnknown, key)
        if (unchangedLeaf(bItem, aItem, bItemMask, aItemMask, aItemUnknown))
          continue
        walk(
          joinPath(path, key),
          bItem,
          !Object.hasOwn(bRec, key),
          bItemMask,
          aItem,
          !Object.hasOwn(aRec, key) && aItemUnknown !== true,
          aItemMask,
          aItemUnknown
        )
      }
      return
    }
    if (!bNull && !aNull && deepEqual(b, a)) return
    emit(
      path,
      bAbsent ? ABSENT : side(b ?? null, bMask),
      aAbsent ? ABSENT : side(a ?? null, aMask)
    )
  }

  walk(
    rootPath,
    before.value,
    before.absent,
    before.sensitive,
    after.value,
    after.absent,
    after.sensitive,
    after.unknown
  )
  return out
}

/**
 * True for a pair the walk would pass over without a word: the same scalar
 * (or nothing) on both sides, equally sensitive, known after apply. Checked
 * before a child's path is built: most leaves of an update are unchanged,
 * and their paths were most of the walk's garbage.
 */
function unchangedLeaf(
  before: unknown,
  after: unknown,
  beforeMask: unknown,
  afterMask: unknown,
  afterUnknown: unknown
): boolean {
  return (
    before === after &&
    (before === null || typeof before !== 'object') &&
    afterUnknown !== true &&
    (beforeMask === true) === (afterMask === true)
  )
}

/** Replaces the parts of a value that a sensitivity mask marks. */
export function applyMask(value: unknown, mask: unknown): unknown {
  if (mask === true) return SENSITIVE_TEXT
  if (!marksAnything(mask)) return value
  if (typeof value !== 'object' || value === null) return value
  if (Array.isArray(value))
    return value.map((item, i) => applyMask(item, maskAt(mask, i)))
  // Keys come from the input: `__proto__` must stay a key, not a prototype.
  const out = Object.create(null) as Record<string, unknown>
  for (const [key, item] of Object.entries(value))
    out[key] = applyMask(item, maskAt(mask, key))
  return out
}

/**
 * Sorted union of the keys of both sides (and of the unknown mask). Hot:
 * the common case, two objects with the same sorted keys, allocates once.
 */
function unionOfKeys(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  unknown: unknown
): string[] {
  const bKeys = Object.keys(before)
  const aKeys = Object.keys(after)
  const extra =
    typeof unknown === 'object' && unknown !== null && !Array.isArray(unknown)
      ? Object.keys(unknown)
      : []
  if (
    isSorted(bKeys) &&
    sameKeys(bKeys, aKeys) &&
    extra.every((k) => Object.hasOwn(before, k))
  )
    return bKeys
  return [...new Set([...bKeys, ...aKeys, ...extra])].sort()
}

function isSorted(keys: readonly string[]): boolean {
  for (let i = 1; i < keys.length; i++)
    if ((keys[i - 1] as string) >= (keys[i] as string)) return false
  return true
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** True when a sensitivity mask marks at least one part of a value. */
function marksAnything(mask: unknown): boolean {
  if (mask === true) return true
  if (typeof mask !== 'object' || mask === null) return false
  for (const key in mask)
    if (marksAnything((mask as Record<string, unknown>)[key])) return true
  return false
}

function sizeOf(value: Record<string, unknown> | unknown[]): number {
  return Array.isArray(value) ? value.length : Object.keys(value).length
}

function maskAt(mask: unknown, key: string | number): unknown {
  if (mask === true) return true
  if (typeof mask !== 'object' || mask === null) return undefined
  const sub = (mask as Record<string | number, unknown>)[key]
  // Own keys only: a map key `constructor` must not find Object's.
  return sub === undefined || Object.hasOwn(mask, key) ? sub : undefined
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/
/** Keys repeat across thousands of resources: remember how each is written. */
const keyStep = rememberPerText(
  (key) => (IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`),
  10_000
)

/** Appends a key to a Terraform-style path: `a.b`, `tags["Name"]`. */
export function joinPath(path: string, key: string): string {
  const step = keyStep(key)
  if (path === '') return step.startsWith('.') ? step.slice(1) : step
  return path + step
}

/** Renders a Terraform path step list (`["tags","Name"]`, `["list",0]`). */
export function formatPath(steps: readonly unknown[]): string {
  let path = ''
  for (const step of steps) {
    if (typeof step === 'number') path += `[${step}]`
    else path = joinPath(path, String(step))
  }
  return path
}

/** Structural equality of two JSON values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null
  )
    return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false
    return true
  }
  if (Array.isArray(b)) return false
  const ak = Object.keys(a)
  const bRec = b as Record<string, unknown>
  if (ak.length !== Object.keys(bRec).length) return false
  const aRec = a as Record<string, unknown>
  for (const key of ak) {
    if (!Object.hasOwn(bRec, key) || !deepEqual(aRec[key], bRec[key]))
      return false
  }
  return true
}
