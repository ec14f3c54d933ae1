/**
 * The attribute diff as it was before its walk was tuned (every leaf visited
 * with its path built): the oracle that test/plan/attributes-differential
 * holds the tuned walk in src/plan/attributes.ts to. Not used by plangate.
 */
import type { AttributeChange, AttributeValue } from '../../src/model.js'
import {
  applyMask,
  deepEqual,
  joinPath,
  type ValueSide
} from '../../src/plan/attributes.js'
import type { Redactor } from '../../src/redact/index.js'

const ABSENT: AttributeValue = { kind: 'absent' }
const SENSITIVE: AttributeValue = { kind: 'sensitive' }
const UNKNOWN: AttributeValue = { kind: 'unknown' }

/**
 * Lists the changed leaves between two sides of a change, honouring the
 * sensitivity masks at every depth and masking unmarked copies of secrets.
 * `forcing` holds replace paths; a leaf at or under one is marked.
 */
export function referenceDiffAttributes(
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
          walk(
            `${path}[${i}]`,
            bl[i],
            i >= bl.length,
            maskAt(bMask, i),
            al[i],
            i >= al.length,
            maskAt(aMask, i),
            maskAt(aUnknown, i)
          )
        }
        return
      }
      const bRec = (bObj ?? {}) as Record<string, unknown>
      const aRec = (aObj ?? {}) as Record<string, unknown>
      for (const key of unionOfKeys(bRec, aRec, aUnknown)) {
        walk(
          joinPath(path, key),
          bRec[key],
          !Object.hasOwn(bRec, key),
          maskAt(bMask, key),
          aRec[key],
          !Object.hasOwn(aRec, key) && maskAt(aUnknown, key) !== true,
          maskAt(aMask, key),
          maskAt(aUnknown, key)
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
