import { gunzipSync, gzipSync } from 'node:zlib'
import { CHANGE_ACTIONS } from '../model.js'
import type { ChangeAction } from '../model.js'
import { computeDigest, DIGEST_LENGTH } from './digest.js'
import type { DigestItem, DigestScope, PathItem } from './digest.js'

/*
 * The review record: what one review showed, in a form that can be carried
 * (inside plangate's comment, inside the JSON report) and checked later.
 * It holds the scope and every reviewed item, and names its digest; whoever
 * reads it recomputes the digest from the scope and items, and trusts the
 * record only when that matches a digest from a trusted place (plangate's
 * own commit status). An edited record no longer matches: edits show.
 */

/** Version of the record's layout. */
export const RECORD_VERSION = 1

/** The most a decoded record may hold: bounds the work a hostile record can cause. */
export const MAX_RECORD_BYTES = 32 * 1024 * 1024
export const MAX_RECORD_ITEMS = 500_000

export interface ReviewRecord {
  readonly version: typeof RECORD_VERSION
  readonly scope: DigestScope
  /** `computeDigest(scope, items)`; '' when there is nothing to review. */
  readonly digest: string
  readonly items: readonly DigestItem[]
}

/** A record that cannot be read: its text is not what plangate writes. */
export class RecordError extends Error {
  override readonly name = 'RecordError'
}

/** The record of a review, with its digest. */
export function buildRecord(
  scope: DigestScope,
  items: readonly DigestItem[]
): ReviewRecord {
  return {
    version: RECORD_VERSION,
    scope,
    digest: items.length === 0 ? '' : computeDigest(scope, items),
    items
  }
}

/** Same repository, pull request, base and head (GitHub's case-insensitive parts compared so). */
export function sameScope(a: DigestScope, b: DigestScope): boolean {
  return (
    a.repository.toLowerCase() === b.repository.toLowerCase() &&
    a.pullNumber === b.pullNumber &&
    a.baseRef === b.baseRef &&
    a.headSha.toLowerCase() === b.headSha.toLowerCase()
  )
}

/** Whether the record's digest is what its scope and items give. */
export function recordIntact(record: ReviewRecord): boolean {
  const expected =
    record.items.length === 0 ? '' : computeDigest(record.scope, record.items)
  return expected === record.digest
}

/** The record as plain data (the JSON report's `review` carries this shape). */
export function recordData(record: ReviewRecord): object {
  return {
    version: record.version,
    scope: record.scope,
    digest: record.digest,
    items: record.items
  }
}

/** gzip, then base64: compact, and safe inside an HTML comment (no `-` or `>`). */
export function encodeRecord(record: ReviewRecord): string {
  return gzipSync(JSON.stringify(recordData(record)), { level: 9 }).toString(
    'base64'
  )
}

/** Reads an encoded record; throws `RecordError` for anything else. */
export function decodeRecord(text: string): ReviewRecord {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text))
    throw new RecordError('the record is not base64 text')
  let json: string
  try {
    json = gunzipSync(Buffer.from(text, 'base64'), {
      maxOutputLength: MAX_RECORD_BYTES
    }).toString('utf8')
  } catch (error) {
    throw new RecordError(
      `the record does not decompress (${error instanceof Error ? error.message : String(error)})`
    )
  }
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new RecordError('the record is not JSON')
  }
  return parseRecord(value, 'record')
}

