/**
 * The forms a secret takes when a configuration transforms it before it
 * reaches an unmarked attribute: `jsonencode` (container definitions, IAM
 * policies), `urlencode` (connection strings), `base64encode` (user data,
 * Kubernetes secrets). A redactor masks these as it masks the secret.
 */

/**
 * The common encodings of a secret that differ from it: JSON string escapes
 * in JavaScript style (`JSON.stringify`) and Go style (`jsonencode`, which
 * also escapes `<`, `>`, `&`, U+2028 and U+2029), each once and twice (a
 * JSON document inside a JSON string); percent encoding as
 * `encodeURIComponent` and as RFC 3986 / Go `url.QueryEscape` write it,
 * with upper- and lower-case hex and with `+` for spaces; standard and URL
 * base64 of its UTF-8 bytes, with and without padding.
 */
export function encodeSecret(secret: string): Set<string> {
  const out = new Set<string>()
  const js = jsonEscape(secret)
  const go = goJsonEscape(js)
  if (js !== secret) {
    out.add(js)
    out.add(jsonEscape(js))
  }
  if (go !== js) {
    out.add(go)
    out.add(jsonEscape(go))
    out.add(goJsonEscape(jsonEscape(js)))
  }
  for (const percent of percentEncodings(secret)) out.add(percent)
  const base64 = toBase64(utf8(secret))
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0
  const unpadded = base64.slice(0, base64.length - padding)
  out.add(base64)
  out.add(unpadded)
  if (URL_UNSAFE.test(base64)) {
    out.add(toBase64Url(base64))
    out.add(toBase64Url(unpadded))
  }
  out.delete(secret)
  return out
}

/**
 * The base64 characters that only the secret's bytes decide, for each of
 * the three offsets (mod 3) it can have inside a longer base64-encoded
 * text, in standard and URL alphabets. This is how secret scanners find a
 * token base64'd in the middle of a script.
 */
export function shiftedBase64(secret: string): string[] {
  const bytes = utf8(secret)
  const out: string[] = []
  for (let shift = 0; shift < 3; shift++) {
    const padded = new Uint8Array(shift + bytes.length)
    padded.set(bytes, shift)
    const encoded = toBase64(padded)
    // Character i holds bits [6i, 6i + 6); keep those inside the secret.
    const start = Math.ceil((8 * shift) / 6)
    const end = Math.floor((8 * (shift + bytes.length)) / 6)
    if (end <= start) continue
    const core = encoded.slice(start, end)
    out.push(core)
    const url = toBase64Url(core)
    if (url !== core) out.push(url)
  }
  return out
}

const ENCODER = new TextEncoder()

function utf8(text: string): Uint8Array {
  return ENCODER.encode(text)
}

function jsonEscape(text: string): string {
  return JSON.stringify(text).slice(1, -1)
}

const GO_ESCAPES: Readonly<Record<string, string>> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029'
}

const GO_ONLY = /[<>&\u2028\u2029]/
const GO_ONLY_ALL = /[<>&\u2028\u2029]/g

/**
 * Turns a JavaScript-escaped JSON string body into the Go one (Terraform's
 * `jsonencode`), which also escapes `<`, `>`, `&`, U+2028 and U+2029.
 */
function goJsonEscape(escaped: string): string {
  if (!GO_ONLY.test(escaped)) return escaped
  return escaped.replace(GO_ONLY_ALL, (c) => GO_ESCAPES[c] ?? c)
}

function percentEncodings(text: string): string[] {
  let component: string
  try {
    component = encodeURIComponent(text)
  } catch {
    // A lone surrogate has no UTF-8 form to encode.
    return []
  }
  // Most secrets are letters, digits and `-_.~`: nothing to encode.
  if (component === text && !SUB_DELIMS.test(text)) return []
  // RFC 3986 unreserved characters only, as Go's url.QueryEscape.
  const strict = component.replace(
    SUB_DELIMS_ALL,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
  )
  const out: string[] = []
  for (const upper of [component, strict]) {
    const lower = upper.replace(HEX_ALL, (hex) => hex.toLowerCase())
    for (const form of [upper, lower])
      out.push(form, form.replace(SPACE_ALL, '+'))
  }
  return out
}

const SUB_DELIMS = /[!'()*]/
const SUB_DELIMS_ALL = /[!'()*]/g
const HEX_ALL = /%[0-9A-F]{2}/g
const SPACE_ALL = /%20/g

const ALPHABET =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

function toBase64(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n =
      ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out +=
      (ALPHABET[n >>> 18] ?? '') +
      (ALPHABET[(n >>> 12) & 63] ?? '') +
      (ALPHABET[(n >>> 6) & 63] ?? '') +
      (ALPHABET[n & 63] ?? '')
  }
  const rest = bytes.length - i
  if (rest > 0) {
    const n =
      ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0)
    out +=
      (ALPHABET[n >>> 18] ?? '') +
      (ALPHABET[(n >>> 12) & 63] ?? '') +
      (rest === 2 ? (ALPHABET[(n >>> 6) & 63] ?? '') : '=') +
      '='
  }
  return out
}

const URL_UNSAFE = /[+/]/

function toBase64Url(base64: string): string {
  return base64.replace(/\+/g, '-').replace(/\//g, '_')
}
