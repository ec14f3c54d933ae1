/**
 * Interim review record for code owners, until the lead's review record
 * (`src/gate/record.ts`) lands: the reviewed items (with their declaring
 * `files`) embedded in plangate's own comment as a hidden block, and read
 * back by approval runs only when `computeDigest(scope, items)` equals the
 * digest of plangate's own status. Anyone with write access can edit the
 * comment, but not without changing the digest, which the status holds.
 */
import { computeDigest } from '../gate/index.js'
import type { DigestItem, DigestScope, OwnedItem } from '../gate/index.js'
import { CHANGE_ACTIONS } from '../model.js'
import type { ChangeAction } from '../model.js'

const START = '<!-- plangate:review-items '
const END = ' -->'
/** A record larger than this is left out: approval runs then fail closed. */
export const MAX_RECORD_CHARS = 24_000

const ACTIONS: ReadonlySet<string> = new Set(CHANGE_ACTIONS)

/** The hidden block for a comment, or '' when it would be too large. */
export function recordBlock(items: readonly DigestItem[]): string {
  const json = JSON.stringify(items)
  const block = `${START}${Buffer.from(json, 'utf8').toString('base64')}${END}`
  return block.length > MAX_RECORD_CHARS ? '' : `\n${block}\n`
}

/**
 * The gated items (address and `files`) from plangate's comment, verified
 * against the status's digest; a string saying why not otherwise.
 */
export function gatedFilesFromComment(
  body: string | undefined,
  scope: DigestScope,
  digest: string
): OwnedItem[] | string {
  if (body === undefined) return "plangate's comment not found"
  const at = body.lastIndexOf(START)
  if (at === -1) return "plangate's comment holds no review record"
  const end = body.indexOf(END, at + START.length)
  if (end === -1) return 'the review record is cut'
  let parsed: unknown
  try {
    parsed = JSON.parse(
      Buffer.from(body.slice(at + START.length, end), 'base64').toString('utf8')
    )
  } catch {
    return 'the review record does not parse'
  }
  if (!Array.isArray(parsed)) return 'the review record is not a list'
  const items: DigestItem[] = []
  for (const raw of parsed as unknown[]) {
    const item = asItem(raw)
    if (item === undefined) return 'the review record holds a malformed item'
    items.push(item)
  }
  if (computeDigest(scope, items) !== digest)
    return "the review record does not match the digest of plangate's status"
  return items
    .filter((item) => item.gated)
    .map((item) => ({ address: item.address, files: item.files ?? [] }))
}

function asItem(raw: unknown): DigestItem | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return undefined
  const r = raw as Record<string, unknown>
  const str = (key: string): string | undefined =>
    typeof r[key] === 'string' ? r[key] : undefined
  const kind = str('kind')
  const source = str('source')
  const stack = str('stack')
  const address = str('address')
  const action = str('action')
  const type = str('type')
  const reason = str('reason')
  if (
    kind !== 'change' ||
    source === undefined ||
    stack === undefined ||
    address === undefined ||
    action === undefined ||
    !ACTIONS.has(action) ||
    type === undefined ||
    reason === undefined ||
    typeof r['gated'] !== 'boolean'
  )
    return undefined
  const files = r['files']
  if (
    files !== undefined &&
    !(Array.isArray(files) && files.every((f) => typeof f === 'string'))
  )
    return undefined
  return {
    kind,
    source,
    stack,
    address,
    action: action as ChangeAction,
    type,
    reason,
    gated: r['gated'],
    ...(files === undefined ? {} : { files: files })
  }
}