/** Checks the shape of a record read from JSON (a report's `review`, a decoded record). */
export function parseRecord(value: unknown, where: string): ReviewRecord {
  const object = asObject(value, where)
  if (object.version !== RECORD_VERSION)
    throw new RecordError(
      `${where}.version: expected ${RECORD_VERSION}, found ${JSON.stringify(object.version) ?? 'nothing'}`
    )
  const scope = asObject(object.scope, `${where}.scope`)
  const digest = string(object.digest, `${where}.digest`)
  if (digest !== '' && !new RegExp(`^[0-9a-f]{${DIGEST_LENGTH}}$`).test(digest))
    throw new RecordError(
      `${where}.digest: expected ${DIGEST_LENGTH} lowercase hex digits, found ${JSON.stringify(digest)}`
    )
  if (!Array.isArray(object.items))
    throw new RecordError(`${where}.items: expected a list`)
  if (object.items.length > MAX_RECORD_ITEMS)
    throw new RecordError(`${where}.items: more than ${MAX_RECORD_ITEMS} items`)
  const pullNumber = scope.pullNumber
  if (typeof pullNumber !== 'number' || !Number.isSafeInteger(pullNumber))
    throw new RecordError(`${where}.scope.pullNumber: expected a number`)
  return {
    version: RECORD_VERSION,
    scope: {
      repository: string(scope.repository, `${where}.scope.repository`),
      pullNumber,
      baseRef: string(scope.baseRef, `${where}.scope.baseRef`),
      headSha: string(scope.headSha, `${where}.scope.headSha`)
    },
    digest,
    items: object.items.map((item: unknown, i: number) =>
      parseItem(item, `${where}.items[${i}]`)
    )
  }
}

const PATH_STATUSES = ['added', 'modified', 'deleted', 'renamed', 'unknown']

function parseItem(value: unknown, where: string): DigestItem {
  const item = asObject(value, where)
  if (item.kind === 'path') {
    const status = string(item.status, `${where}.status`)
    if (!PATH_STATUSES.includes(status))
      throw new RecordError(
        `${where}.status: expected one of ${PATH_STATUSES.join(', ')}, found ${JSON.stringify(status)}`
      )
    if (item.gated !== true)
      throw new RecordError(
        `${where}.gated: expected true (a protected path is always gated)`
      )
    return {
      kind: 'path',
      path: string(item.path, `${where}.path`),
      previousPath: string(item.previousPath, `${where}.previousPath`),
      status: status as PathItem['status'],
      sha: string(item.sha, `${where}.sha`),
      gated: true
    }
  }
  if (item.kind === 'action') {
    if (item.gated !== true)
      throw new RecordError(
        `${where}.gated: expected true (only gated Terraform actions are items)`
      )
    return {
      kind: 'action',
      source: string(item.source, `${where}.source`),
      address: string(item.address, `${where}.address`),
      trigger: string(item.trigger, `${where}.trigger`),
      triggeringResource: string(
        item.triggeringResource,
        `${where}.triggeringResource`
      ),
      gated: true
    }
  }
  if (item.kind !== 'change')
    throw new RecordError(
      `${where}.kind: expected "change", "path" or "action", found ${JSON.stringify(item.kind) ?? 'nothing'}`
    )
  const action = string(item.action, `${where}.action`)
  if (!(CHANGE_ACTIONS as readonly string[]).includes(action))
    throw new RecordError(
      `${where}.action: expected one of ${CHANGE_ACTIONS.join(', ')}, found ${JSON.stringify(action)}`
    )
  if (typeof item.gated !== 'boolean')
    throw new RecordError(`${where}.gated: expected true or false`)
  let files: string[] | undefined
  if (item.files !== undefined) {
    if (!Array.isArray(item.files))
      throw new RecordError(`${where}.files: expected a list`)
    files = item.files.map((file: unknown, i: number) =>
      string(file, `${where}.files[${i}]`)
    )
  }
  return {
    kind: 'change',
    source: string(item.source, `${where}.source`),
    stack: string(item.stack, `${where}.stack`),
    address: string(item.address, `${where}.address`),
    action: action as ChangeAction,
    type: string(item.type, `${where}.type`),
    reason: string(item.reason, `${where}.reason`),
    gated: item.gated,
    ...(files === undefined ? {} : { files })
  }
}

function asObject(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new RecordError(`${where}: expected an object`)
  return value as Record<string, unknown>
}

function string(value: unknown, where: string): string {
  if (typeof value !== 'string')
    throw new RecordError(
      `${where}: expected text, found ${value === undefined ? 'nothing' : typeof value}`
    )
  return value
}
