/**
 * The hidden first line of plangate's pull request comment. It lets a run
 * find its own comment among all of a pull request's comments (together with
 * the author check: anyone can paste the marker) and shows, for people and
 * tools, which digest and head the comment describes. It is display data:
 * nothing read from it is trusted as state.
 */

/** Version of the marker's layout. */
export const MARKER_SCHEMA = 1

const PREFIX = `<!-- plangate:v${MARKER_SCHEMA} `
const SUFFIX = ' -->'

/** What the marker records. */
export interface CommentMarker {
  /** Status context the comment belongs to (one comment per context). */
  readonly context: string
  readonly head: string
  /** Digest of the gated changes; empty when nothing is gated. */
  readonly digest: string
}

/** The marker line for a comment body. */
export function encodeMarker(marker: CommentMarker): string {
  const json = JSON.stringify({
    schema: MARKER_SCHEMA,
    context: marker.context,
    head: marker.head,
    digest: marker.digest
  })
  // `--` cannot occur in JSON of these fields' values unless a context holds it; escape `>` too.
  return `${PREFIX}${json.replaceAll('--', '-\\u002d').replaceAll('>', '\\u003e')}${SUFFIX}`
}

/**
 * Reads the marker from a comment body's first line; undefined when the body
 * is not a plangate comment of this schema (a marker elsewhere in the body,
 * a quoted one, or a malformed one does not count).
 */
export function parseMarker(body: string): CommentMarker | undefined {
  const end = body.indexOf('\n')
  const first = (end === -1 ? body : body.slice(0, end)).replace(/\r$/, '')
  if (!first.startsWith(PREFIX) || !first.endsWith(SUFFIX)) return undefined
  let value: unknown
  try {
    value = JSON.parse(first.slice(PREFIX.length, -SUFFIX.length))
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const record = value as Record<string, unknown>
  const { schema, context, head, digest } = record
  if (
    schema !== MARKER_SCHEMA ||
    typeof context !== 'string' ||
    typeof head !== 'string' ||
    typeof digest !== 'string'
  )
    return undefined
  return { context, head, digest }
}
