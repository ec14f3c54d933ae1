#!/usr/bin/env node
import { statSync, readFileSync, existsSync, readdirSync, lstatSync, realpathSync, fstatSync, openSync, constants, closeSync, writeFileSync, renameSync, rmSync, writeSync, readSync } from 'node:fs';
import { posix, join, resolve, relative, isAbsolute, basename, dirname, sep as sep$1 } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import require$$0 from 'process';
import require$$0$1 from 'buffer';
import { createHash } from 'node:crypto';
import { parseArgs } from 'node:util';

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
function encodeSecret(secret) {
    const out = new Set();
    const js = jsonEscape(secret);
    const go = goJsonEscape(js);
    if (js !== secret) {
        out.add(js);
        out.add(jsonEscape(js));
    }
    if (go !== js) {
        out.add(go);
        out.add(jsonEscape(go));
        out.add(goJsonEscape(jsonEscape(js)));
    }
    for (const percent of percentEncodings(secret))
        out.add(percent);
    const base64 = toBase64(utf8(secret));
    const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
    const unpadded = base64.slice(0, base64.length - padding);
    out.add(base64);
    out.add(unpadded);
    if (URL_UNSAFE.test(base64)) {
        out.add(toBase64Url(base64));
        out.add(toBase64Url(unpadded));
    }
    out.delete(secret);
    return out;
}
/**
 * The base64 characters that only the secret's bytes decide, for each of
 * the three offsets (mod 3) it can have inside a longer base64-encoded
 * text, in standard and URL alphabets. This is how secret scanners find a
 * token base64'd in the middle of a script.
 */
function shiftedBase64(secret) {
    const bytes = utf8(secret);
    const out = [];
    for (let shift = 0; shift < 3; shift++) {
        const padded = new Uint8Array(shift + bytes.length);
        padded.set(bytes, shift);
        const encoded = toBase64(padded);
        // Character i holds bits [6i, 6i + 6); keep those inside the secret.
        const start = Math.ceil((8 * shift) / 6);
        const end = Math.floor((8 * (shift + bytes.length)) / 6);
        if (end <= start)
            continue;
        const core = encoded.slice(start, end);
        out.push(core);
        const url = toBase64Url(core);
        if (url !== core)
            out.push(url);
    }
    return out;
}
const ENCODER = new TextEncoder();
function utf8(text) {
    return ENCODER.encode(text);
}
function jsonEscape(text) {
    return JSON.stringify(text).slice(1, -1);
}
const GO_ESCAPES = {
    '<': '\\u003c',
    '>': '\\u003e',
    '&': '\\u0026',
    '\u2028': '\\u2028',
    '\u2029': '\\u2029'
};
const GO_ONLY = /[<>&\u2028\u2029]/;
const GO_ONLY_ALL = /[<>&\u2028\u2029]/g;
/**
 * Turns a JavaScript-escaped JSON string body into the Go one (Terraform's
 * `jsonencode`), which also escapes `<`, `>`, `&`, U+2028 and U+2029.
 */
function goJsonEscape(escaped) {
    if (!GO_ONLY.test(escaped))
        return escaped;
    return escaped.replace(GO_ONLY_ALL, (c) => GO_ESCAPES[c] ?? c);
}
function percentEncodings(text) {
    let component;
    try {
        component = encodeURIComponent(text);
    }
    catch {
        // A lone surrogate has no UTF-8 form to encode.
        return [];
    }
    // Most secrets are letters, digits and `-_.~`: nothing to encode.
    if (component === text && !SUB_DELIMS.test(text))
        return [];
    // RFC 3986 unreserved characters only, as Go's url.QueryEscape.
    const strict = component.replace(SUB_DELIMS_ALL, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const out = [];
    for (const upper of [component, strict]) {
        const lower = upper.replace(HEX_ALL, (hex) => hex.toLowerCase());
        for (const form of [upper, lower])
            out.push(form, form.replace(SPACE_ALL, '+'));
    }
    return out;
}
const SUB_DELIMS = /[!'()*]/;
const SUB_DELIMS_ALL = /[!'()*]/g;
const HEX_ALL = /%[0-9A-F]{2}/g;
const SPACE_ALL = /%20/g;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function toBase64(bytes) {
    let out = '';
    let i = 0;
    for (; i + 2 < bytes.length; i += 3) {
        const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
        out +=
            (ALPHABET[n >>> 18] ?? '') +
                (ALPHABET[(n >>> 12) & 63] ?? '') +
                (ALPHABET[(n >>> 6) & 63] ?? '') +
                (ALPHABET[n & 63] ?? '');
    }
    const rest = bytes.length - i;
    if (rest > 0) {
        const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
        out +=
            (ALPHABET[n >>> 18] ?? '') +
                (ALPHABET[(n >>> 12) & 63] ?? '') +
                (rest === 2 ? (ALPHABET[(n >>> 6) & 63] ?? '') : '=') +
                '=';
    }
    return out;
}
const URL_UNSAFE = /[+/]/;
function toBase64Url(base64) {
    return base64.replace(/\+/g, '-').replace(/\//g, '_');
}

/** What a sensitive value is shown as, everywhere. */
const SENSITIVE_TEXT = '(sensitive)';
/** What a value known only after apply is shown as. */
const UNKNOWN_TEXT = '(known after apply)';
/**
 * Secrets shorter than this are masked only where a whole value equals them;
 * shorter ones would blank out common words inside unrelated strings.
 */
const MIN_EMBEDDED_SECRET_LENGTH = 6;
/**
 * Secrets at least this long are also masked where they sit at any byte
 * offset inside a longer base64 text. Each offset gives a different base64
 * core, and cores of short secrets are short enough to hit by chance.
 */
const MIN_SHIFTED_BASE64_LENGTH = 8;
/** Builds a redactor over all the secret strings collected from the inputs. */
function createRedactor(secrets) {
    const whole = new Set();
    const fragments = new Set();
    for (const secret of secrets) {
        if (secret.length === 0)
            continue;
        whole.add(secret);
        const embeddable = secret.length >= MIN_EMBEDDED_SECRET_LENGTH;
        if (embeddable)
            fragments.add(secret);
        // Copies written by jsonencode, urlencode, base64encode and friends.
        for (const encoded of encodeSecret(secret)) {
            whole.add(encoded);
            if (embeddable && encoded.length >= MIN_EMBEDDED_SECRET_LENGTH)
                fragments.add(encoded);
        }
        if (secret.length >= MIN_SHIFTED_BASE64_LENGTH)
            for (const core of shiftedBase64(secret))
                fragments.add(core);
        // A multi-line secret (a key, a certificate) can leak one line at a time
        // through a line-by-line diff of an unmarked copy.
        if (secret.includes('\n')) {
            for (const line of secret.split('\n')) {
                const trimmed = line.trim();
                if (trimmed.length >= MIN_EMBEDDED_SECRET_LENGTH)
                    fragments.add(trimmed);
                if (trimmed.length > 0)
                    whole.add(trimmed);
            }
        }
    }
    if (whole.size === 0)
        return NO_SECRETS;
    const embedded = createFragmentScanner(fragments);
    const text = (value) => {
        if (whole.has(value))
            return SENSITIVE_TEXT;
        return embedded(value);
    };
    const holdsSecret = (value) => {
        if (typeof value === 'string')
            return text(value) !== value;
        if (typeof value !== 'object' || value === null)
            return false;
        if (Array.isArray(value))
            return value.some(holdsSecret);
        for (const key in value) {
            if (text(key) !== key)
                return true;
            if (holdsSecret(value[key]))
                return true;
        }
        return false;
    };
    // Copies only what holds a secret; clean values are returned as they are.
    const deep = (value) => {
        if (typeof value === 'string')
            return text(value);
        if (typeof value !== 'object' || value === null)
            return value;
        if (!holdsSecret(value))
            return value;
        if (Array.isArray(value))
            return value.map(deep);
        // Keys come from the input: `__proto__` must stay a key, not a prototype.
        const out = Object.create(null);
        for (const [key, item] of Object.entries(value))
            out[text(key)] = deep(item);
        return out;
    };
    return {
        active: true,
        isSecret: (value) => whole.has(value),
        text,
        value: deep
    };
}
const NO_SECRETS = {
    active: false,
    isSecret: () => false,
    text: (value) => value,
    value: (value) => value
};
/** Bits in the prefilter bitmap of fragment heads (1 MiB). */
const HEAD_BITS = 1 << 23;
const HEAD_MASK = HEAD_BITS - 1;
const K = MIN_EMBEDDED_SECRET_LENGTH;
/** 31^(K-1), modulo 2^32, for the rolling hash. */
const HEAD_POW = Array.from({ length: K - 1 }).reduce((pow) => Math.imul(pow, 31), 1);
function headHash(value, start) {
    let hash = 0;
    for (let j = start; j < start + K; j++)
        hash = (Math.imul(hash, 31) + value.charCodeAt(j)) | 0;
    return hash;
}
/**
 * Replaces every embedded fragment (leftmost, longest first) in linear time.
 * A rolling hash of each K-character window is checked against the hashes
 * of the fragments' first K characters: a string that holds a fragment
 * holds its head, so nothing is missed, and the few windows that hit are
 * confirmed with startsWith. One big alternation regex instead slows to a
 * crawl past about a thousand secrets.
 */
function createFragmentScanner(fragments) {
    if (fragments.size === 0)
        return (value) => value;
    const bitmap = new Uint32Array(HEAD_BITS >>> 5);
    const byHead = new Map();
    for (const fragment of [...fragments].sort((a, b) => b.length - a.length)) {
        const hash = headHash(fragment, 0);
        const bit = hash & HEAD_MASK;
        bitmap[bit >>> 5] = (bitmap[bit >>> 5] ?? 0) | (1 << (bit & 31));
        const list = byHead.get(hash);
        if (list === undefined)
            byHead.set(hash, [fragment]);
        else
            list.push(fragment);
    }
    return (value) => {
        if (value.length < K)
            return value;
        let parts;
        let copied = 0;
        let hash = headHash(value, 0);
        for (let end = K;; end++) {
            const bit = hash & HEAD_MASK;
            const start = end - K;
            if (start >= copied &&
                ((bitmap[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0) {
                for (const fragment of byHead.get(hash) ?? []) {
                    if (!value.startsWith(fragment, start))
                        continue;
                    parts ??= [];
                    parts.push(value.slice(copied, start), SENSITIVE_TEXT);
                    copied = start + fragment.length;
                    break;
                }
            }
            if (end >= value.length)
                break;
            hash =
                (Math.imul(hash - Math.imul(value.charCodeAt(start), HEAD_POW), 31) +
                    value.charCodeAt(end)) |
                    0;
        }
        if (parts === undefined)
            return value;
        parts.push(value.slice(copied));
        return parts.join('');
    };
}
/**
 * Adds every scalar leaf of `value` (strings, and numbers as text) to `into`.
 * Booleans and null are not secrets anyone could recognise.
 */
function collectLeafStrings(value, into) {
    if (typeof value === 'string') {
        if (value.length > 0)
            into.add(value);
        return;
    }
    if (typeof value === 'number') {
        into.add(String(value));
        return;
    }
    if (typeof value !== 'object' || value === null)
        return;
    if (Array.isArray(value)) {
        for (const item of value)
            collectLeafStrings(item, into);
        return;
    }
    for (const item of Object.values(value))
        collectLeafStrings(item, into);
}
/**
 * Collects the leaves of `value` that `mask` marks sensitive. Masks mirror
 * the value's shape: `true` marks a whole subtree, objects and arrays of
 * masks go deeper.
 */
function collectMaskedStrings(value, mask, into) {
    if (mask === true) {
        collectLeafStrings(value, into);
        return;
    }
    // Hot path: one call per resource side of every plan; avoid allocations.
    if (typeof mask !== 'object' || mask === null)
        return;
    if (typeof value !== 'object' || value === null)
        return;
    if (Array.isArray(mask)) {
        if (!Array.isArray(value))
            return;
        for (let i = 0; i < mask.length; i++) {
            const sub = mask[i];
            if (sub !== false)
                collectMaskedStrings(value[i], sub, into);
        }
        return;
    }
    const masks = mask;
    const record = value;
    for (const key in masks) {
        const sub = masks[key];
        if (sub === true || (typeof sub === 'object' && sub !== null))
            collectMaskedStrings(record[key], sub, into);
    }
}

const ABSENT$1 = { kind: 'absent' };
const SENSITIVE$1 = { kind: 'sensitive' };
const UNKNOWN = { kind: 'unknown' };
/**
 * Lists the changed leaves between two sides of a change, honouring the
 * sensitivity masks at every depth and masking unmarked copies of secrets.
 * `forcing` holds replace paths; a leaf at or under one is marked.
 */
function diffAttributes(before, after, redactor, forcing = [], rootPath = '') {
    const out = [];
    const emit = (path, b, a) => {
        out.push({
            path: redactor.active ? redactor.text(path) : path,
            before: b,
            after: a,
            forcesReplacement: forcing.some((p) => path === p || path.startsWith(p + '.') || path.startsWith(p + '['))
        });
    };
    const side = (value, mask) => {
        if (mask === true)
            return SENSITIVE$1;
        if (typeof value === 'string') {
            if (redactor.isSecret(value))
                return SENSITIVE$1;
            return {
                kind: 'value',
                value: redactor.active ? redactor.text(value) : value
            };
        }
        if (typeof value === 'number') {
            return redactor.isSecret(String(value))
                ? SENSITIVE$1
                : { kind: 'value', value };
        }
        if (typeof value === 'object' && value !== null) {
            const masked = applyMask(value, mask);
            return {
                kind: 'value',
                value: redactor.active ? redactor.value(masked) : masked
            };
        }
        return { kind: 'value', value };
    };
    const walk = (path, b, bAbsent, bMask, a, aAbsent, aMask, aUnknown) => {
        const bSensitive = !bAbsent && bMask === true;
        const aSensitive = !aAbsent && aMask === true;
        const aIsUnknown = aUnknown === true;
        if (aIsUnknown) {
            if (bAbsent && !aAbsent) {
                emit(path, ABSENT$1, UNKNOWN);
            }
            else {
                emit(path, bAbsent ? ABSENT$1 : side(b, bMask), UNKNOWN);
            }
            return;
        }
        if (bSensitive || aSensitive) {
            if (bSensitive === aSensitive && bAbsent === aAbsent && deepEqual(b, a))
                return;
            emit(path, bAbsent ? ABSENT$1 : side(b, bMask), aAbsent ? ABSENT$1 : side(a, aMask));
            return;
        }
        // Treat null like absence on a side that is absent in the other's terms:
        // Terraform lists unset optional attributes as null.
        const bNull = bAbsent || b === null || b === undefined;
        const aNull = aAbsent || a === null || a === undefined;
        if (bNull && aNull)
            return;
        const bContainer = !bNull && typeof b === 'object';
        const aContainer = !aNull && typeof a === 'object';
        if ((bContainer || bNull) &&
            (aContainer || aNull) &&
            (bContainer || aContainer) &&
            (bNull || aNull || Array.isArray(b) === Array.isArray(a))) {
            const isList = Array.isArray(bContainer ? b : a);
            const bObj = (bContainer ? b : undefined);
            const aObj = (aContainer ? a : undefined);
            const empty = (bObj === undefined || sizeOf$2(bObj) === 0) &&
                (aObj === undefined || sizeOf$2(aObj) === 0);
            if (empty) {
                // An empty collection appearing or disappearing is still a change.
                if (bNull !== aNull)
                    emit(path, bNull ? (bAbsent ? ABSENT$1 : side(null, undefined)) : side(b, bMask), aNull ? (aAbsent ? ABSENT$1 : side(null, undefined)) : side(a, aMask));
                return;
            }
            if (isList) {
                const bl = (bObj ?? []);
                const al = (aObj ?? []);
                const n = Math.max(bl.length, al.length);
                for (let i = 0; i < n; i++) {
                    walk(`${path}[${i}]`, bl[i], i >= bl.length, maskAt(bMask, i), al[i], i >= al.length, maskAt(aMask, i), maskAt(aUnknown, i));
                }
                return;
            }
            const bRec = (bObj ?? {});
            const aRec = (aObj ?? {});
            for (const key of unionOfKeys(bRec, aRec, aUnknown)) {
                walk(joinPath(path, key), bRec[key], !Object.hasOwn(bRec, key), maskAt(bMask, key), aRec[key], !Object.hasOwn(aRec, key) && maskAt(aUnknown, key) !== true, maskAt(aMask, key), maskAt(aUnknown, key));
            }
            return;
        }
        if (!bNull && !aNull && deepEqual(b, a))
            return;
        emit(path, bAbsent ? ABSENT$1 : side(b ?? null, bMask), aAbsent ? ABSENT$1 : side(a ?? null, aMask));
    };
    walk(rootPath, before.value, before.absent, before.sensitive, after.value, after.absent, after.sensitive, after.unknown);
    return out;
}
/** Replaces the parts of a value that a sensitivity mask marks. */
function applyMask(value, mask) {
    if (mask === true)
        return SENSITIVE_TEXT;
    if (!marksAnything(mask))
        return value;
    if (typeof value !== 'object' || value === null)
        return value;
    if (Array.isArray(value))
        return value.map((item, i) => applyMask(item, maskAt(mask, i)));
    // Keys come from the input: `__proto__` must stay a key, not a prototype.
    const out = Object.create(null);
    for (const [key, item] of Object.entries(value))
        out[key] = applyMask(item, maskAt(mask, key));
    return out;
}
/**
 * Sorted union of the keys of both sides (and of the unknown mask). Hot:
 * the common case, two objects with the same sorted keys, allocates once.
 */
function unionOfKeys(before, after, unknown) {
    const bKeys = Object.keys(before);
    const aKeys = Object.keys(after);
    const extra = typeof unknown === 'object' && unknown !== null && !Array.isArray(unknown)
        ? Object.keys(unknown)
        : [];
    if (isSorted(bKeys) &&
        sameKeys(bKeys, aKeys) &&
        extra.every((k) => Object.hasOwn(before, k)))
        return bKeys;
    return [...new Set([...bKeys, ...aKeys, ...extra])].sort();
}
function isSorted(keys) {
    for (let i = 1; i < keys.length; i++)
        if (keys[i - 1] >= keys[i])
            return false;
    return true;
}
function sameKeys(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** True when a sensitivity mask marks at least one part of a value. */
function marksAnything(mask) {
    if (mask === true)
        return true;
    if (typeof mask !== 'object' || mask === null)
        return false;
    for (const key in mask)
        if (marksAnything(mask[key]))
            return true;
    return false;
}
function sizeOf$2(value) {
    return Array.isArray(value) ? value.length : Object.keys(value).length;
}
function maskAt(mask, key) {
    if (mask === true)
        return true;
    if (typeof mask !== 'object' || mask === null)
        return undefined;
    const sub = mask[key];
    // Own keys only: a map key `constructor` must not find Object's.
    return sub === undefined || Object.hasOwn(mask, key) ? sub : undefined;
}
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
/** Keys repeat across thousands of resources: remember how each is written. */
const KEY_STEPS = new Map();
/** Appends a key to a Terraform-style path: `a.b`, `tags["Name"]`. */
function joinPath(path, key) {
    let step = KEY_STEPS.get(key);
    if (step === undefined) {
        step = IDENTIFIER.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
        if (KEY_STEPS.size < 10_000)
            KEY_STEPS.set(key, step);
    }
    if (path === '')
        return step.startsWith('.') ? step.slice(1) : step;
    return path + step;
}
/** Renders a Terraform path step list (`["tags","Name"]`, `["list",0]`). */
function formatPath(steps) {
    let path = '';
    for (const step of steps) {
        if (typeof step === 'number')
            path += `[${step}]`;
        else
            path = joinPath(path, String(step));
    }
    return path;
}
/** Structural equality of two JSON values. */
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' ||
        typeof b !== 'object' ||
        a === null ||
        b === null)
        return false;
    if (Array.isArray(a)) {
        if (!Array.isArray(b) || a.length !== b.length)
            return false;
        for (let i = 0; i < a.length; i++)
            if (!deepEqual(a[i], b[i]))
                return false;
        return true;
    }
    if (Array.isArray(b))
        return false;
    const ak = Object.keys(a);
    const bRec = b;
    if (ak.length !== Object.keys(bRec).length)
        return false;
    const aRec = a;
    for (const key of ak) {
        if (!Object.hasOwn(bRec, key) || !deepEqual(aRec[key], bRec[key]))
            return false;
    }
    return true;
}

/**
 * A plan file that plangate cannot read. The message is one line naming the
 * file, what was expected and what was found, plus a hint when one helps.
 * It never quotes file content beyond a short, known-safe description.
 */
class PlanParseError extends Error {
    name = 'PlanParseError';
    source;
    expected;
    found;
    hint;
    constructor(source, expected, found, hint, options) {
        super(`${source}: expected ${expected}, found ${found}${hint === undefined ? '' : `; ${hint}`}`, options);
        this.source = source;
        this.expected = expected;
        this.found = found;
        this.hint = hint;
    }
}
/**
 * The error with every secret of the run masked in what it says. Errors
 * raised while normalising quote addresses (`aws_x.k["<key>"]`), and a
 * map key can be a secret; the Action copies the message into the commit
 * status, so it is masked as the report is. The original is not kept as
 * the cause: it holds the clear text.
 */
function redactError(error, redactor) {
    if (!redactor.active || !(error instanceof Error))
        return error;
    if (error instanceof PlanParseError) {
        const hint = error.hint === undefined ? [] : [redactor.text(error.hint)];
        return new PlanParseError(redactor.text(error.source), redactor.text(error.expected), redactor.text(error.found), ...hint);
    }
    const message = redactor.text(error.message);
    if (message === error.message)
        return error;
    const stack = error.stack;
    error.message = message;
    if (stack !== undefined)
        error.stack = redactor.text(stack);
    return error;
}
/** The command that produces what plangate reads, for hints. */
const SHOW_JSON_HINT = 'run `terraform show -json PLANFILE > plan.json` (or `tofu show -json PLANFILE`) and pass that file';

/** Small guards for reading untyped JSON without casts. */
function isRecord$2(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/**
 * The record's own property: a key like `constructor` or `__proto__` from
 * the input must not find what every object inherits.
 */
function ownAt(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}
// No inherited property is a string or an array: stringAt and arrayAt need
// no own-property check; recordAt does (`__proto__` finds Object.prototype).
function stringAt(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
}
function recordAt(record, key) {
    const value = ownAt(record, key);
    return isRecord$2(value) ? value : undefined;
}
function arrayAt(record, key) {
    const value = record[key];
    return Array.isArray(value) ? value : undefined;
}
const SAFE_KEY = /^[A-Za-z0-9_.$:-]{1,40}$/;
/**
 * Describes a JSON value for an error message without quoting anything that
 * could be a secret: only the kind, and top-level keys that look like names.
 */
function describeJson(value) {
    if (Array.isArray(value))
        return `a JSON array of ${value.length} items`;
    if (value === null)
        return 'JSON null';
    if (!isRecord$2(value))
        return `a JSON ${typeof value}`;
    const keys = Object.keys(value);
    if (keys.length === 0)
        return 'an empty JSON object';
    const shown = keys.filter((key) => SAFE_KEY.test(key)).slice(0, 6);
    const more = keys.length - shown.length;
    return `a JSON object with keys ${shown.map((k) => `"${k}"`).join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}
/** Describes a scalar that came from the plan's structure (not its values). */
function describeScalar(value) {
    if (typeof value === 'string')
        return SAFE_KEY.test(value) ? `"${value}"` : 'a string';
    if (Array.isArray(value))
        return 'an array';
    if (value === null)
        return 'null';
    if (typeof value === 'number' || typeof value === 'boolean')
        return `${typeof value} ${String(value)}`;
    return typeof value === 'object' ? 'an object' : typeof value;
}

/**
 * The exact `@aws-cdk/cloudformation-diff` release plangate bundles (pinned
 * in package.json; a test checks the two agree). It decides replacement from
 * the AWS resource specification it ships (`db.json.gz`).
 */
const CLOUDFORMATION_DIFF_VERSION = '2.187.5';
/** `Plan.formatVersion` of a template comparison: there is no file format version to report. */
const TEMPLATE_DIFF_FORMAT_VERSION = 'template-diff';
/** Where `cdk synth` puts what plangate reads, for hints. */
const CDK_SYNTH_HINT = "`cdk synth` writes each stack's template to `cdk.out/<Stack>.template.json`; pass the templates of the base and of the change (or both `cdk.out` directories)";
/**
 * Said once per compared stack (the same words each time, so a caller can
 * show it once): a template diff predicts, a change set knows.
 */
const TEMPLATE_DIFF_CAVEAT = 'compared two CloudFormation templates, which is less exact than a change set: replacement is predicted from the AWS resource specification, and values resolved at deploy time (parameters, SSM and Secrets Manager references), the contents of nested stacks and what custom resources do are not seen; review a change set (`cdk deploy --method=prepare-change-set`) before deploying';
/** `ResourceImpact` of `@aws-cdk/cloudformation-diff`, as data. */
const TEMPLATE_IMPACTS = [
    'WILL_UPDATE',
    'WILL_CREATE',
    'WILL_REPLACE',
    'MAY_REPLACE',
    'WILL_DESTROY',
    'WILL_ORPHAN',
    'WILL_IMPORT',
    'NO_CHANGE'
];
/** True when a JSON document has the shape of a CloudFormation template. */
function looksLikeTemplate(doc) {
    if (!isRecord$2(doc))
        return false;
    if ('AWSTemplateFormatVersion' in doc)
        return true;
    const resources = doc.Resources;
    return (isRecord$2(resources) &&
        Object.values(resources).every((resource) => isRecord$2(resource) && typeof resource.Type === 'string'));
}
/**
 * Checks both templates of a stack and collects their secrets (the defaults
 * of `NoEcho` parameters). A side whose `doc` is `{}` does not exist: the
 * stack is new (before) or deleted (after). Cheap: the library is not loaded.
 */
function readTemplatePair(before, after, stackName) {
    const beforeAbsent = isEmptyObject(before.doc);
    const afterAbsent = isEmptyObject(after.doc);
    if (beforeAbsent && afterAbsent) {
        throw new PlanParseError(after.source, 'a CloudFormation template on at least one side', 'an empty JSON object on both sides (no stack before, none after)', CDK_SYNTH_HINT);
    }
    const beforeDoc = beforeAbsent ? {} : checkTemplate(before.doc, before.source);
    const afterDoc = afterAbsent ? {} : checkTemplate(after.doc, after.source);
    checkTemplateArrays(beforeDoc, before.source);
    checkTemplateArrays(afterDoc, after.source);
    const source = afterAbsent ? before.source : after.source;
    const name = stackName ?? stackNameOf$1(source);
    const warnings = [];
    if (beforeAbsent) {
        warnings.push(`${source}: no before template: stack ${name} is new, every resource in it is created`);
    }
    if (afterAbsent) {
        warnings.push(`${source}: no after template: stack ${name} is shown as deleted, every resource destroyed unless its DeletionPolicy keeps it (removing a stack from a CDK app does not delete it by itself; \`cdk destroy\` does)`);
    }
    for (const [side, doc] of [
        [before.source, beforeDoc],
        [after.source, afterDoc]
    ]) {
        if (doc.Transform !== undefined) {
            warnings.push(`${side}: the template declares a Transform (${describeTransform(doc.Transform)}): the resources it expands into are not compared`);
        }
    }
    const nested = nestedStacks(beforeDoc, afterDoc);
    if (nested.length > 0) {
        warnings.push(`${source}: nested stack ${listNames(nested)} ${nested.length === 1 ? 'is' : 'are'} compared as a resource only, not the resources inside; review each nested template pair (\`*.nested.template.json\`) too`);
    }
    const secrets = new Set();
    collectNoEchoDefaults(beforeDoc, secrets);
    collectNoEchoDefaults(afterDoc, secrets);
    return {
        kind: 'cloudformation-template',
        source,
        before: beforeDoc,
        after: afterDoc,
        stackName: name,
        secrets,
        warnings
    };
}
/**
 * How much work nested arrays may add to a template comparison.
 * `@aws-cdk/cloudformation-diff` (its reference propagation, run once
 * per replaced resource) visits every array's items twice, so a value
 * inside k arrays is visited 2^k times: 40 nested arrays in a 213-byte
 * template run for hours. plangate counts those visits before handing a
 * template over and refuses one that would cost more than
 * `MAX_TEMPLATE_ARRAY_WORK` visits per value on average, plus
 * `TEMPLATE_ARRAY_WORK_ALLOWANCE` (a small template may nest about 15
 * arrays). Real templates cost 2 to 5 visits per value (`Fn::Join`
 * inside a policy's `Resource` list is 4 arrays deep).
 */
const MAX_TEMPLATE_ARRAY_WORK = 64;
const TEMPLATE_ARRAY_WORK_ALLOWANCE = 65_536;
/**
 * Refuses a template whose nested arrays would make the diff library's
 * work explode, naming the deepest array nesting. Iterative and linear:
 * it adds up 2^k per value instead of visiting it 2^k times.
 */
function checkTemplateArrays(doc, source) {
    let values = 0;
    let visits = 0;
    const pending = [
        { value: doc, arrays: 0 }
    ];
    for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
        const { value, arrays } = item;
        values++;
        visits += 2 ** arrays;
        if (Array.isArray(value)) {
            for (const child of value)
                pending.push({ value: child, arrays: arrays + 1 });
        }
        else if (isRecord$2(value)) {
            for (const key in value)
                pending.push({ value: value[key], arrays });
        }
    }
    if (visits <=
        MAX_TEMPLATE_ARRAY_WORK * values + TEMPLATE_ARRAY_WORK_ALLOWANCE)
        return;
    const at = deepestArrayPath(doc);
    throw new PlanParseError(source, `a template whose nested arrays @aws-cdk/cloudformation-diff can compare in bounded time (its work doubles with each array level)`, `arrays nested ${at.arrays} deep at ${at.path}`, 'real templates nest a few arrays (`Fn::Join` in a policy is 4); compare the templates `cdk synth` writes');
}
/** The path of the value nested in the most arrays, for the message. */
function deepestArrayPath(doc) {
    let best = { arrays: 0, path: '$' };
    const pending = [
        { value: doc, arrays: 0, path: '' }
    ];
    for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
        const { value, arrays, path } = item;
        if (arrays > best.arrays)
            best = { arrays, path };
        if (Array.isArray(value)) {
            value.forEach((child, index) => pending.push({
                value: child,
                arrays: arrays + 1,
                path: `${path}[${index}]`
            }));
        }
        else if (isRecord$2(value)) {
            for (const key in value)
                pending.push({
                    value: value[key],
                    arrays,
                    path: `${path}${SAFE_NAME.test(key) ? `.${key}` : '["…"]'}`
                });
        }
    }
    const path = best.path.replace(/^\./, '');
    return {
        arrays: best.arrays,
        path: path.length > 160 ? `${path.slice(0, 160)}…` : path
    };
}
function isEmptyObject(doc) {
    return isRecord$2(doc) && Object.keys(doc).length === 0;
}
const TEMPLATE_EXPECTED = 'a CloudFormation template (JSON with "Resources")';
/** Checks the sections plangate reads; everything else is ignored. */
function checkTemplate(doc, source) {
    if (!isRecord$2(doc))
        throw notATemplate(doc, source);
    if (!('Resources' in doc) && !('AWSTemplateFormatVersion' in doc))
        throw notATemplate(doc, source);
    for (const section of ['Resources', 'Parameters', 'Outputs']) {
        const value = doc[section];
        if (value !== undefined && !isRecord$2(value)) {
            throw new PlanParseError(source, `"${section}" to be an object`, describeScalar(value));
        }
    }
    for (const [id, resource] of Object.entries(recordAt(doc, 'Resources') ?? {})) {
        if (!isRecord$2(resource) || typeof resource.Type !== 'string') {
            throw new PlanParseError(source, `Resources.${safeName(id)} to be an object with a string "Type"`, isRecord$2(resource)
                ? `Type ${describeScalar(resource.Type)}`
                : describeScalar(resource));
        }
        const properties = resource.Properties;
        if (properties !== undefined && !isRecord$2(properties)) {
            throw new PlanParseError(source, `Resources.${safeName(id)}.Properties to be an object`, describeScalar(properties));
        }
    }
    return doc;
}
function notATemplate(doc, source) {
    if (isRecord$2(doc)) {
        if (typeof doc.format_version === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a Terraform/OpenTofu JSON document', 'pass a Terraform plan as a plan file, not as a template; ' +
                CDK_SYNTH_HINT);
        }
        if (Array.isArray(doc.Changes) || typeof doc.ChangeSetId === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a CloudFormation change set (`describe-change-set` output)', 'a change set is reviewed on its own, not as one side of a template pair; ' +
                CDK_SYNTH_HINT);
        }
        if (isRecord$2(doc.artifacts) && typeof doc.version === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a cloud assembly manifest (`cdk.out/manifest.json`)', 'pass the `cdk.out` directory itself, or one of its `*.template.json` files');
        }
        if (typeof doc.TemplateBody === 'string' || isRecord$2(doc.TemplateBody)) {
            return new PlanParseError(source, TEMPLATE_EXPECTED, '`aws cloudformation get-template` output (the template is inside "TemplateBody")', 'save only the template: `aws cloudformation get-template --stack-name NAME --query TemplateBody > before.json`');
        }
    }
    return new PlanParseError(source, TEMPLATE_EXPECTED, describeJson(doc), CDK_SYNTH_HINT);
}
const SAFE_NAME = /^[A-Za-z0-9_.:-]{1,255}$/;
/** A logical ID or key for messages: template names are alphanumeric; anything else is not quoted. */
function safeName(name) {
    return SAFE_NAME.test(name) ? name : '(a key that is not a logical ID)';
}
function describeTransform(transform) {
    const names = (Array.isArray(transform) ? transform : [transform]).map((item) => typeof item === 'string' && SAFE_NAME.test(item)
        ? item
        : isRecord$2(item) && typeof item.Name === 'string'
            ? safeName(item.Name)
            : 'a macro');
    return names.join(', ');
}
/** `cdk.out/MyStack.template.json` → `MyStack`. */
function stackNameOf$1(source) {
    const base = source.split(/[\\/]/).pop() ?? source;
    const name = base.replace(/\.template\.json$/i, '').replace(/\.json$/i, '');
    return name === '' || name === '-' ? 'stack' : name;
}
function resourcesOf(doc) {
    return recordAt(doc, 'Resources') ?? {};
}
function nestedStacks(before, after) {
    const ids = new Set();
    for (const doc of [before, after]) {
        for (const [id, resource] of Object.entries(resourcesOf(doc))) {
            if (isRecord$2(resource) && resource.Type === 'AWS::CloudFormation::Stack')
                ids.add(safeName(id));
        }
    }
    return [...ids].sort();
}
/** NoEcho parameters hide their value in the console; their defaults are secrets. */
function collectNoEchoDefaults(doc, into) {
    for (const parameter of Object.values(recordAt(doc, 'Parameters') ?? {})) {
        if (!isRecord$2(parameter))
            continue;
        const noEcho = parameter.NoEcho;
        if (noEcho === true ||
            (typeof noEcho === 'string' && noEcho.toLowerCase() === 'true'))
            collectLeafStrings(parameter.Default, into);
    }
}
let differ;
/**
 * Loads `@aws-cdk/cloudformation-diff` on first use only: it and its
 * resource specification cost most of a second and over 100 MB, which
 * Terraform-only runs must not pay. The diff module alone is imported, not
 * the package index, which would also load its table renderer and Ajv.
 */
function loadDiffer() {
    differ ??= import('./cli-diff-template.js').then(function (n) { return n.d; });
    return differ;
}
/**
 * The heavy step, asynchronous because the library is loaded on demand:
 * compares the templates with `@aws-cdk/cloudformation-diff` (`fullDiff`)
 * and keeps its verdicts as plain data. Call it for every template pair
 * before `normalizePlans`; normalisation itself is synchronous.
 */
async function prepareTemplateDiff(input) {
    const { fullDiff } = await loadDiffer();
    let diff;
    try {
        diff = fullDiff(input.before, input.after);
    }
    catch (error) {
        if (isSystemError(error)) {
            throw new Error(`@aws-cdk/cloudformation-diff could not load its resource specification (${error.code}); plangate is not installed completely`, { cause: error });
        }
        throw new PlanParseError(input.source, 'templates that @aws-cdk/cloudformation-diff can compare', `a template pair it failed on (${error instanceof Error ? error.name : typeof error})`, 'check that both files are templates from `cdk synth`', { cause: error });
    }
    const verdicts = new Map();
    diff.resources.forEachDifference((logicalId, change) => {
        if (!change.isDifferent)
            return;
        const properties = new Map();
        for (const [name, property] of Object.entries(change.propertyUpdates)) {
            properties.set(name, toImpact(property.changeImpact ?? 'NO_CHANGE', input.source, logicalId));
        }
        verdicts.set(logicalId, {
            impact: toImpact(change.changeImpact, input.source, logicalId),
            properties,
            otherChanges: Object.keys(change.otherChanges).sort(),
            typeChanged: change.resourceTypeChanged
        });
    });
    return {
        ...input,
        verdicts,
        toolVersion: `@aws-cdk/cloudformation-diff ${CLOUDFORMATION_DIFF_VERSION}`
    };
}
function isSystemError(error) {
    return (error instanceof Error &&
        'code' in error &&
        typeof error.code === 'string' &&
        /^E[A-Z]+$/.test(error.code));
}
function toImpact(value, source, logicalId) {
    if (TEMPLATE_IMPACTS.includes(value))
        return value;
    throw new PlanParseError(source, `a resource impact plangate knows for ${safeName(logicalId)} (${TEMPLATE_IMPACTS.join(', ')})`, describeScalar(value), 'plangate does not guess what an unknown impact does to real infrastructure; upgrade plangate');
}
/** Resource types that are CDK bookkeeping, hidden like `cdk diff` hides them. */
const HIDDEN_TYPES = new Set(['AWS::CDK::Metadata']);
/** Compares logical IDs like `cdk diff` lists them: by code unit, stable. */
function byName(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * Turns the library's verdicts into the normalised model: one change per
 * logical ID of either template (unchanged ones as no-op), outputs, and the
 * caveat that a template diff is a prediction.
 */
function normalizeTemplateDiff(input, redactor) {
    const before = resourcesOf(input.before);
    const after = resourcesOf(input.after);
    const stackDeleted = Object.keys(input.after).length === 0;
    const ids = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = [];
    for (const id of ids.sort(byName)) {
        const old = recordAt(before, id);
        const now = recordAt(after, id);
        const type = typeOf(now) ?? typeOf(old) ?? 'unknown';
        if (HIDDEN_TYPES.has(type))
            continue;
        changes.push(normalizeResource(id, old, now, input.verdicts.get(id), stackDeleted, redactor));
    }
    return {
        source: input.source,
        stack: input.stackName,
        format: 'cloudformation-template',
        formatVersion: TEMPLATE_DIFF_FORMAT_VERSION,
        toolVersion: input.toolVersion,
        mode: 'normal',
        changes,
        drift: [],
        outputs: normalizeOutputs$1(input, redactor),
        checks: [],
        targeted: false,
        warnings: [...input.warnings, TEMPLATE_DIFF_CAVEAT].map((w) => redactor.text(w))
    };
}
function typeOf(resource) {
    const type = resource?.Type;
    return typeof type === 'string' ? type : undefined;
}
const REPLACING = new Set([
    'WILL_REPLACE',
    'MAY_REPLACE'
]);
function normalizeResource(id, old, now, found, stackDeleted, redactor) {
    // A resource the library found no difference in is unchanged; one that
    // exists on one side only always differs, whatever the verdicts say.
    const verdict = found ??
        (old !== undefined && now !== undefined
            ? NO_VERDICT
            : {
                ...NO_VERDICT,
                impact: now === undefined ? 'WILL_DESTROY' : 'WILL_CREATE'
            });
    const oldType = typeOf(old);
    const newType = typeOf(now);
    const replacePaths = [...verdict.properties]
        .filter(([, impact]) => REPLACING.has(impact))
        .map(([name]) => joinPath('', name));
    const result = {
        address: id,
        type: newType ?? oldType ?? 'unknown',
        name: id,
        module: '',
        provider: 'aws',
        mode: 'managed',
        action: 'no-op',
        imported: false,
        replacePaths: redactor.active
            ? replacePaths.map((p) => redactor.text(p))
            : replacePaths,
        destructive: false,
        attributes: NO_ATTRIBUTES$3
    };
    const label = cdkPath$1(now) ?? cdkPath$1(old);
    if (label !== undefined)
        result.label = redactor.text(label);
    const context = {
        verdict,
        old,
        now,
        stackDeleted
    };
    switch (verdict.impact) {
        case 'WILL_CREATE':
        case 'WILL_IMPORT':
            result.action = 'create';
            if (verdict.impact === 'WILL_IMPORT')
                result.imported = true;
            break;
        case 'WILL_UPDATE':
            result.action = 'update';
            break;
        case 'NO_CHANGE':
            // The library rates a property it has no specification for (custom
            // resources, types newer than the specification) NO_CHANGE even when
            // its value changed: that is still an update.
            result.action = found === undefined ? 'no-op' : 'update';
            break;
        case 'WILL_REPLACE':
        case 'MAY_REPLACE': {
            result.action = 'replace';
            // CloudFormation creates the replacement, switches references over,
            // then deletes the old object in the cleanup phase.
            result.replaceOrder = 'create-first';
            if (verdict.impact === 'MAY_REPLACE')
                result.conditional = true;
            const keepsOld = policyOf(old, 'UpdateReplacePolicy') === 'Retain' &&
                policyOf(now, 'UpdateReplacePolicy') === 'Retain';
            if (keepsOld)
                result.keepsOld = true;
            // Kept or not, a new, empty object takes the old one's place: gated.
            result.destructive = true;
            break;
        }
        case 'WILL_DESTROY':
            result.action = 'destroy';
            result.destructive = true;
            if (policyOf(old, 'DeletionPolicy') === 'Snapshot')
                result.snapshot = true;
            break;
        case 'WILL_ORPHAN':
            result.action = 'forget';
            break;
    }
    if (result.action !== 'no-op' && result.action !== 'forget') {
        result.attributes = diffProperties$1(old, now, verdict, redactor, result.replacePaths);
    }
    if (found !== undefined || result.action !== 'no-op') {
        result.reason = redactor.text(reasonFor(verdict));
        const explanation = explain$1(result, context);
        if (explanation !== undefined)
            result.explanation = redactor.text(explanation);
    }
    return result;
}
const NO_VERDICT = {
    impact: 'NO_CHANGE',
    properties: new Map(),
    otherChanges: [],
    typeChanged: false
};
const NO_ATTRIBUTES$3 = Object.freeze([]);
/** The construct path CDK records in each resource's metadata. */
function cdkPath$1(resource) {
    const metadata = resource === undefined ? undefined : recordAt(resource, 'Metadata');
    const value = metadata?.['aws:cdk:path'];
    return typeof value === 'string' && value !== '' ? value : undefined;
}
function policyOf(resource, key) {
    const value = resource?.[key];
    // CloudFormation's default when the attribute is absent.
    return typeof value === 'string' ? value : 'Delete';
}
function propertiesOf$1(resource) {
    return recordAt(resource ?? {}, 'Properties') ?? {};
}
/**
 * Diffs `Properties`, one top-level property at a time. A property the
 * library says forces replacement although its text did not change refers
 * to a replaced resource (`Ref`, `Fn::GetAtt`): its new value is known only
 * after the deployment, so it is shown as such.
 */
function diffProperties$1(old, now, verdict, redactor, replacePaths) {
    const before = propertiesOf$1(old);
    const after = propertiesOf$1(now);
    const out = [];
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const name of names.sort(byName)) {
        const path = joinPath('', name);
        const impact = verdict.properties.get(name);
        const inBefore = old !== undefined && Object.hasOwn(before, name);
        const inAfter = now !== undefined && Object.hasOwn(after, name);
        const unchanged = inBefore && inAfter && deepEqual(before[name], after[name]);
        if (unchanged && impact !== undefined && REPLACING.has(impact)) {
            out.push(...diffAttributes({ value: before[name], sensitive: false, absent: false }, { value: null, sensitive: false, unknown: true, absent: false }, redactor, [path], path));
            continue;
        }
        if (unchanged)
            continue;
        out.push(...diffAttributes({ value: before[name], sensitive: false, absent: !inBefore }, { value: after[name], sensitive: false, absent: !inAfter }, redactor, replacePaths, path));
    }
    return out;
}
/** The library's own words: the resource impact, then each changed property's. */
function reasonFor(verdict) {
    const parts = [...verdict.properties].map(([name, impact]) => `${name}: ${impact}`);
    for (const other of verdict.otherChanges)
        parts.push(`${other}: changed`);
    if (verdict.typeChanged)
        parts.unshift('Type: changed');
    return parts.length === 0
        ? verdict.impact
        : `${verdict.impact} (${parts.join(', ')})`;
}
const code$3 = (text) => `\`${text}\``;
function listNames(names) {
    const shown = names.slice(0, 3).map(code$3);
    if (names.length > 3)
        return `${shown.join(', ')} and ${names.length - 3} more`;
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
function explain$1(change, context) {
    const { verdict, old, stackDeleted } = context;
    switch (change.action) {
        case 'create':
            return change.imported
                ? 'imported: CloudFormation adopts an existing object into the stack'
                : undefined;
        case 'destroy': {
            const why = stackDeleted
                ? 'destroyed because its stack is deleted'
                : 'destroyed because it was removed from the template';
            return change.snapshot === true
                ? `${why}; DeletionPolicy Snapshot takes a final snapshot first`
                : why;
        }
        case 'forget':
            return `${stackDeleted ? 'its stack is deleted' : 'removed from the template'}, but DeletionPolicy ${policyOf(old, 'DeletionPolicy')} keeps the real object, which CloudFormation no longer manages`;
        case 'replace':
            return explainReplace(change, context);
        case 'update':
            return explainUpdate(change.type, verdict, context);
        case 'no-op':
        case 'read':
            return undefined;
    }
}
function explainReplace(change, { verdict, old, now }) {
    const before = propertiesOf$1(old);
    const after = propertiesOf$1(now);
    const requires = [];
    const may = [];
    const refers = [];
    for (const [name, impact] of verdict.properties) {
        if (!REPLACING.has(impact))
            continue;
        if (Object.hasOwn(before, name) &&
            Object.hasOwn(after, name) &&
            deepEqual(before[name], after[name]))
            refers.push(name);
        else if (impact === 'WILL_REPLACE')
            requires.push(name);
        else
            may.push(name);
    }
    const parts = [];
    if (verdict.typeChanged) {
        parts.push(`its type changes from ${code$3(typeOf(old) ?? 'unknown')} to ${code$3(typeOf(now) ?? 'unknown')}`);
    }
    if (requires.length > 0) {
        parts.push(`${listNames(requires)} changed and ${requires.length === 1 ? 'requires' : 'require'} replacement`);
    }
    if (may.length > 0) {
        parts.push(`${listNames(may)} changed and may require replacement (it depends on the value; CloudFormation decides during the deployment)`);
    }
    if (refers.length > 0) {
        parts.push(`${listNames(refers)} ${refers.length === 1 ? 'refers' : 'refer'} to a resource that is replaced`);
    }
    const verb = change.conditional === true ? 'may be replaced' : 'replaced';
    let text = parts.length === 0
        ? `${verb}: the resource specification says a change requires replacement`
        : `${verb} because ${parts.join('; ')}`;
    if (change.keepsOld === true) {
        text +=
            '; UpdateReplacePolicy Retain keeps the old object, which CloudFormation no longer manages';
    }
    else if (policyOf(old, 'UpdateReplacePolicy') === 'Snapshot' ||
        policyOf(now, 'UpdateReplacePolicy') === 'Snapshot') {
        text +=
            '; UpdateReplacePolicy Snapshot takes a snapshot of the old object before deleting it';
    }
    return text;
}
function explainUpdate(type, verdict, { old, now }) {
    const parts = [];
    const unrated = [...verdict.properties]
        .filter(([, impact]) => impact === 'NO_CHANGE')
        .map(([name]) => name);
    if (unrated.length > 0) {
        parts.push(isCustomResource(type)
            ? `updated: ${listNames(unrated)} changed, and the custom resource's own code decides what that does (it may replace the object)`
            : `updated as far as plangate can tell: the resource specification does not cover ${listNames(unrated)} of ${code$3(type)}, so whether the change replaces the object cannot be predicted`);
    }
    else if (verdict.properties.size === 0 && verdict.otherChanges.length > 0) {
        parts.push(`only ${listNames(verdict.otherChanges)} changed, no property`);
    }
    // A weaker policy is harmless now and destructive at the next removal.
    for (const key of ['DeletionPolicy', 'UpdateReplacePolicy']) {
        if (!verdict.otherChanges.includes(key))
            continue;
        parts.push(`${key} ${describePolicy(old?.[key])} → ${describePolicy(now?.[key])}`);
    }
    return parts.length === 0 ? undefined : parts.join('; ');
}
function describePolicy(value) {
    if (value === undefined)
        return 'Delete (default)';
    return typeof value === 'string' && SAFE_NAME.test(value)
        ? value
        : 'a computed value';
}
function isCustomResource(type) {
    return (type.startsWith('Custom::') ||
        type === 'AWS::CloudFormation::CustomResource');
}
/** Outputs, diffed from the templates (the library's verdicts are about resources). */
function normalizeOutputs$1(input, redactor) {
    const before = recordAt(input.before, 'Outputs') ?? {};
    const after = recordAt(input.after, 'Outputs') ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return names.sort(byName).map((name) => {
        const inBefore = Object.hasOwn(before, name);
        const inAfter = Object.hasOwn(after, name);
        const action = !inBefore
            ? 'create'
            : !inAfter
                ? 'destroy'
                : deepEqual(before[name], after[name])
                    ? 'no-op'
                    : 'update';
        return {
            name: redactor.text(name),
            action,
            sensitive: false,
            attributes: action === 'no-op'
                ? NO_ATTRIBUTES$3
                : diffAttributes({ value: before[name], sensitive: false, absent: !inBefore }, { value: after[name], sensitive: false, absent: !inAfter }, redactor, [], redactor.text(name))
        };
    });
}

/**
 * Turns the text of a plan file into a JSON value, or explains in one line
 * why it is not JSON. Recognises the usual wrong inputs (a binary planfile,
 * `terraform plan` text, setup-terraform wrapper output) before parsing,
 * and never quotes the file's content in the error: it may hold secrets.
 */
function parseJsonText(text, source) {
    const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    const start = firstNonSpace(body);
    if (start === -1) {
        throw new PlanParseError(source, 'a JSON plan', body.length === 0 ? 'an empty file' : 'only whitespace', SHOW_JSON_HINT);
    }
    rejectKnownNonJson(body, start, source);
    checkJsonNesting(body, source);
    try {
        return JSON.parse(body);
    }
    catch (error) {
        throw jsonSyntaxError(body, source, error);
    }
}
/**
 * How deep arrays and objects may nest in any JSON plangate reads (plans,
 * change sets, previews, templates, manifests). Real plans nest under 30
 * levels. The readers, the redactor and the renderers walk values
 * recursively; the first of them ran out of stack at about 2,000 levels
 * on Node 20, so the limit keeps a fourfold margin (other Node versions and
 * deeper callers have smaller stacks to spare).
 */
const MAX_NESTING = 500;
const QUOTE$1 = 0x22;
const BACKSLASH$1 = 0x5c;
const COMMA$1 = 0x2c;
const OPEN_BRACE$1 = 0x7b;
const CLOSE_BRACE$1 = 0x7d;
const OPEN_BRACKET$1 = 0x5b;
const CLOSE_BRACKET$1 = 0x5d;
/**
 * Refuses JSON text whose arrays and objects nest deeper than MAX_NESTING,
 * naming the JSON path and line where the limit was passed. A fast scan
 * of the text (brackets outside strings), so it runs before parsing.
 */
function checkJsonNesting(text, source, limit = MAX_NESTING) {
    const offset = findDeepNesting(text, limit);
    if (offset === -1)
        return;
    const where = lineAndColumn(text, offset);
    throw new PlanParseError(source, `JSON nested at most ${limit} levels deep`, `JSON nested deeper than ${limit} levels at ${jsonPathAt(text, offset)} (line ${where.line}, column ${where.column})`, 'plangate refuses deeper input (real plans nest under 30 levels)');
}
/**
 * Offset of the first `[` or `{` (outside strings) that opens a level
 * deeper than `limit`, or -1. Iterative and linear: it never recurses,
 * and invalid JSON is scanned as far as it goes.
 */
function findDeepNesting(text, limit) {
    // A regex skips the bytes between brackets and quotes faster than a loop.
    const structural = /["[\]{}]/g;
    let depth = 0;
    while (structural.test(text)) {
        const i = structural.lastIndex - 1;
        const c = text.charCodeAt(i);
        if (c === QUOTE$1)
            structural.lastIndex = stringEnd$1(text, i) + 1;
        else if (c === OPEN_BRACE$1 || c === OPEN_BRACKET$1) {
            if (++depth > limit)
                return i;
        }
        else if (depth > 0)
            depth--;
    }
    return -1;
}
/** Index of the quote closing the string opened at `start` (or the end of the text). */
function stringEnd$1(text, start) {
    let i = start + 1;
    for (;;) {
        const quote = text.indexOf('"', i);
        if (quote === -1)
            return text.length;
        let slashes = 0;
        for (let k = quote - 1; k > start && text.charCodeAt(k) === BACKSLASH$1; k--)
            slashes++;
        if (slashes % 2 === 0)
            return quote;
        i = quote + 1;
    }
}
/** Path segments shown before the rest is elided. */
const SHOWN_SEGMENTS = 12;
const NAME_KEY = /^[A-Za-z_$][A-Za-z0-9_$:-]{0,63}$/;
/**
 * The JSON path (`$.resource_changes[0].change.after`) of the value that
 * starts at `offset`, for messages. Keys that do not look like names are
 * not quoted (map keys may hold secrets), and a long path is elided.
 */
function jsonPathAt(text, offset) {
    const frames = [];
    let expectKey = false;
    for (let i = 0; i < offset && i < text.length; i++) {
        const c = text.charCodeAt(i);
        const top = frames[frames.length - 1];
        if (c === QUOTE$1) {
            const end = stringEnd$1(text, i);
            if (expectKey && top !== undefined && !top.array) {
                top.key = keyName(text.slice(i + 1, end));
                expectKey = false;
            }
            i = end;
        }
        else if (c === OPEN_BRACE$1 || c === OPEN_BRACKET$1) {
            frames.push({ array: c === OPEN_BRACKET$1, key: '', index: 0 });
            expectKey = c === OPEN_BRACE$1;
        }
        else if (c === CLOSE_BRACE$1 || c === CLOSE_BRACKET$1) {
            frames.pop();
            expectKey = false;
        }
        else if (c === COMMA$1 && top !== undefined) {
            if (top.array)
                top.index++;
            else
                expectKey = true;
        }
    }
    const segments = frames.map((frame) => frame.array ? `[${frame.index}]` : frame.key);
    const shown = segments.slice(0, SHOWN_SEGMENTS).join('');
    const more = segments.length - SHOWN_SEGMENTS;
    return `$${shown}${more > 0 ? `… (${more} more levels)` : ''}`;
}
function keyName(raw) {
    return NAME_KEY.test(raw) ? `.${raw}` : '["…"]';
}
function firstNonSpace(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
            return i;
    }
    return -1;
}
function rejectKnownNonJson(text, start, source) {
    if (text.startsWith('PK\u0003\u0004', start)) {
        throw new PlanParseError(source, 'a JSON plan', 'a binary Terraform planfile (a zip archive)', SHOW_JSON_HINT);
    }
    const head = text.slice(start, start + 4096);
    if (head.includes('\u0000')) {
        throw new PlanParseError(source, 'a JSON plan', 'binary data', SHOW_JSON_HINT);
    }
    if (head.startsWith('[command]')) {
        throw new PlanParseError(source, 'a JSON plan', 'output of the hashicorp/setup-terraform wrapper (it starts with a "[command]" line)', 'set `terraform_wrapper: false` on setup-terraform, or run `terraform show -json PLANFILE > plan.json` in a step of its own with the wrapper off');
    }
    const c = text.charCodeAt(start);
    if (c === 0x7b /* { */ || c === 0x5b /* [ */)
        return;
    if (looksLikePlanText(head)) {
        throw new PlanParseError(source, 'a JSON plan', 'the text output of `terraform plan`', SHOW_JSON_HINT);
    }
}
const PLAN_TEXT_MARKERS = [
    'Terraform used the selected providers',
    'Terraform will perform the following actions',
    'OpenTofu used the selected providers',
    'OpenTofu will perform the following actions',
    'No changes. Your infrastructure matches the configuration',
    'Refreshing state...',
    'An execution plan has been generated',
    'Plan: '
];
function looksLikePlanText(head) {
    // eslint-disable-next-line no-control-regex -- strips ANSI colour codes
    const plain = head.replace(/\u001b\[[0-9;]*m/g, '');
    return PLAN_TEXT_MARKERS.some((marker) => plain.includes(marker));
}
function jsonSyntaxError(text, source, cause) {
    const problem = findJsonProblem(text);
    const where = lineAndColumn(text, problem.offset);
    const found = problem.kind === 'truncated'
        ? `JSON that ends early at line ${where.line}, column ${where.column} (the file looks truncated)`
        : `invalid JSON at line ${where.line}, column ${where.column} (${problem.what})`;
    return new PlanParseError(source, 'a JSON plan', found, undefined, { cause });
}
function lineAndColumn(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < text.length; i++) {
        if (text.charCodeAt(i) === 0x0a) {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: offset - lineStart + 1 };
}
/**
 * Finds where a JSON text stops being valid. Only runs after JSON.parse has
 * failed, because Node 20's JSON.parse message quotes the input (which may
 * hold secrets) and gives no position.
 */
function findJsonProblem(text) {
    let i = 0;
    const n = text.length;
    const fail = (what) => ({
        kind: i >= n ? 'truncated' : 'invalid',
        offset: Math.min(i, n),
        what: i >= n ? 'unexpected end of input' : what
    });
    const describe = () => {
        const c = text[i];
        if (c === undefined)
            return 'unexpected end of input';
        if (/[A-Za-z]/.test(c))
            return 'unexpected letter';
        if (/[0-9]/.test(c))
            return 'unexpected digit';
        if (c === '"')
            return 'unexpected string';
        return `unexpected character ${JSON.stringify(c)}`;
    };
    const skip = () => {
        while (i < n && /[ \t\r\n]/.test(text[i] ?? ''))
            i++;
    };
    const literal = (word) => {
        if (text.startsWith(word, i)) {
            i += word.length;
            return true;
        }
        for (let k = 0; k < word.length && text[i] === word[k]; k++)
            i++;
        return false;
    };
    const string = () => {
        i++; // opening quote
        while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 0x22) {
                i++;
                return true;
            }
            if (c === 0x5c) {
                i += 2;
                continue;
            }
            if (c < 0x20)
                return false;
            i++;
        }
        return false;
    };
    const number = () => {
        const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
        if (match === null || match[0].length === 0)
            return false;
        i += match[0].length;
        return true;
    };
    // Iterative scanner with an explicit stack: deep documents must not overflow.
    const stack = [];
    let expectValue = true;
    for (;;) {
        skip();
        if (expectValue) {
            const c = text[i];
            if (c === '{') {
                i++;
                skip();
                if (text[i] === '}') {
                    i++;
                    expectValue = false;
                }
                else {
                    stack.push('{');
                    if (text[i] !== '"')
                        return fail('expected a property name');
                    if (!string())
                        return fail('bad string');
                    skip();
                    if (text[i] !== ':')
                        return fail('expected ":"');
                    i++;
                }
                continue;
            }
            if (c === '[') {
                i++;
                skip();
                if (text[i] === ']') {
                    i++;
                    expectValue = false;
                }
                else
                    stack.push('[');
                continue;
            }
            let ok;
            if (c === '"')
                ok = string();
            else if (c === 't')
                ok = literal('true');
            else if (c === 'f')
                ok = literal('false');
            else if (c === 'n')
                ok = literal('null');
            else if (c === '-' || (c !== undefined && c >= '0' && c <= '9'))
                ok = number();
            else
                return fail(describe());
            if (!ok)
                return fail(describe());
            expectValue = false;
            continue;
        }
        const top = stack[stack.length - 1];
        if (top === undefined) {
            if (i < n)
                return fail(`${describe()} after the end of the JSON value`);
            return { kind: 'invalid', offset: n, what: 'no problem found' };
        }
        const c = text[i];
        if (c === ',') {
            i++;
            if (top === '{') {
                skip();
                if (text[i] !== '"')
                    return fail('expected a property name');
                if (!string())
                    return fail('bad string');
                skip();
                if (text[i] !== ':')
                    return fail('expected ":"');
                i++;
            }
            expectValue = true;
            continue;
        }
        if ((top === '{' && c === '}') || (top === '[' && c === ']')) {
            i++;
            stack.pop();
            continue;
        }
        return fail(top === '{' ? 'expected "," or "}"' : 'expected "," or "]"');
    }
}

/** The command whose output this reader expects, for hints. */
const DESCRIBE_COMMAND = 'aws cloudformation describe-change-set --change-set-name NAME --stack-name STACK --include-property-values';
const DESCRIBE_HINT = `run \`${DESCRIBE_COMMAND} > changeset.json\` and pass its whole output`;
/** What CloudFormation shows instead of a NoEcho parameter's value. */
const MASKED = '****';
/** What CloudFormation shows for a value it learns only during the deployment. */
const KNOWN_AFTER_APPLY = '{{changeSet:KNOWN_AFTER_APPLY}}';
/** Dynamic references whose resolved value is a secret (plain `ssm` is not). */
const SECRET_REFERENCES = ['{{resolve:secretsmanager:', '{{resolve:ssm-secure:'];
const STACK_TYPE$1 = 'AWS::CloudFormation::Stack';
const TRUNCATED_WARNING = '[WARN] --include-property-values';
const ACTIONS = [
    'Add',
    'Modify',
    'Remove',
    'Import',
    'Dynamic',
    'SyncWithActual'
];
const REPLACEMENTS = ['True', 'False', 'Conditional'];
const POLICY_ACTIONS = [
    'Delete',
    'Retain',
    'Snapshot',
    'ReplaceAndDelete',
    'ReplaceAndRetain',
    'ReplaceAndSnapshot'
];
const RECREATIONS = ['Never', 'Conditionally', 'Always'];
/** `Status` values of `describe-change-set` (the API reference's list). */
const STATUSES = [
    'CREATE_PENDING',
    'CREATE_IN_PROGRESS',
    'CREATE_COMPLETE',
    'DELETE_PENDING',
    'DELETE_IN_PROGRESS',
    'DELETE_COMPLETE',
    'DELETE_FAILED',
    'FAILED'
];
/**
 * True when a JSON document has the shape of `describe-change-set` output
 * (PascalCase, as the AWS CLI and SDKs write it), or of `create-change-set`
 * output, so that the reader can say what to run instead.
 */
function looksLikeChangeSet(doc) {
    if (!isRecord$2(doc))
        return false;
    if (Array.isArray(doc.Changes))
        return true;
    if (typeof doc.ChangeSetId === 'string')
        return true;
    if (typeof doc.StackId === 'string' && typeof doc.Status === 'string')
        return true;
    return (typeof doc.StackId === 'string' &&
        typeof doc.Id === 'string' &&
        doc.Id.includes(':changeSet/'));
}
/**
 * Checks that a document is a CloudFormation change set description,
 * classifies every change (an unknown action is an error: plangate does not
 * guess) and collects its secrets, so that secrets of every input can mask
 * every other input before anything is normalised.
 */
function readChangeSet(doc, source) {
    if (!isRecord$2(doc) || !looksLikeChangeSet(doc))
        throw notAChangeSet(doc, source);
    const status = stringAt(doc, 'Status');
    const statusReason = stringAt(doc, 'StatusReason');
    const rawChanges = doc.Changes;
    const warnings = [];
    let changes = [];
    if (rawChanges === undefined) {
        // A change set with nothing to do may come without the (empty) list.
        if (!isNoChanges(status, statusReason)) {
            throw new PlanParseError(source, 'a change set description with a "Changes" list', typeof doc.Id === 'string' && !('ChangeSetId' in doc)
                ? 'the output of `aws cloudformation create-change-set` (it only names the change set)'
                : `${describeJson(doc)} but no "Changes"`, `the right command is \`${DESCRIBE_COMMAND}\`; pass its whole output, not a --query of it`);
        }
    }
    else if (!Array.isArray(rawChanges)) {
        throw new PlanParseError(source, '"Changes" to be a list', describeKind(rawChanges), DESCRIBE_HINT);
    }
    else {
        changes = rawChanges.map((entry, i) => readChange(entry, i, source));
    }
    for (const change of changes) {
        if (change.resourceType === undefined) {
            warnings.push(`${source}: ${change.logicalId} has no ResourceType; it is shown with type "unknown"`);
        }
    }
    const executionStatus = stringAt(doc, 'ExecutionStatus');
    if (executionStatus?.startsWith('EXECUTE_') === true) {
        warnings.push(`${source}: the change set has already been executed or is being executed (ExecutionStatus ${executionStatus}); its changes may be live already`);
    }
    if (status?.startsWith('DELETE_') === true) {
        warnings.push(`${source}: the change set is deleted or being deleted (Status ${status}); it can no longer be executed`);
    }
    const nextToken = doc.NextToken;
    return {
        kind: 'cloudformation',
        source,
        doc: {
            changeSetId: stringAt(doc, 'ChangeSetId'),
            changeSetName: stringAt(doc, 'ChangeSetName'),
            stackId: stringAt(doc, 'StackId'),
            stackName: stringAt(doc, 'StackName'),
            status,
            statusReason,
            executionStatus,
            parentChangeSetId: stringAt(doc, 'ParentChangeSetId'),
            rootChangeSetId: stringAt(doc, 'RootChangeSetId'),
            hasMorePages: typeof nextToken === 'string' && nextToken !== '',
            changes
        },
        secrets: collectSecrets$1(doc, changes),
        warnings
    };
}
function notAChangeSet(doc, source) {
    const expected = 'a CloudFormation change set (the JSON output of `aws cloudformation describe-change-set`)';
    if (isRecord$2(doc) && ('changes' in doc || 'changeSetId' in doc)) {
        return new PlanParseError(source, expected, 'a change set with camelCase keys ("changes", "changeSetId")', `plangate reads the AWS CLI's PascalCase output: ${DESCRIBE_HINT}`);
    }
    return new PlanParseError(source, expected, describeJson(doc), DESCRIBE_HINT);
}
function isNoChanges(status, reason) {
    return (status === 'FAILED' &&
        reason !== undefined &&
        (reason.includes("didn't contain changes") ||
            reason.includes('No updates are to be performed')));
}
/**
 * Describes a value found where a list or an object belongs, without ever
 * quoting a string: unlike an enum field, such a place may hold content.
 */
function describeKind(value) {
    return typeof value === 'string' ? 'a string' : describeScalar(value);
}
function oneOf$2(values, value) {
    return (typeof value === 'string' && values.includes(value));
}
/** Reads an optional enum field; a value outside the enum is an error. */
function optionalEnum(record, key, values, where, source) {
    const value = record[key];
    if (value === undefined || value === null)
        return undefined;
    if (oneOf$2(values, value))
        return value;
    throw new PlanParseError(source, `${where}.${key} to be one of ${values.join(', ')}`, `${key} ${describeScalar(value)}`, 'plangate does not guess what an unknown value means for real infrastructure; upgrade plangate');
}
function readChange(entry, index, source) {
    const where = `Changes[${index}]`;
    if (!isRecord$2(entry)) {
        throw new PlanParseError(source, `${where} to be an object`, describeKind(entry));
    }
    if (entry.Type !== undefined && entry.Type !== 'Resource') {
        throw new PlanParseError(source, `${where}.Type to be "Resource"`, `Type ${describeScalar(entry.Type)}`, 'plangate does not guess what an unknown kind of change does; upgrade plangate');
    }
    const change = entry.ResourceChange;
    if (!isRecord$2(change)) {
        throw new PlanParseError(source, `${where}.ResourceChange to be an object`, describeKind(change));
    }
    const logicalId = change.LogicalResourceId;
    if (typeof logicalId !== 'string' || logicalId === '') {
        throw new PlanParseError(source, `${where}.ResourceChange.LogicalResourceId to be a non-empty string`, describeKind(logicalId));
    }
    const at = `${where}.ResourceChange (${logicalId})`;
    const action = change.Action;
    if (!oneOf$2(ACTIONS, action)) {
        throw new PlanParseError(source, `${at}.Action to be one of ${ACTIONS.join(', ')}`, `Action ${describeScalar(action)}`, 'plangate does not guess what an unknown action does to real infrastructure; upgrade plangate');
    }
    const replacement = optionalEnum(change, 'Replacement', REPLACEMENTS, at, source);
    const policyAction = optionalEnum(change, 'PolicyAction', POLICY_ACTIONS, at, source);
    const rawDetails = change.Details;
    if (rawDetails !== undefined && !Array.isArray(rawDetails)) {
        throw new PlanParseError(source, `${at}.Details to be a list`, describeKind(rawDetails));
    }
    const details = (rawDetails ?? []).map((detail, i) => readDetail(detail, `${at}.Details[${i}]`, source));
    const before = readContext(change, 'BeforeContext', at, source);
    const after = readContext(change, 'AfterContext', at, source);
    const read = {
        action,
        logicalId,
        physicalId: stringAt(change, 'PhysicalResourceId'),
        resourceType: stringAt(change, 'ResourceType'),
        replacement,
        policyAction,
        nestedChangeSetId: stringAt(change, 'ChangeSetId'),
        details,
        before,
        after
    };
    return { ...read, classification: classify(read, at, source) };
}
function readDetail(detail, where, source) {
    if (!isRecord$2(detail)) {
        throw new PlanParseError(source, `${where} to be an object`, describeKind(detail));
    }
    const target = recordAt(detail, 'Target') ?? {};
    return {
        attribute: stringAt(target, 'Attribute'),
        name: stringAt(target, 'Name'),
        requiresRecreation: optionalEnum(target, 'RequiresRecreation', RECREATIONS, `${where}.Target`, source),
        path: stringAt(target, 'Path'),
        beforeValue: stringAt(target, 'BeforeValue'),
        afterValue: stringAt(target, 'AfterValue'),
        attributeChangeType: stringAt(target, 'AttributeChangeType'),
        evaluation: stringAt(detail, 'Evaluation'),
        changeSource: stringAt(detail, 'ChangeSource'),
        causingEntity: stringAt(detail, 'CausingEntity')
    };
}
function readContext(change, key, where, source) {
    const text = change[key];
    if (text === undefined || text === null)
        return undefined;
    let parsed;
    if (typeof text === 'string') {
        // JSON inside a string never went through the file's nesting check.
        if (findDeepNesting(text, MAX_NESTING) !== -1)
            throw new PlanParseError(source, `${where}.${key} nested at most ${MAX_NESTING} levels deep`, `JSON nested deeper than ${MAX_NESTING} levels`);
        try {
            parsed = JSON.parse(text);
        }
        catch {
            parsed = undefined;
        }
    }
    if (!isRecord$2(parsed)) {
        throw new PlanParseError(source, `${where}.${key} to be a string holding a JSON object`, typeof text === 'string'
            ? 'a string that is not a JSON object'
            : describeKind(text));
    }
    return parsed;
}
/**
 * Maps CloudFormation's action, replacement and policy onto the model.
 * CloudFormation replaces by creating the new resource first; the
 * `UpdateReplacePolicy` (PolicyAction ReplaceAnd*) decides what becomes
 * of the old one, the `DeletionPolicy` (Delete/Retain/Snapshot) what a
 * removal does.
 */
function classify(change, where, source) {
    const plain = {
        conditional: false,
        keepsOld: false,
        snapshot: false,
        imported: false,
        destructive: false,
        basis: 'stated'
    };
    switch (change.action) {
        case 'Add':
            return { ...plain, action: 'create' };
        case 'SyncWithActual':
            return { ...plain, action: 'no-op' };
        case 'Import':
            // Adopts an existing resource; `Replacement: True` seen on imports is ignored.
            return {
                ...plain,
                action: change.details.length > 0 ? 'update' : 'no-op',
                imported: true
            };
        case 'Remove':
            switch (change.policyAction) {
                case undefined:
                case 'Delete':
                    return { ...plain, action: 'destroy', destructive: true };
                case 'Snapshot':
                    return {
                        ...plain,
                        action: 'destroy',
                        destructive: true,
                        snapshot: true
                    };
                case 'Retain':
                    return { ...plain, action: 'forget' };
                default:
                    throw policyMismatch(change, where, source);
            }
        case 'Modify':
        case 'Dynamic': {
            const inferred = inferReplacement(change.details);
            const replacement = change.replacement ?? inferred;
            const dynamic = change.action === 'Dynamic';
            const basis = dynamic
                ? 'dynamic'
                : change.replacement !== undefined
                    ? 'stated'
                    : inferred !== undefined
                        ? 'inferred-from-details'
                        : 'no-replacement-facts';
            if (replacement === 'False')
                return { ...plain, action: 'update', basis };
            // True, Conditional, or no facts at all: fail closed.
            const keepsOld = change.policyAction === 'ReplaceAndRetain';
            if (change.policyAction !== undefined &&
                !change.policyAction.startsWith('ReplaceAnd'))
                throw policyMismatch(change, where, source);
            return {
                ...plain,
                action: 'replace',
                conditional: dynamic || replacement !== 'True',
                keepsOld,
                snapshot: change.policyAction === 'ReplaceAndSnapshot',
                // The old resource survives, but a new, empty one takes its place.
                destructive: true,
                basis
            };
        }
    }
}
function policyMismatch(change, where, source) {
    const expected = change.action === 'Remove'
        ? 'Delete, Retain or Snapshot for a Remove'
        : 'ReplaceAndDelete, ReplaceAndRetain or ReplaceAndSnapshot for a replacement';
    return new PlanParseError(source, `${where}.PolicyAction to be ${expected}`, `PolicyAction "${change.policyAction ?? ''}"`, 'plangate does not guess what the policy does to the real resource; upgrade plangate');
}
const RECREATION_RANK = {
    Never: 0,
    Conditionally: 1,
    Always: 2
};
/**
 * CloudFormation's own rule, used when `Replacement` is missing: the most
 * intrusive detail decides; Always + Static is True, Always + Dynamic or
 * Conditionally is Conditional. Undefined when no detail says anything.
 */
function inferReplacement(details) {
    let result;
    for (const detail of details) {
        const recreation = detail.requiresRecreation;
        if (recreation === undefined)
            continue;
        if (recreation === 'Always' && detail.evaluation !== 'Dynamic')
            return 'True';
        if (recreation !== 'Never')
            result = 'Conditional';
        else
            result ??= 'False';
    }
    return result;
}
/**
 * Collects the values a change set holds that are secret although not
 * masked: values of parameters marked NoEcho (AWS masks them as `****`;
 * a tool that does not leaves a `NoEcho` marker), property values fed by a
 * NoEcho parameter, and plain values on the other side of a secret dynamic
 * reference (`{{resolve:secretsmanager:…}}`, `{{resolve:ssm-secure:…}}`).
 * The references themselves are not secret and stay visible.
 */
function collectSecrets$1(doc, changes) {
    const secrets = new Set();
    const noEcho = new Set();
    for (const parameter of arrayAt(doc, 'Parameters') ?? []) {
        if (!isRecord$2(parameter))
            continue;
        const value = parameter.ParameterValue;
        const marked = parameter.NoEcho === true || parameter.NoEcho === 'true';
        if (!marked && value !== MASKED)
            continue;
        const key = stringAt(parameter, 'ParameterKey');
        if (key !== undefined)
            noEcho.add(key);
        addLeaves(value, secrets);
        addLeaves(parameter.ResolvedValue, secrets);
    }
    for (const change of changes) {
        for (const detail of change.details) {
            const steps = detailSteps(detail);
            const contextBefore = valueAt$1(change.before, steps);
            const contextAfter = valueAt$1(change.after, steps);
            const fedByNoEcho = detail.changeSource === 'ParameterReference' &&
                detail.causingEntity !== undefined &&
                noEcho.has(detail.causingEntity);
            if (fedByNoEcho) {
                addLeaves(detail.beforeValue, secrets);
                addLeaves(detail.afterValue, secrets);
                addLeaves(contextBefore, secrets);
                addLeaves(contextAfter, secrets);
                continue;
            }
            const references = [
                detail.beforeValue,
                detail.afterValue,
                contextBefore,
                contextAfter
            ].some(holdsSecretReference);
            if (references) {
                for (const value of [detail.beforeValue, detail.afterValue])
                    if (!holdsSecretReference(value))
                        addLeaves(value, secrets);
            }
        }
        collectBesideReferences(change.before, change.after, secrets);
    }
    return secrets;
}
/** Placeholders that stand for a value but are none: never secrets. */
function isPlaceholder(value) {
    return value === '' || value === MASKED || value === KNOWN_AFTER_APPLY;
}
function holdsSecretReference(value) {
    if (typeof value === 'string')
        return SECRET_REFERENCES.some((prefix) => value.includes(prefix));
    if (Array.isArray(value))
        return value.some(holdsSecretReference);
    if (isRecord$2(value))
        return Object.values(value).some(holdsSecretReference);
    return false;
}
/** Adds every leaf string of a value, except placeholders and references. */
function addLeaves(value, into) {
    if (typeof value === 'string') {
        if (!isPlaceholder(value) && !holdsSecretReference(value))
            into.add(value);
        return;
    }
    if (typeof value === 'number') {
        into.add(String(value));
        return;
    }
    if (Array.isArray(value)) {
        for (const item of value)
            addLeaves(item, into);
        return;
    }
    if (isRecord$2(value))
        for (const item of Object.values(value))
            addLeaves(item, into);
}
/** Walks both contexts side by side; a plain value facing a secret reference is secret. */
function collectBesideReferences(before, after, into) {
    if (before === undefined || after === undefined)
        return;
    if (isRecord$2(before) && isRecord$2(after)) {
        for (const key of new Set([...Object.keys(before), ...Object.keys(after)]))
            collectBesideReferences(before[key], after[key], into);
        return;
    }
    if (Array.isArray(before) && Array.isArray(after)) {
        const n = Math.max(before.length, after.length);
        for (let i = 0; i < n; i++)
            collectBesideReferences(before[i], after[i], into);
        return;
    }
    const beforeRef = holdsSecretReference(before);
    const afterRef = holdsSecretReference(after);
    if (beforeRef && !afterRef)
        addLeaves(after, into);
    if (afterRef && !beforeRef)
        addLeaves(before, into);
}
/** The path steps of a detail inside a context: `/Properties/Tags/1` → Properties, Tags, 1. */
function detailSteps(detail) {
    if (detail.path !== undefined && detail.path.startsWith('/')) {
        return detail.path
            .slice(1)
            .split('/')
            .map((step) => step.replace(/~1/g, '/').replace(/~0/g, '~'))
            .map((step) => (/^\d+$/.test(step) ? Number(step) : step));
    }
    return propertySteps(detail);
}
/** The steps of the top-level property a detail is about. */
function propertySteps(detail) {
    switch (detail.attribute) {
        case 'Properties':
            return detail.name === undefined
                ? ['Properties']
                : ['Properties', detail.name];
        case 'Tags':
            return ['Properties', 'Tags'];
        case undefined:
            return detail.name === undefined ? [] : ['Properties', detail.name];
        default:
            return [detail.attribute];
    }
}
function valueAt$1(value, steps) {
    let current = value;
    for (const step of steps) {
        if (Array.isArray(current) && typeof step === 'number')
            current = current[step];
        else if (isRecord$2(current))
            current = current[String(step)];
        else
            return undefined;
    }
    return current;
}
/** Reads `Resources.*.Metadata["aws:cdk:path"]` of a template: logical ID → CDK construct path. */
function constructPaths(template) {
    const paths = new Map();
    const resources = isRecord$2(template)
        ? recordAt(template, 'Resources')
        : undefined;
    for (const [logicalId, resource] of Object.entries(resources ?? {})) {
        const metadata = isRecord$2(resource)
            ? recordAt(resource, 'Metadata')
            : undefined;
        const path = metadata === undefined ? undefined : stringAt(metadata, 'aws:cdk:path');
        if (path !== undefined)
            paths.set(logicalId, path);
    }
    return paths;
}
/**
 * Turns checked change sets into plans: one per root change set, in input
 * order, with the changes of its nested change sets under their nested-stack
 * path. A nested stack whose changes are unknown makes the plan incomplete.
 * `labels` maps StackName (or `*`, for any stack) → LogicalResourceId → CDK
 * construct path; the `aws:cdk:path` metadata in the contexts is the fallback.
 */
function normalizeChangeSets(inputs, redactor, labels) {
    const units = groupUnits(inputs);
    const { parents, children, linkWarnings } = linkUnits(units);
    const visited = new Set();
    const plans = [];
    for (const unit of units) {
        if (visited.has(unit))
            continue;
        const link = parents.get(unit);
        // A unit whose parent is given is reached from its root; one left over
        // after every root was walked sits in a cycle of parent links.
        if (link !== undefined && !isInCycle(unit, parents))
            continue;
        const state = {
            redactor,
            labels,
            children,
            visited,
            changes: [],
            notes: [],
            warnings: [...(linkWarnings.get(unit) ?? [])],
            dynamic: [],
            errored: false,
            applyable: true,
            complete: true
        };
        if (link !== undefined) {
            state.warnings.push(`${unit.inputs[0]?.source ?? ''}: the parent links of the nested change sets form a cycle; this change set is shown as a root`);
        }
        else {
            const parentId = unit.doc.parentChangeSetId ?? nonSelfRoot(unit.doc);
            if (parentId !== undefined) {
                state.warnings.push(`${sourcesOf(unit)}: a nested change set given without its parent change set (${parentId}); its changes are shown on their own, and the root change set's changes are not checked`);
            }
        }
        walkUnit(unit, '', state, linkWarnings);
        plans.push(buildPlan(unit, state));
    }
    return plans;
}
function nonSelfRoot(doc) {
    return doc.rootChangeSetId !== undefined &&
        doc.rootChangeSetId !== doc.changeSetId
        ? doc.rootChangeSetId
        : undefined;
}
function isInCycle(unit, parents) {
    const seen = new Set();
    let current = unit;
    while (current !== undefined) {
        if (seen.has(current))
            return true;
        seen.add(current);
        current = parents.get(current)?.parent;
    }
    return false;
}
function sourcesOf(unit) {
    return unit.inputs.map((input) => input.source).join(', ');
}
/** Puts descriptions of the same change set (same ChangeSetId) together, in input order. */
function groupUnits(inputs) {
    const units = [];
    const byId = new Map();
    for (const input of inputs) {
        const id = input.doc.changeSetId;
        const existing = id === undefined ? undefined : byId.get(id);
        if (existing === undefined) {
            const unit = {
                inputs: [input],
                doc: input.doc,
                changes: [...input.doc.changes],
                conflicts: []
            };
            units.push(unit);
            if (id !== undefined)
                byId.set(id, unit);
            continue;
        }
        existing.inputs.push(input);
        const position = new Map(existing.changes.map((c, i) => [c.logicalId, i]));
        for (const change of input.doc.changes) {
            const i = position.get(change.logicalId);
            if (i === undefined) {
                position.set(change.logicalId, existing.changes.length);
                existing.changes.push(change);
                continue;
            }
            const known = existing.changes[i];
            if (!sameClassification(known, change))
                existing.conflicts.push(change.logicalId);
            // Prefer the description that carries property values.
            if (!hasValues(known) && hasValues(change))
                existing.changes[i] = change;
        }
    }
    return units;
}
function sameClassification(a, b) {
    const x = a.classification;
    const y = b.classification;
    return (a.action === b.action &&
        x.action === y.action &&
        x.conditional === y.conditional &&
        x.keepsOld === y.keepsOld &&
        x.snapshot === y.snapshot);
}
function hasValues(change) {
    return change.before !== undefined || change.after !== undefined;
}
/**
 * Finds each nested change set's parent: the parent's
 * `AWS::CloudFormation::Stack` change names it by ChangeSetId (or by the
 * nested stack's StackId as its physical ID); failing that, the nested
 * change set's ParentChangeSetId names the parent.
 */
function linkUnits(units) {
    const byId = new Map();
    for (const unit of units)
        if (unit.doc.changeSetId !== undefined)
            byId.set(unit.doc.changeSetId, unit);
    const parents = new Map();
    const children = new Map();
    const linkWarnings = new Map();
    const link = (child, parent, logicalId) => {
        if (child === parent || parents.has(child))
            return false;
        const siblings = children.get(parent) ?? new Map();
        if (siblings.has(logicalId))
            return false;
        siblings.set(logicalId, child);
        children.set(parent, siblings);
        parents.set(child, { parent, logicalId });
        return true;
    };
    for (const parent of units) {
        for (const change of parent.changes) {
            if (change.resourceType !== STACK_TYPE$1)
                continue;
            let child = change.nestedChangeSetId === undefined
                ? undefined
                : byId.get(change.nestedChangeSetId);
            child ??= units.find((u) => u !== parent &&
                change.physicalId !== undefined &&
                u.doc.stackId === change.physicalId &&
                (u.doc.parentChangeSetId === undefined ||
                    u.doc.parentChangeSetId === parent.doc.changeSetId));
            if (child !== undefined)
                link(child, parent, change.logicalId);
        }
    }
    for (const child of units) {
        if (parents.has(child))
            continue;
        const parentId = child.doc.parentChangeSetId;
        const parent = parentId === undefined ? undefined : byId.get(parentId);
        if (parent === undefined)
            continue;
        const name = child.doc.stackName ?? child.doc.changeSetName ?? 'nested';
        if (link(child, parent, name)) {
            const warnings = linkWarnings.get(parent) ?? [];
            warnings.push(`${sourcesOf(child)}: no AWS::CloudFormation::Stack change of the parent change set points at this nested change set; its changes are listed under the nested stack's name ${name}`);
            linkWarnings.set(parent, warnings);
        }
    }
    return { parents, children, linkWarnings };
}
function joinModule(module, logicalId) {
    return module === '' ? logicalId : `${module}/${logicalId}`;
}
function walkUnit(unit, module, state, linkWarnings) {
    state.visited.add(unit);
    if (module !== '')
        state.warnings.push(...(linkWarnings.get(unit) ?? []));
    unitProblems(unit, module, state);
    const nested = state.children.get(unit);
    for (const change of unit.changes) {
        const child = nested?.get(change.logicalId);
        const childModule = joinModule(module, change.logicalId);
        const normalized = normalizeChange(change, unit, module, state, child === undefined ? undefined : childModule);
        state.changes.push(normalized);
        if (change.action === 'Dynamic')
            state.dynamic.push(normalized.address);
        if (change.resourceType !== STACK_TYPE$1)
            continue;
        if (child !== undefined) {
            if (!state.visited.has(child))
                walkUnit(child, childModule, state, linkWarnings);
            continue;
        }
        missingNested(change, childModule, state);
    }
    // Nested change sets linked only by their ParentChangeSetId.
    for (const [name, child] of nested ?? []) {
        if (!state.visited.has(child))
            walkUnit(child, joinModule(module, name), state, linkWarnings);
    }
}
function missingNested(change, module, state) {
    const { redactor } = state;
    const stack = `\`${module}\``;
    if (change.action === 'Modify' || change.action === 'Dynamic') {
        state.complete = false;
        state.notes.push(redactor.text(change.nestedChangeSetId === undefined
            ? `nested stack ${stack} changes, but the change set was made without nested change sets (no ChangeSetId), so what changes inside it is unknown: create the change set with \`--include-nested-stacks\` and pass every nested change set`
            : `nested stack ${stack} changes, but its nested change set was not given: run \`aws cloudformation describe-change-set --change-set-name ${change.nestedChangeSetId} --include-property-values\` and pass that file too`));
    }
    else if (change.action === 'Add') {
        state.warnings.push(`the resources of the new nested stack ${stack} are not listed (its nested change set was not given); a new stack only creates resources`);
    }
}
/** Plan-level problems of one change set (and its other descriptions). */
function unitProblems(unit, module, state) {
    const { redactor } = state;
    const where = module === '' ? '' : `nested stack \`${module}\` (${sourcesOf(unit)}): `;
    const notes = new Set();
    for (const input of unit.inputs) {
        const { status, statusReason, executionStatus } = input.doc;
        const reason = statusReason === undefined ? '' : `: ${truncate(statusReason, 300)}`;
        if (status === 'FAILED') {
            if (isNoChanges(status, statusReason)) {
                if (input.doc.changes.length > 0) {
                    state.errored = true;
                    notes.add(`CloudFormation says the change set has no changes (Status FAILED${reason}) yet lists ${input.doc.changes.length}; describe it again`);
                }
            }
            else {
                state.errored = true;
                state.applyable = false;
                notes.add(`CloudFormation could not create the change set (Status FAILED${reason}): the changes it lists, if any, are not what a deployment would do`);
            }
        }
        else if (status === 'CREATE_PENDING' || status === 'CREATE_IN_PROGRESS') {
            state.complete = false;
            notes.add(`CloudFormation had not finished computing the change set (Status ${status}) when it was described, so its list of changes may be partial: run \`aws cloudformation wait change-set-create-complete\` first, then describe it again`);
        }
        else if (status === undefined) {
            state.complete = false;
            notes.add('the change set has no Status, so plangate cannot tell whether CloudFormation finished computing it: pass the whole `describe-change-set` output');
        }
        else if (!oneOf$2(STATUSES, status)) {
            state.complete = false;
            notes.add(`the change set has a Status plangate does not know (${describeScalar(status)}); upgrade plangate`);
        }
        if (executionStatus === 'OBSOLETE') {
            state.applyable = false;
            notes.add('the change set is obsolete (ExecutionStatus OBSOLETE): the stack changed after it was made, so it no longer shows what a deployment would do; create a new change set');
        }
    }
    if (unit.inputs.some((input) => input.doc.hasMorePages)) {
        state.complete = false;
        notes.add('the change set has more pages (NextToken is set) and plangate cannot check that every page is here: pass every page, or better describe it with the AWS CLI without `--no-paginate` or `--max-items`, which fetches every page and merges them into one document');
    }
    const truncated = unit.inputs.map((input) => input.doc.statusReason?.startsWith(TRUNCATED_WARNING) === true);
    if (truncated.every(Boolean)) {
        state.complete = false;
        notes.add('CloudFormation left resources out of this description because reading their property values failed (StatusReason starts with "[WARN] --include-property-values"): describe the change set again without `--include-property-values` and pass both files');
    }
    else if (truncated.some(Boolean)) {
        state.warnings.push(`${sourcesOf(unit)}: one description lacks some resources' property values ("[WARN] --include-property-values"); the other description fills in the resources it left out`);
    }
    if (unit.conflicts.length > 0) {
        state.complete = false;
        notes.add(`the descriptions of one change set (${sourcesOf(unit)}) disagree about ${listCode(unit.conflicts)}: describe it once more and pass one file`);
    }
    if (unit.inputs.length > 1 && truncated.every((t) => !t)) {
        state.warnings.push(`${sourcesOf(unit)}: these files describe the same change set (same ChangeSetId); their changes are merged`);
    }
    for (const input of unit.inputs)
        state.warnings.push(...input.warnings);
    for (const note of notes)
        state.notes.push(redactor.text(where + note));
}
function truncate(text, max) {
    const oneLine = text.replace(/\s+/g, ' ').trim();
    return oneLine.length <= max ? oneLine : `${oneLine.slice(0, max - 1)}…`;
}
function listCode(items) {
    const shown = items
        .slice(0, 3)
        .map((item) => `\`${item}\``)
        .join(', ');
    return items.length > 3 ? `${shown} and ${items.length - 3} more` : shown;
}
function buildPlan(root, state) {
    const notes = [...state.notes];
    if (state.dynamic.length > 0) {
        state.complete = false;
        notes.push(`CloudFormation cannot tell before deploying what it will do to ${listCode(state.dynamic)} (action Dynamic): the change set does not show the real change, so plangate cannot pass it`);
    }
    return {
        source: root.inputs[0]?.source ?? '-',
        ...(root.doc.stackName === undefined ? {} : { stack: root.doc.stackName }),
        format: 'cloudformation',
        formatVersion: 'describe-change-set',
        // CloudFormation is a service without a version; renderers then show just its name.
        toolVersion: 'unknown',
        mode: 'normal',
        changes: state.changes,
        drift: [],
        outputs: [],
        checks: [],
        ...(notes.length === 0
            ? {}
            : {
                incomplete: {
                    errored: state.errored,
                    applyable: state.applyable,
                    complete: state.complete,
                    notes
                }
            }),
        targeted: false,
        warnings: state.warnings.map((w) => state.redactor.text(w))
    };
}
const NO_ATTRIBUTES$2 = Object.freeze([]);
function normalizeChange(change, unit, module, state, childModule) {
    const { redactor } = state;
    const shape = change.classification;
    const properties = summarizeDetails(change.details);
    const replacePaths = shape.action === 'replace' ? forcingPaths(properties, shape) : [];
    const result = {
        address: joinModule(module, change.logicalId),
        type: change.resourceType ?? 'unknown',
        name: change.logicalId,
        module,
        provider: 'aws',
        mode: 'managed',
        action: shape.action,
        imported: shape.imported,
        replacePaths: redactor.active
            ? replacePaths.map((p) => redactor.text(p))
            : replacePaths,
        destructive: shape.destructive,
        attributes: attributesOf(change, redactor, replacePaths)
    };
    if (shape.action === 'replace') {
        result.replaceOrder = 'create-first';
        if (shape.keepsOld)
            result.keepsOld = true;
        if (shape.conditional)
            result.conditional = true;
    }
    if (shape.snapshot)
        result.snapshot = true;
    if (shape.imported && change.physicalId !== undefined)
        result.importId = redactor.text(change.physicalId);
    const label = state.labels?.get(unit.doc.stackName ?? '')?.get(change.logicalId) ??
        state.labels?.get('*')?.get(change.logicalId) ??
        cdkPath(change.after) ??
        cdkPath(change.before);
    if (label !== undefined)
        result.label = redactor.text(label);
    const reason = rawReason(change);
    if (reason !== undefined)
        result.reason = redactor.text(reason);
    const explanation = explain(change, properties, childModule);
    if (explanation !== undefined)
        result.explanation = redactor.text(explanation);
    return result;
}
function cdkPath(context) {
    const metadata = context === undefined ? undefined : recordAt(context, 'Metadata');
    return metadata === undefined ? undefined : stringAt(metadata, 'aws:cdk:path');
}
/** The tool's facts, verbatim and compact: action, replacement, policy, each detail. */
function rawReason(change) {
    if (change.action === 'Add' && change.details.length === 0)
        return undefined;
    const head = [change.action];
    if (change.replacement !== undefined)
        head.push(`Replacement=${change.replacement}`);
    if (change.policyAction !== undefined)
        head.push(`PolicyAction=${change.policyAction}`);
    const parts = new Set();
    for (const detail of change.details) {
        const target = detail.name ?? detail.path ?? detail.attribute ?? '?';
        const facts = [detail.evaluation, detail.changeSource, detail.causingEntity]
            .filter((f) => f !== undefined)
            .join(', ');
        parts.add(`${target} RequiresRecreation=${detail.requiresRecreation ?? '?'}${facts === '' ? '' : ` (${facts})`}`);
    }
    return [head.join(' '), ...parts].join('; ');
}
/**
 * Groups details by property: one property can appear twice (a Dynamic and
 * a Static evaluation). The strongest RequiresRecreation wins. The
 * `Automatic` detail of a nested stack names no property and is left out.
 */
function summarizeDetails(details) {
    const byName = new Map();
    for (const detail of details) {
        if (detail.changeSource === 'Automatic' && detail.name === undefined)
            continue;
        const steps = propertySteps(detail);
        const fromPath = detailSteps(detail)[1];
        const name = detail.name ??
            (detail.attribute === 'Tags' ? 'Tags' : undefined) ??
            (typeof fromPath === 'string' ? fromPath : undefined) ??
            detail.attribute ??
            'a property';
        let property = byName.get(name);
        if (property === undefined) {
            property = {
                name,
                path: formatPath(steps),
                recreation: undefined,
                staticSeen: false,
                sources: []
            };
            byName.set(name, property);
        }
        const recreation = detail.requiresRecreation;
        if (recreation !== undefined &&
            (property.recreation === undefined ||
                RECREATION_RANK[recreation] > RECREATION_RANK[property.recreation]))
            property.recreation = recreation;
        if (detail.evaluation !== 'Dynamic')
            property.staticSeen = true;
        const words = sourceWords(detail);
        if (words !== undefined && !property.sources.includes(words))
            property.sources.push(words);
    }
    return [...byName.values()];
}
function sourceWords(detail) {
    const entity = detail.causingEntity === undefined
        ? undefined
        : `\`${detail.causingEntity}\``;
    switch (detail.changeSource) {
        case undefined:
            return undefined;
        case 'DirectModification':
            return 'direct modification';
        case 'ResourceReference':
            return entity === undefined
                ? 'a referenced resource changed'
                : `reference to resource ${entity}`;
        case 'ParameterReference':
            return entity === undefined
                ? 'a parameter changed'
                : `parameter ${entity}`;
        case 'ResourceAttribute':
            return entity === undefined
                ? 'a resource attribute changed'
                : `attribute ${entity}`;
        case 'Automatic':
            return 'automatic nested stack update';
        case 'NoModification':
            return 'no modification';
        default:
            return `change source ${describeScalar(detail.changeSource)}`;
    }
}
function forcingPaths(properties, shape) {
    return properties
        .filter((p) => p.recreation === 'Always' ||
        (shape.conditional && p.recreation === 'Conditionally'))
        .map((p) => p.path);
}
function describeProperty(property) {
    const facts = [
        property.recreation === undefined || property.recreation === 'Never'
            ? undefined
            : `requires recreation: ${property.recreation}`,
        ...property.sources,
        property.staticSeen ? undefined : 'known only during the deployment'
    ].filter((f) => f !== undefined);
    return `\`${property.name}\` changed${facts.length === 0 ? '' : ` (${facts.join(', ')})`}`;
}
function listProperties(properties) {
    const shown = properties.slice(0, 3).map(describeProperty).join(', ');
    return properties.length > 3
        ? `${shown} and ${properties.length - 3} more`
        : shown;
}
function replacementWords(policy) {
    switch (policy) {
        case 'ReplaceAndRetain':
            return 'CloudFormation creates the new resource first and keeps the old one, which it stops managing (UpdateReplacePolicy Retain)';
        case 'ReplaceAndSnapshot':
            return 'CloudFormation creates the new resource first, then takes a final snapshot of the old one and deletes it (UpdateReplacePolicy Snapshot)';
        default:
            return 'CloudFormation creates the new resource first, then deletes the old one';
    }
}
function explain(change, properties, childModule) {
    const shape = change.classification;
    const isStack = change.resourceType === STACK_TYPE$1;
    const nestedAutomatic = change.details.some((d) => d.changeSource === 'Automatic' && d.name === undefined);
    const nested = childModule === undefined
        ? ''
        : `; the nested stack's own changes are listed under \`${childModule}/\``;
    switch (change.action) {
        case 'Add':
            return childModule === undefined
                ? undefined
                : `creates a nested stack${nested}`;
        case 'SyncWithActual':
            return 'not changed: CloudFormation only updates its record of the resource to match the actual resource (SyncWithActual)';
        case 'Import':
            return shape.action === 'update'
                ? `imported: CloudFormation adopts the existing resource, then updates it in place: ${listProperties(properties)}`
                : 'imported: CloudFormation adopts the existing resource and starts managing it; nothing is created or deleted';
        case 'Remove': {
            const gone = 'it is no longer in the template (or its Condition is now false)';
            const everything = isStack
                ? '; deleting a nested stack deletes every resource in it'
                : '';
            switch (change.policyAction) {
                case 'Retain':
                    return `forgotten: ${gone}, and its DeletionPolicy Retain keeps the real resource, which CloudFormation stops managing`;
                case 'Snapshot':
                    return `destroyed after a final snapshot is taken (DeletionPolicy Snapshot): ${gone}${everything}`;
                default:
                    return `destroyed: ${gone}${change.policyAction === 'Delete' ? ' and its DeletionPolicy is Delete' : ''}${everything}`;
            }
        }
    }
    const automatic = nestedAutomatic && properties.length === 0
        ? 'the nested stack is updated (automatic)'
        : undefined;
    if (shape.action === 'update') {
        const what = properties.length > 0 ? listProperties(properties) : automatic;
        if (change.action === 'Dynamic') {
            return `CloudFormation cannot tell before deploying what happens to this resource (action Dynamic)${what === undefined ? '' : `: ${what}`}; it reports no replacement${nested}`;
        }
        return what === undefined ? undefined : `updated in place: ${what}${nested}`;
    }
    const forcing = properties.filter((p) => p.recreation === 'Always' ||
        (shape.conditional && p.recreation === 'Conditionally'));
    const because = forcing.length > 0 ? listProperties(forcing) : listProperties(properties);
    const policy = replacementWords(change.policyAction);
    const whole = isStack
        ? '; replacing a nested stack replaces every resource in it'
        : '';
    switch (shape.basis) {
        case 'dynamic':
            return `CloudFormation cannot tell before deploying what happens to this resource (action Dynamic)${properties.length > 0 ? `: ${because}` : ''}; plangate counts it as a possible replacement${whole}${nested}`;
        case 'no-replacement-facts':
            return `CloudFormation gives no Replacement value for this change, so plangate counts it as a possible replacement${whole}${nested}`;
    }
    if (shape.conditional) {
        return `may be replaced because ${properties.length > 0 ? because : 'a property changed'}: CloudFormation decides only during the deployment, so plangate counts it as a replacement; if replaced, ${policy}${whole}${nested}`;
    }
    if (forcing.length === 0) {
        return `replaced (CloudFormation names no property that requires it); ${policy}${whole}${nested}`;
    }
    return `replaced because ${because}; ${policy}${whole}${nested}`;
}
/**
 * Attribute diffs, in paths like `Properties.BucketName`,
 * `Metadata["aws:asset:path"]` and `DeletionPolicy`: from the whole resource
 * contexts (less the CDK construct path) when both sides are there, else
 * from each detail's values.
 * `****` (NoEcho) is sensitive; `{{changeSet:KNOWN_AFTER_APPLY}}` unknown.
 */
function attributesOf(change, redactor, replacePaths) {
    const shape = change.classification;
    if (shape.action === 'no-op' || shape.action === 'forget')
        return NO_ATTRIBUTES$2;
    const { before, after } = change;
    const useContexts = change.action === 'Add'
        ? after !== undefined
        : change.action === 'Remove'
            ? before !== undefined
            : before !== undefined && after !== undefined;
    if (useContexts) {
        return diffAttributes(sideOf(change.action === 'Add' ? undefined : withoutCdkPath(before)), sideOf(change.action === 'Remove' ? undefined : withoutCdkPath(after)), redactor, replacePaths);
    }
    const out = [];
    const seen = new Set();
    for (const detail of change.details) {
        if (detail.beforeValue === undefined && detail.afterValue === undefined)
            continue;
        const path = formatPath(detailSteps(detail));
        if (seen.has(path))
            continue;
        seen.add(path);
        const beforeAbsent = detail.attributeChangeType === 'Add' || detail.beforeValue === undefined;
        const afterAbsent = detail.attributeChangeType === 'Remove' || detail.afterValue === undefined;
        out.push(...diffAttributes(sideOf(beforeAbsent ? undefined : parseValue(detail.beforeValue)), sideOf(afterAbsent ? undefined : parseValue(detail.afterValue)), redactor, replacePaths, path));
    }
    return out;
}
/**
 * Drops `Metadata["aws:cdk:path"]`: CDK writes it on every resource, and it
 * is shown as the change's label already. The rest of Metadata stays
 * (`AWS::CloudFormation::Init` lives there).
 */
function withoutCdkPath(context) {
    const metadata = context === undefined ? undefined : recordAt(context, 'Metadata');
    if (context === undefined || metadata?.['aws:cdk:path'] === undefined)
        return context;
    const { 'aws:cdk:path': _path, ...rest } = metadata;
    const { Metadata: _metadata, ...others } = context;
    return Object.keys(rest).length === 0 ? others : { ...others, Metadata: rest };
}
/** Detail values are strings, JSON text for objects and lists. */
function parseValue(value) {
    if (value === undefined)
        return undefined;
    const head = value.trimStart()[0];
    if (head !== '{' && head !== '[')
        return value;
    // Too deep to walk safely: shown as the text it is.
    if (findDeepNesting(value, MAX_NESTING) !== -1)
        return value;
    try {
        return JSON.parse(value);
    }
    catch {
        return value;
    }
}
function sideOf(value) {
    return {
        value,
        sensitive: maskWhere(value, (s) => s === MASKED),
        unknown: maskWhere(value, (s) => s === KNOWN_AFTER_APPLY),
        absent: value === undefined
    };
}
/** A mask in the shape of `value` marking the string leaves `test` picks. */
function maskWhere(value, test) {
    if (typeof value === 'string')
        return test(value);
    if (Array.isArray(value))
        return value.map((item) => maskWhere(item, test));
    if (isRecord$2(value)) {
        // Keys come from the input: `__proto__` must stay a key.
        const mask = Object.create(null);
        for (const [key, item] of Object.entries(value))
            mask[key] = maskWhere(item, test);
        return mask;
    }
    return false;
}

/**
 * Reader of the `pulumi preview --json` digest (pkg/display PreviewDigest):
 * `{config, steps[], diagnostics[], duration, changeSummary, maybeCorrupt}`.
 *
 * Decisions where Pulumi's docs are silent:
 * - Address: the URN without `urn:pulumi:<stack>::<project>::`, that is
 *   `<qualified type>::<name>` (`aws:s3/bucket:Bucket::logs`, or
 *   `my:web:Site$aws:s3/bucket:Bucket::logs` under a component). It is unique
 *   within a stack and the full URN can be rebuilt from it.
 * - Module: the address of the parent component, '' under the stack.
 * - A `replace` without its `create-replacement`/`delete-replaced` steps
 *   (the default: no `--show-replacement-steps`) does not say its order;
 *   plangate assumes delete first, the more disruptive order, and warns.
 * - Deleting a provider instance (`pulumi:providers:*`) or a component (the
 *   stack included, `custom: false`) calls no cloud API: it is a `forget`,
 *   and replacing one is a replace that keeps the old object. The resources
 *   under them carry their own steps.
 * - Error diagnostics (a protected delete or replace, a provider error)
 *   make the plan incomplete: `pulumi up` would fail and the preview may
 *   have stopped early. Warning diagnostics become warnings; info and debug
 *   messages (program output) are left out.
 * - The `--output json` summary (counts only) and engine event streams are
 *   explained with a PlanParseError, never read: they carry no diffs and no
 *   protect/retainOnDelete flags.
 * - Stack outputs come from the root stack step only when its new state
 *   carries `outputs`; the digest normally has none (Pulumi registers them
 *   after the step is reported), so `outputs` is usually empty.
 */
/** Every step op of pkg/resource/deploy/step.go plangate knows. */
const PULUMI_STEP_OPS = [
    'same',
    'create',
    'update',
    'delete',
    'replace',
    'create-replacement',
    'delete-replaced',
    'read',
    'read-replacement',
    'refresh',
    'discard',
    'discard-replaced',
    'remove-pending-replace',
    'import',
    'import-replacement',
    'diff',
    'extend-parameterize'
];
const KNOWN_OPS = new Set(PULUMI_STEP_OPS);
/** What Pulumi writes in place of a secret in the digest. */
const SECRET_TEXT = '[secret]';
/** The key that marks Pulumi's special objects, and the value that makes one a secret. */
const SIG_KEY = '4dabf18193072939515e22adb298388d';
const SECRET_SIG = '1b47061264138c4ac30d75fd1eb44270';
/** What Pulumi writes for a value known only after the update. */
const UNKNOWN_SENTINEL = '04da6b54-80e4-46f7-96ec-b56ff0331ba9';
const URN_PREFIX = 'urn:pulumi:';
const STACK_TYPE = 'pulumi:pulumi:Stack';
const PROVIDER_TYPE_PREFIX = 'pulumi:providers:';
const EXPECTED = 'a Pulumi preview digest (from `pulumi preview --json`)';
const DIGEST_HINT = 'run `pulumi preview --json > preview.json` (the digest) and pass that file';
/** Top-level keys of an engine event (apitype.EngineEvent), one per line of an event log. */
function isEngineEvent(value) {
    if (!isRecord$2(value))
        return false;
    if (typeof value.sequence !== 'number' && typeof value.timestamp !== 'number')
        return false;
    return Object.keys(value).some((key) => key.endsWith('Event') && isRecord$2(value[key]));
}
function hasPulumiUrn(list) {
    return (list ?? []).some((entry) => isRecord$2(entry) &&
        typeof entry.urn === 'string' &&
        entry.urn.startsWith(URN_PREFIX));
}
/** The one-line `--output json` summary: `{result, duration, summary}` (some versions add `resources`). */
function isOutputJsonSummary(doc) {
    return (typeof doc.result === 'string' &&
        !('steps' in doc) &&
        (isRecord$2(doc.summary) || hasPulumiUrn(arrayAt(doc, 'resources'))));
}
function isPreviewDiagnostic(entry) {
    return (isRecord$2(entry) &&
        typeof entry.severity === 'string' &&
        typeof entry.message === 'string');
}
/**
 * True when a JSON document is a Pulumi preview digest (`steps[]` with
 * Pulumi URNs, or a `changeSummary`), or another Pulumi output that
 * `readPulumiPreview` explains instead of reading: the `--output json`
 * summary, one engine event, a preview that failed before its first step.
 */
function looksLikePulumiPreview(doc) {
    if (!isRecord$2(doc))
        return false;
    if (hasPulumiUrn(arrayAt(doc, 'steps')))
        return true;
    if (isRecord$2(doc.changeSummary))
        return true;
    if (isOutputJsonSummary(doc) || isEngineEvent(doc))
        return true;
    const diagnostics = arrayAt(doc, 'diagnostics');
    return (diagnostics !== undefined &&
        diagnostics.length > 0 &&
        diagnostics.every(isPreviewDiagnostic) &&
        !('format_version' in doc));
}
/**
 * True for a Pulumi engine event log (NDJSON: `--event-log`, the streaming
 * `--json` preview, Automation API events): the first lines are JSON objects
 * with `sequence`/`timestamp` and an `…Event` payload. Only the first three
 * non-empty lines are parsed, so it is cheap on a large log.
 */
function looksLikePulumiEventStream(text) {
    let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let seen = 0;
    while (seen < 3 && start < text.length) {
        let end = text.indexOf('\n', start);
        if (end === -1)
            end = text.length;
        const line = text.slice(start, end).trim();
        start = end + 1;
        if (line === '')
            continue;
        if (!line.startsWith('{'))
            return false;
        let value;
        try {
            value = JSON.parse(line);
        }
        catch {
            return false;
        }
        if (!isEngineEvent(value))
            return false;
        seen++;
    }
    return seen > 0;
}
/**
 * Checks that a document is a Pulumi preview digest and collects its
 * secrets. Separate from normalisation so that the secrets of every input
 * plan can mask every other plan.
 */
function readPulumiPreview(doc, source) {
    if (!isRecord$2(doc)) {
        throw new PlanParseError(source, EXPECTED, describeJson(doc), DIGEST_HINT);
    }
    const rawSteps = doc.steps;
    if (rawSteps === undefined || rawSteps === null)
        throw noSteps(doc, source);
    if (!Array.isArray(rawSteps)) {
        throw new PlanParseError(source, '"steps" to be an array', describeScalar(rawSteps));
    }
    const steps = rawSteps.map((entry, index) => readStep(entry, index, source));
    const diagnostics = readDiagnostics(doc, source);
    const secrets = new Set();
    steps.forEach((step, index) => {
        collectSecretValues(step.oldState, secrets, source, `steps[${index}].oldState`);
        collectSecretValues(step.newState, secrets, source, `steps[${index}].newState`);
    });
    return {
        kind: 'pulumi',
        source,
        doc: { steps, diagnostics, maybeCorrupt: doc.maybeCorrupt === true },
        secrets,
        warnings: []
    };
}
/** Explains a document without `steps`: what it is, and the command that gives the digest. */
function noSteps(doc, source) {
    if (isEngineEvent(doc)) {
        return new PlanParseError(source, EXPECTED, 'one Pulumi engine event (a line of an event stream)', `${DIGEST_HINT}, without --event-log or PULUMI_ENABLE_STREAMING_JSON_PREVIEW`);
    }
    if (isOutputJsonSummary(doc)) {
        return new PlanParseError(source, EXPECTED, 'the one-line `--output json` summary (counts only: no diffs, no protect or retainOnDelete flags, nothing a gate can decide on)', `${DIGEST_HINT}; use --json instead of --output json`);
    }
    const errors = (arrayAt(doc, 'diagnostics') ?? []).filter((d) => isRecord$2(d) && d.severity === 'error').length;
    if (errors > 0) {
        return new PlanParseError(source, EXPECTED, `a preview that failed before it planned any resource (${errors} error ${errors === 1 ? 'diagnostic' : 'diagnostics'}, no "steps")`, `fix the error \`pulumi preview\` reports, then ${DIGEST_HINT}`);
    }
    if (isRecord$2(doc.changeSummary)) {
        return new PlanParseError(source, EXPECTED, 'a digest without "steps" (only a change summary)', DIGEST_HINT);
    }
    return new PlanParseError(source, EXPECTED, describeJson(doc), DIGEST_HINT);
}
function readStep(entry, index, source) {
    const where = `steps[${index}]`;
    if (!isRecord$2(entry)) {
        throw new PlanParseError(source, `${where} to be an object`, describeScalar(entry));
    }
    const { urn, op } = entry;
    if (typeof urn !== 'string' || parseUrn(urn) === undefined) {
        throw new PlanParseError(source, `${where}.urn to be a Pulumi URN (urn:pulumi:STACK::PROJECT::TYPE::NAME)`, describeScalar(urn));
    }
    if (typeof op !== 'string' || !KNOWN_OPS.has(op)) {
        throw new PlanParseError(source, `${where}.op (${urn}) to be one of ${PULUMI_STEP_OPS.join(', ')}`, typeof op === 'string' ? `op ${describeScalar(op)}` : describeScalar(op), 'plangate does not guess what an unknown step does to real infrastructure; upgrade plangate');
    }
    return {
        index,
        op: op,
        urn,
        oldState: stateAt(entry, 'oldState', where, source),
        newState: stateAt(entry, 'newState', where, source),
        diffReasons: stringsAt(entry, 'diffReasons', where, source),
        replaceReasons: stringsAt(entry, 'replaceReasons', where, source),
        detailedDiff: detailedDiffAt(entry, where, source)
    };
}
function stateAt(entry, key, where, source) {
    const value = entry[key];
    if (value === undefined || value === null)
        return undefined;
    if (!isRecord$2(value)) {
        throw new PlanParseError(source, `${where}.${key} to be an object`, describeScalar(value));
    }
    return value;
}
function stringsAt(entry, key, where, source) {
    const value = entry[key];
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
        throw new PlanParseError(source, `${where}.${key} to be a list of property names`, describeScalar(value));
    }
    return value;
}
function detailedDiffAt(entry, where, source) {
    const value = entry.detailedDiff;
    if (value === undefined || value === null)
        return [];
    if (!isRecord$2(value)) {
        throw new PlanParseError(source, `${where}.detailedDiff to be an object or null`, describeScalar(value));
    }
    const out = [];
    for (const [path, diff] of Object.entries(value)) {
        const kind = isRecord$2(diff) ? diff.kind : undefined;
        if (typeof kind !== 'string') {
            throw new PlanParseError(source, `${where}.detailedDiff entries to be {"kind": …, "inputDiff": …}`, isRecord$2(diff) ? `kind ${describeScalar(kind)}` : describeScalar(diff));
        }
        out.push({ path, kind });
    }
    return out;
}
function readDiagnostics(doc, source) {
    const raw = doc.diagnostics;
    if (raw === undefined || raw === null)
        return [];
    if (!Array.isArray(raw)) {
        throw new PlanParseError(source, '"diagnostics" to be an array', describeScalar(raw));
    }
    const out = [];
    for (const entry of raw) {
        if (!isRecord$2(entry))
            continue;
        out.push({
            urn: stringAt(entry, 'urn'),
            // A diagnostic without a severity is treated as a warning, never ignored.
            severity: stringAt(entry, 'severity') ?? 'warning',
            message: (stringAt(entry, 'prefix') ?? '') + (stringAt(entry, 'message') ?? '')
        });
    }
    return out;
}
function isSecretSignature(value) {
    return isRecord$2(value) && value[SIG_KEY] === SECRET_SIG;
}
function isSecretMarker(value) {
    return value === SECRET_TEXT || isSecretSignature(value);
}
/**
 * Collects the plaintext of every secret-signature object: `value` (the
 * wire form) and `plaintext` (state with --show-secrets, a JSON text).
 * `ciphertext` holds nothing readable. Iterative: the depth of the input
 * never becomes stack depth. A plaintext is JSON text the document's
 * nesting check never saw, so it gets the same limit here.
 */
function collectSecretValues(root, into, source, where) {
    const pending = [root];
    while (pending.length > 0) {
        const value = pending.pop();
        if (typeof value !== 'object' || value === null)
            continue;
        if (Array.isArray(value)) {
            for (const item of value)
                pending.push(item);
            continue;
        }
        const record = value;
        if (!isSecretSignature(record)) {
            for (const key in record)
                pending.push(record[key]);
            continue;
        }
        if ('value' in record)
            collectLeafStrings(record.value, into);
        const plaintext = record.plaintext;
        if (typeof plaintext !== 'string')
            continue;
        collectLeafStrings(plaintext, into);
        if (findDeepNesting(plaintext, MAX_NESTING) !== -1) {
            throw new PlanParseError(source, `the plaintext of a secret in ${where} nested at most ${MAX_NESTING} levels deep`, `JSON nested deeper than ${MAX_NESTING} levels`);
        }
        try {
            collectLeafStrings(JSON.parse(plaintext), into);
        }
        catch {
            // Not JSON: the text itself is already collected.
        }
    }
}
function parseUrn(urn) {
    if (!urn.startsWith(URN_PREFIX))
        return undefined;
    const rest = urn.slice(URN_PREFIX.length);
    const first = rest.indexOf('::');
    const second = first === -1 ? -1 : rest.indexOf('::', first + 2);
    const third = second === -1 ? -1 : rest.indexOf('::', second + 2);
    if (third === -1)
        return undefined;
    const qualifiedType = rest.slice(second + 2, third);
    const type = qualifiedType.slice(qualifiedType.lastIndexOf('$') + 1);
    if (type === '')
        return undefined;
    return {
        stack: rest.slice(0, first),
        project: rest.slice(first + 2, second),
        qualifiedType,
        type,
        name: rest.slice(third + 2),
        address: rest.slice(second + 2)
    };
}
/** The package of a type token: `aws` for `aws:s3/bucket:Bucket` and `pulumi:providers:aws`. */
function packageOf(type) {
    if (type.startsWith(PROVIDER_TYPE_PREFIX))
        return type.slice(PROVIDER_TYPE_PREFIX.length);
    const colon = type.indexOf(':');
    return colon === -1 ? type : type.slice(0, colon);
}
/**
 * Parses a Pulumi property path (`tags.env`, `rules[0].cidr`,
 * `labels["app.kubernetes.io/name"]`) into steps, or undefined when it is
 * not one.
 */
function parsePropertyPath(path) {
    const steps = [];
    let i = 0;
    while (i < path.length) {
        if (path[i] === '[') {
            if (path[i + 1] === '"') {
                let j = i + 2;
                while (j < path.length && path[j] !== '"')
                    j += path[j] === '\\' ? 2 : 1;
                if (path[j + 1] !== ']')
                    return undefined;
                let key;
                try {
                    key = JSON.parse(path.slice(i + 1, j + 1));
                }
                catch {
                    return undefined;
                }
                if (typeof key !== 'string')
                    return undefined;
                steps.push(key);
                i = j + 2;
                continue;
            }
            const close = path.indexOf(']', i);
            const text = close === -1 ? '' : path.slice(i + 1, close);
            if (!/^\d+$/.test(text))
                return undefined;
            steps.push(Number(text));
            i = close + 1;
            continue;
        }
        if (path[i] === '.') {
            if (steps.length === 0)
                return undefined;
            i++;
        }
        let j = i;
        while (j < path.length && path[j] !== '.' && path[j] !== '[')
            j++;
        if (j === i)
            return undefined;
        steps.push(path.slice(i, j));
        i = j;
    }
    return steps.length === 0 ? undefined : steps;
}
/** A Pulumi property path in plangate's (Terraform's) path style. */
function normalizePath(path) {
    const steps = parsePropertyPath(path);
    return steps === undefined ? path : formatPath(steps);
}
function covers(path, inner) {
    return (inner === path ||
        inner.startsWith(path + '.') ||
        inner.startsWith(path + '['));
}
/**
 * Drops Pulumi's internal keys (`__defaults`, `__meta`) and marks `[secret]`
 * and secret objects sensitive, the unknown sentinel unknown.
 */
function prepareValue(value) {
    if (isSecretMarker(value))
        return { value, sensitive: true, unknown: undefined };
    if (value === UNKNOWN_SENTINEL)
        return { value: UNKNOWN_TEXT, sensitive: undefined, unknown: true };
    if (Array.isArray(value)) {
        const parts = value.map(prepareValue);
        const anySensitive = parts.some((p) => p.sensitive !== undefined);
        const anyUnknown = parts.some((p) => p.unknown !== undefined);
        return {
            value: parts.map((p) => p.value),
            sensitive: anySensitive
                ? parts.map((p) => p.sensitive ?? false)
                : undefined,
            unknown: anyUnknown ? parts.map((p) => p.unknown ?? false) : undefined
        };
    }
    if (isRecord$2(value)) {
        // Keys come from the input: build objects without a prototype.
        const out = Object.create(null);
        let sensitive;
        let unknown;
        for (const [key, item] of Object.entries(value)) {
            if (key.startsWith('__'))
                continue;
            const part = prepareValue(item);
            out[key] = part.value;
            if (part.sensitive !== undefined)
                (sensitive ??= Object.create(null))[key] =
                    part.sensitive;
            if (part.unknown !== undefined)
                (unknown ??= Object.create(null))[key] =
                    part.unknown;
        }
        return { value: out, sensitive, unknown };
    }
    return { value, sensitive: undefined, unknown: undefined };
}
/** Looks a parsed path up in a raw value. */
function valueAt(value, steps) {
    let current = value;
    for (const step of steps) {
        if (isSecretMarker(current))
            return { found: true, value: current };
        if (typeof step === 'number') {
            if (!Array.isArray(current) || step >= current.length)
                return { found: false, value: undefined };
            current = current[step];
        }
        else {
            if (!isRecord$2(current) || !Object.hasOwn(current, step))
                return { found: false, value: undefined };
            current = current[step];
        }
    }
    return { found: true, value: current };
}
const ABSENT = { kind: 'absent' };
const SENSITIVE = { kind: 'sensitive' };
const NO_ATTRIBUTES$1 = Object.freeze([]);
/**
 * Diffs two property maps. Pulumi hides a changed secret as `[secret]` on
 * both sides, which compare equal; a path Pulumi lists as changed that the
 * diff misses and that is secret on every side becomes a
 * `(sensitive) -> (sensitive)` line, so the change is not silent.
 */
function diffProperties(sides, changedPaths, forcing, redactor) {
    // A missing side is an empty property map: every property of the other
    // side is added or removed, and a component without properties shows none.
    const before = prepareValue(sides.before ?? {});
    const after = prepareValue(sides.after ?? {});
    const attributes = diffAttributes({ value: before.value, sensitive: before.sensitive, absent: false }, {
        value: after.value,
        sensitive: after.sensitive,
        unknown: after.unknown,
        absent: false
    }, redactor, forcing);
    for (const path of changedPaths) {
        if (attributes.some((a) => covers(a.path, path) || covers(path, a.path)))
            continue;
        const steps = parsePropertyPath(path);
        if (steps === undefined)
            continue;
        const b = valueAt(sides.before, steps);
        const a = valueAt(sides.after, steps);
        if (!b.found && !a.found)
            continue;
        if ((b.found && !isSecretMarker(b.value)) ||
            (a.found && !isSecretMarker(a.value)))
            continue;
        attributes.push({
            path: redactor.text(path),
            before: b.found ? SENSITIVE : ABSENT,
            after: a.found ? SENSITIVE : ABSENT,
            forcesReplacement: forcing.some((p) => covers(p, path))
        });
    }
    return attributes;
}
/** Inputs, unless the op reads (a `get`), or neither side has any. */
function propertiesOf(op, oldState, newState) {
    const nonEmpty = (state) => {
        const inputs = state === undefined ? undefined : recordAt(state, 'inputs');
        return inputs !== undefined && Object.keys(inputs).length > 0;
    };
    const key = op !== 'read' &&
        op !== 'read-replacement' &&
        (nonEmpty(oldState) || nonEmpty(newState))
        ? 'inputs'
        : 'outputs';
    const pick = (state) => state === undefined ? undefined : (recordAt(state, key) ?? {});
    return { old: pick(oldState), new: pick(newState) };
}
function keptBecause(state, type) {
    if (type.startsWith(PROVIDER_TYPE_PREFIX))
        return 'provider';
    if (state === undefined)
        return undefined;
    if (state.retainOnDelete === true)
        return 'retainOnDelete';
    if (state.external === true)
        return 'external';
    if (state.custom === false)
        return 'component';
    return undefined;
}
const FORGET_WORDS = {
    retainOnDelete: 'forgotten: `retainOnDelete` is set, so Pulumi removes it from the stack and leaves the real object in place',
    external: 'forgotten: it is an external resource (read with `get`), which Pulumi never deletes',
    provider: 'forgotten: a provider instance leaves the stack (for example after a plugin upgrade); no cloud object is deleted',
    component: 'forgotten: a component (or the stack) has no cloud object of its own; its children are listed on their own'
};
const KEPT_WORDS = {
    retainOnDelete: '; the old object is kept (`retainOnDelete`): it only leaves the stack',
    external: '; the old object is kept: it is external (read with `get`)',
    provider: '; only in the state: a provider instance has no cloud object of its own, and the resources it manages show their own changes',
    component: '; only in the state: a component has no cloud object of its own, and its children show their own changes'
};
const code$2 = (text) => `\`${text}\``;
function listPaths$1(paths) {
    const shown = paths.slice(0, 3).map(code$2);
    if (paths.length > 3)
        return `${shown.join(', ')} and ${paths.length - 3} more`;
    if (shown.length <= 1)
        return shown.join('');
    return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
}
/** Turns a checked Pulumi preview digest into the normalised model. */
function normalizePulumiPreview(input, redactor) {
    const { doc, source } = input;
    const warnings = [...input.warnings];
    const context = { redactor, unorderedReplaces: [] };
    const groups = new Map();
    for (const step of doc.steps) {
        const group = groups.get(step.urn);
        if (group === undefined)
            groups.set(step.urn, [step]);
        else
            group.push(step);
    }
    const changes = [];
    for (const [urn, steps] of groups)
        changesForUrn(urn, steps, context, changes);
    const unordered = context.unorderedReplaces;
    if (unordered.length > 0) {
        const more = unordered.length > 1 ? ` and ${unordered.length - 1} more` : '';
        warnings.push(`${source}: the preview does not show whether ${unordered[0] ?? ''}${more} ${unordered.length > 1 ? 'are' : 'is'} replaced create-first or delete-first; plangate assumes delete first. Run \`pulumi preview --json --show-replacement-steps\` to see the order`);
    }
    for (const diagnostic of doc.diagnostics) {
        if (diagnostic.severity !== 'warning')
            continue;
        warnings.push(`${source}: Pulumi warning: ${oneLine$1(diagnostic.message)}`);
    }
    return {
        source,
        format: 'pulumi',
        formatVersion: 'preview-digest',
        toolVersion: 'unknown',
        mode: 'normal',
        changes,
        drift: [],
        outputs: normalizeStackOutputs(doc.steps, redactor),
        checks: [],
        ...incompleteness$1(doc, redactor),
        targeted: false,
        warnings: warnings.map((w) => redactor.text(w))
    };
}
/** Diagnostic messages longer than this are cut (they quote URNs, often twice). */
const MAX_MESSAGE_CHARS = 500;
/** A diagnostic message on one line, cut to a readable length. */
function oneLine$1(message) {
    const flat = message
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^(error|warning): /, '');
    return flat.length > MAX_MESSAGE_CHARS
        ? `${flat.slice(0, MAX_MESSAGE_CHARS - 1)}…`
        : flat;
}
function incompleteness$1(doc, redactor) {
    const notes = [];
    const errors = doc.diagnostics.filter((d) => d.severity === 'error');
    for (const message of new Set(errors.map((d) => oneLine$1(d.message)))) {
        notes.push(redactor.text(`Pulumi reported an error, so \`pulumi up\` would fail and the preview may not list every change; fix it and preview again (\`pulumi preview --json\`): ${message}`));
    }
    if (doc.maybeCorrupt) {
        notes.push('Pulumi says one or more resources may be corrupt (maybeCorrupt): the state is not a trustworthy base for this preview; repair the state (`pulumi refresh`, or `pulumi stack export` and `import`), then preview again');
    }
    if (notes.length === 0)
        return {};
    return {
        incomplete: {
            errored: errors.length > 0,
            applyable: false,
            complete: errors.length === 0,
            notes
        }
    };
}
const REPLACE_CREATORS = new Set([
    'replace',
    'create-replacement',
    'import-replacement'
]);
/**
 * The changes of one URN. A replacement comes as up to three steps
 * (`create-replacement`, `replace`, `delete-replaced`, in the order Pulumi
 * runs them); they become one `replace`. Any other step is a change of its
 * own; a `delete-replaced` without a replacement is a leftover old object.
 */
function changesForUrn(urn, steps, context, out) {
    const replacing = steps.some((s) => REPLACE_CREATORS.has(s.op));
    const members = replacing
        ? steps.filter((s) => REPLACE_CREATORS.has(s.op) || s.op === 'delete-replaced')
        : [];
    if (replacing)
        out.push(replaceChange(urn, members, context));
    for (const step of steps) {
        if (!members.includes(step))
            out.push(singleChange(urn, step, context));
    }
}
/** What every change of a URN shares. */
function baseOf(urn, state, redactor) {
    const parsed = parseUrn(urn);
    const parent = state === undefined ? undefined : stringAt(state, 'parent');
    const parentUrn = parent === undefined ? undefined : parseUrn(parent);
    const module = parentUrn === undefined || parentUrn.type === STACK_TYPE
        ? ''
        : parentUrn.address;
    return {
        address: redactor.text(parsed.address),
        type: parsed.type,
        name: redactor.text(parsed.name),
        module: redactor.text(module),
        provider: packageOf(parsed.type)
    };
}
function reasonOf(steps, redactor) {
    const unique = (lists) => [
        ...new Set(lists.flat())
    ];
    const replaceReasons = unique(steps.map((s) => s.replaceReasons));
    const diffReasons = unique(steps.map((s) => s.diffReasons));
    const detailed = unique(steps.map((s) => s.detailedDiff.map((d) => `${d.path} ${d.kind}`)));
    const parts = [];
    if (replaceReasons.length > 0)
        parts.push(`replaceReasons: ${replaceReasons.join(', ')}`);
    if (diffReasons.length > 0)
        parts.push(`diffReasons: ${diffReasons.join(', ')}`);
    if (detailed.length > 0)
        parts.push(`detailedDiff: ${detailed.join(', ')}`);
    return parts.length === 0 ? undefined : redactor.text(parts.join('; '));
}
/**
 * Paths that force the replacement: the `*-replace` entries of
 * `detailedDiff` (exact paths), then each `replaceReasons` key they do not
 * already cover (a key `replaceOnChanges` adds may lack one).
 */
function replacePathsOf(steps) {
    const paths = [];
    for (const step of steps)
        for (const diff of step.detailedDiff)
            if (diff.kind.endsWith('-replace'))
                paths.push(normalizePath(diff.path));
    for (const step of steps)
        for (const key of step.replaceReasons) {
            const path = normalizePath(key);
            if (!paths.some((p) => covers(path, p) || covers(p, path)))
                paths.push(path);
        }
    return [...new Set(paths)];
}
/** Paths Pulumi says changed, for the secret-change lines. */
function changedPathsOf(steps) {
    const paths = new Set();
    for (const step of steps) {
        for (const diff of step.detailedDiff)
            paths.add(normalizePath(diff.path));
        for (const key of step.diffReasons)
            paths.add(normalizePath(key));
        for (const key of step.replaceReasons)
            paths.add(normalizePath(key));
    }
    return [...paths];
}
function replaceChange(urn, members, context) {
    const { redactor } = context;
    const find = (...ops) => members.find((s) => ops.includes(s.op));
    const logical = find('replace');
    const creator = find('create-replacement', 'import-replacement');
    const deleter = find('delete-replaced');
    const primary = (logical ?? creator);
    const oldState = primary.oldState ?? deleter?.oldState;
    const newState = primary.newState ?? creator?.newState;
    const base = baseOf(urn, newState ?? oldState, redactor);
    const type = parseUrn(urn)?.type ?? '';
    const position = (step) => step === undefined ? -1 : members.indexOf(step);
    let replaceOrder;
    let orderShown = true;
    const flagged = [primary, creator, deleter].some((s) => s?.oldState?.deleteBeforeReplace === true ||
        s?.newState?.deleteBeforeReplace === true);
    if (flagged)
        replaceOrder = 'delete-first';
    else if (deleter !== undefined && (creator ?? logical) !== undefined)
        replaceOrder =
            position(deleter) < position(creator ?? logical)
                ? 'delete-first'
                : 'create-first';
    else if (creator !== undefined && logical !== undefined)
        replaceOrder =
            position(creator) < position(logical) ? 'create-first' : 'delete-first';
    else {
        replaceOrder = 'delete-first';
        orderShown = false;
        context.unorderedReplaces.push(base.address);
    }
    const kept = keptBecause(deleter?.oldState ?? oldState, type);
    const imported = members.some((s) => s.op === 'import-replacement');
    // Pulumi refuses only when the resource stays protected: removing the
    // flag and replacing in one update is allowed.
    const isProtected = oldState?.protect === true && newState?.protect === true;
    const replacePaths = replacePathsOf(members);
    const props = propertiesOf(primary.op, oldState, newState);
    const result = {
        ...base,
        mode: 'managed',
        action: 'replace',
        replaceOrder,
        imported,
        replacePaths: replacePaths.map((p) => redactor.text(p)),
        // A new object takes the old one's place even when the old one is kept:
        // only provider instances and components have no cloud object to lose.
        destructive: kept !== 'provider' && kept !== 'component',
        attributes: diffProperties({ before: props.old, after: props.new }, changedPathsOf(members), replacePaths, redactor)
    };
    if (kept !== undefined)
        result.keepsOld = true;
    if (isProtected)
        result.protected = true;
    const importId = newState === undefined ? undefined : stringAt(newState, 'importID');
    if (imported && importId !== undefined)
        result.importId = redactor.text(importId);
    const reason = reasonOf(members, redactor);
    if (reason !== undefined)
        result.reason = reason;
    let words = imported ? 'replaced by an imported object' : 'replaced';
    words +=
        replacePaths.length === 0
            ? '; the preview names no property that forces it'
            : ` because ${listPaths$1(result.replacePaths)} changed and ${replacePaths.length === 1 ? 'forces' : 'force'} replacement`;
    if (kept !== undefined)
        words += KEPT_WORDS[kept];
    if (!orderShown)
        words +=
            '; the preview does not show the order (no `--show-replacement-steps`), so delete first is assumed';
    if (isProtected)
        words +=
            '; Pulumi will refuse it: the resource is protected (`protect: true`), so the preview fails until the flag is removed';
    result.explanation = words;
    return result;
}
/** The normalised action of a step that is not part of a replacement. */
function actionOf(op) {
    switch (op) {
        case 'replace':
        case 'create-replacement':
        case 'import-replacement':
            return 'replace';
        case 'create':
        case 'import':
            return 'create';
        case 'update':
            return 'update';
        case 'delete':
        case 'delete-replaced':
            return 'destroy';
        case 'read':
        case 'read-replacement':
            return 'read';
        case 'discard':
        case 'discard-replaced':
        case 'remove-pending-replace':
            return 'forget';
        case 'same':
        case 'refresh':
        case 'diff':
        case 'extend-parameterize':
            return 'no-op';
    }
}
function singleChange(urn, step, context) {
    const { redactor } = context;
    const { op, oldState, newState } = step;
    const type = parseUrn(urn)?.type ?? '';
    const base = baseOf(urn, newState ?? oldState, redactor);
    let action = actionOf(op);
    let explanation;
    let isProtected = false;
    let deposed;
    if (action === 'destroy') {
        const kept = keptBecause(oldState, type);
        if (kept !== undefined) {
            action = 'forget';
            explanation = FORGET_WORDS[kept];
        }
        else if (op === 'delete-replaced') {
            deposed = redactor.text((oldState === undefined ? undefined : stringAt(oldState, 'id')) ??
                'pending');
            explanation =
                'destroys an old object left pending deletion by an earlier replacement that did not finish';
        }
        else if (oldState?.protect === true) {
            isProtected = true;
            explanation =
                'destroy requested, but Pulumi will refuse it: the resource is protected (`protect: true`), so the preview fails until the flag is removed';
        }
        else {
            const deletedWith = oldState === undefined ? undefined : stringAt(oldState, 'deletedWith');
            const withUrn = deletedWith === undefined ? undefined : parseUrn(deletedWith);
            explanation =
                withUrn === undefined
                    ? 'destroyed: the Pulumi program no longer declares it'
                    : `destroyed together with ${code$2(redactor.text(withUrn.address))} (\`deletedWith\`), without a delete call of its own`;
        }
    }
    else if (action === 'forget') {
        explanation = FORGET_OP_WORDS[op];
    }
    else if (op === 'import') {
        explanation =
            'imported: Pulumi adopts the existing object instead of creating one';
    }
    else if (action === 'read') {
        explanation =
            'read: the program looks up an existing object (`get`), which Pulumi does not manage';
    }
    const props = propertiesOf(op, oldState, newState);
    const sides = action === 'create' || action === 'read'
        ? { before: undefined, after: props.new }
        : action === 'destroy'
            ? { before: props.old, after: undefined }
            : { before: props.old, after: props.new };
    const result = {
        ...base,
        mode: action === 'read' || oldState?.external === true ? 'data' : 'managed',
        action,
        imported: op === 'import',
        replacePaths: [],
        destructive: action === 'destroy',
        attributes: action === 'no-op' || action === 'forget'
            ? NO_ATTRIBUTES$1
            : diffProperties(sides, changedPathsOf([step]), [], redactor)
    };
    if (isProtected)
        result.protected = true;
    if (deposed !== undefined)
        result.deposed = deposed;
    const importId = newState === undefined ? undefined : stringAt(newState, 'importID');
    if (op === 'import' && importId !== undefined)
        result.importId = redactor.text(importId);
    const reason = reasonOf([step], redactor);
    if (reason !== undefined)
        result.reason = reason;
    if (explanation !== undefined)
        result.explanation = explanation;
    return result;
}
const FORGET_OP_WORDS = {
    discard: 'forgotten: the program no longer reads this external resource (`get`); only its state entry goes',
    'discard-replaced': 'forgotten: the old state entry of a replaced external resource goes; Pulumi never deletes external objects',
    'remove-pending-replace': 'forgotten: removes the state entry of an object an interrupted delete-before-replace already deleted'
};
/**
 * Stack outputs: the root stack's old outputs against its new ones, when
 * the digest carries new outputs at all.
 */
function normalizeStackOutputs(steps, redactor) {
    const root = steps.find((s) => parseUrn(s.urn)?.type === STACK_TYPE);
    const after = root?.newState === undefined
        ? undefined
        : recordAt(root.newState, 'outputs');
    if (root === undefined || after === undefined)
        return [];
    const before = (root.oldState === undefined
        ? undefined
        : recordAt(root.oldState, 'outputs')) ?? {};
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])]
        .filter((name) => !name.startsWith('__'))
        .sort();
    const outputs = [];
    for (const name of names) {
        const b = before[name];
        const a = after[name];
        const bAbsent = !Object.hasOwn(before, name);
        const aAbsent = !Object.hasOwn(after, name);
        const action = bAbsent
            ? 'create'
            : aAbsent
                ? 'destroy'
                : deepEqual(b, a)
                    ? 'no-op'
                    : 'update';
        const prepB = prepareValue(b ?? null);
        const prepA = prepareValue(a ?? null);
        outputs.push({
            name: redactor.text(name),
            action,
            sensitive: isSecretMarker(b) || isSecretMarker(a),
            attributes: action === 'no-op'
                ? []
                : diffAttributes({
                    value: prepB.value,
                    sensitive: prepB.sensitive,
                    absent: bAbsent
                }, {
                    value: prepA.value,
                    sensitive: prepA.sensitive,
                    unknown: prepA.unknown,
                    absent: aAbsent
                }, redactor, [], redactor.text(name))
        });
    }
    return outputs;
}

const code$1 = (text) => `\`${text}\``;
function listPaths(paths) {
    if (paths.length === 0)
        return 'an attribute';
    const shown = paths.slice(0, 3).map(code$1).join(', ');
    return paths.length > 3 ? `${shown} and ${paths.length - 3} more` : shown;
}
function describeIndex(index) {
    if (typeof index === 'number')
        return ` no longer includes index ${index}`;
    if (typeof index === 'string')
        return ` no longer includes key ${JSON.stringify(index)}`;
    return ' no longer includes this instance';
}
/**
 * Puts a Terraform/OpenTofu `action_reason` into words. Returns undefined
 * for a reason plangate does not know, so the caller can say so.
 */
function explainReason(reason, context, 
/** `index` of the resource instance (count number or for_each key). */
index) {
    const replaced = context.keepsOld === true
        ? 'replaced (old object kept, forgotten)'
        : 'replaced';
    switch (reason) {
        case 'replace_because_cannot_update':
            return context.replacePaths.length === 0
                ? `${replaced} because a changed attribute cannot be updated in place`
                : `${replaced} because ${listPaths(context.replacePaths)} changed and cannot be updated in place`;
        case 'replace_because_tainted':
            return `${replaced} because the object is tainted (a failed apply or \`terraform taint\`)`;
        case 'replace_by_request':
            return `${replaced} because the plan was made with \`-replace\` for it`;
        case 'replace_by_triggers':
            return `${replaced} because a reference in its \`replace_triggered_by\` changed`;
        case 'delete_because_no_resource_config':
            return context.action === 'forget'
                ? 'forgotten (removed from state, the real object is kept) because a `removed` block with `destroy = false` covers it'
                : 'destroyed because its block was removed from the configuration';
        case 'delete_because_count_index':
            return `destroyed because \`count\`${describeIndex(index)}`;
        case 'delete_because_each_key':
            return `destroyed because \`for_each\`${describeIndex(index)}`;
        case 'delete_because_no_module': {
            const call = context.module === ''
                ? 'its module call'
                : `the module call ${code$1(context.module)}`;
            return `destroyed because ${call} is gone from the configuration (removed, or its count/for_each no longer includes it)`;
        }
        case 'delete_because_wrong_repetition':
            return 'destroyed because the resource switched between `count`, `for_each` and a single instance, so this instance key no longer exists';
        case 'delete_because_no_move_target':
            return context.movedFrom === undefined
                ? 'destroyed because a `moved` block points at an address that has no configuration'
                : `destroyed because a \`moved\` block moves it from ${code$1(context.movedFrom)} to an address that has no configuration`;
        case 'delete_because_enabled_false':
            return 'destroyed because its `enabled` meta-argument is false';
        case 'forgot_because_lifecycle_destroy_in_state':
        case 'forgot_because_lifecycle_destroy_in_config':
            return 'forgotten (removed from state, the real object is kept) because of `lifecycle { destroy = false }`';
        case 'read_because_config_unknown':
            return 'read during apply because its configuration depends on values known only after apply';
        case 'read_because_dependency_pending':
            return 'read during apply because something it depends on has changes pending';
        case 'read_because_check_nested':
            return 'read during apply because it is inside a `check` block';
        default:
            return undefined;
    }
}

/** `format_version` minors of the 1.x series that plangate has been checked against. */
const KNOWN_FORMAT_MINORS = [0, 1, 2];
/** True when a JSON document has the shape of `terraform show -json PLANFILE`. */
function looksLikeTerraformPlan(doc) {
    return (isRecord$2(doc) &&
        typeof doc.format_version === 'string' &&
        ('planned_values' in doc ||
            'resource_changes' in doc ||
            'output_changes' in doc ||
            ('configuration' in doc && !('values' in doc))));
}
/**
 * Checks that a document is a Terraform/OpenTofu JSON plan of a supported
 * version and collects its secrets. Separate from normalisation so that
 * secrets of every input plan can mask every other plan.
 */
function readTerraformPlan(doc, source) {
    if (!looksLikeTerraformPlan(doc))
        throw notAPlan(doc, source);
    const warnings = [];
    const version = doc.format_version;
    const match = /^(\d+)\.(\d+)$/.exec(version);
    if (match === null) {
        throw new PlanParseError(source, 'a plan with format_version "0.x" or "1.x"', `format_version ${describeScalar(version)}`);
    }
    const major = Number(match[1]);
    const minor = Number(match[2]);
    if (major > 1) {
        throw new PlanParseError(source, 'a plan with format_version "0.x" or "1.x"', `format_version "${version}"`, 'this plangate release does not know that format; upgrade plangate');
    }
    if (major === 1 &&
        !KNOWN_FORMAT_MINORS.includes(minor)) {
        warnings.push(`${source}: plan format_version "${version}" is newer than the versions plangate was tested with (1.0 to 1.2); reading it as 1.2`);
    }
    const sensitiveOutputs = findSensitiveOutputs(doc);
    return {
        kind: 'terraform',
        source,
        doc: pick(doc, KEPT_SECTIONS),
        plansNothing: plansNothing(doc),
        sensitiveOutputs,
        sourceMap: collectSourceMap(doc),
        secrets: collectSecrets(doc, sensitiveOutputs),
        warnings
    };
}
/** Top-level keys that normalisation reads; everything else is dropped after reading. */
const KEPT_SECTIONS = [
    'format_version',
    'terraform_version',
    'resource_changes',
    'resource_drift',
    'output_changes',
    'checks',
    'applyable',
    'complete',
    'errored',
    'deferred_changes',
    'relevant_attributes'
];
function pick(doc, keys) {
    const out = {};
    for (const key of keys)
        if (key in doc)
            out[key] = doc[key];
    return out;
}
/**
 * Reads where modules live and what each resource refers to from the
 * plan's `configuration`, before it is dropped. Local module sources are
 * resolved against their parent module's directory.
 */
function collectSourceMap(doc) {
    const moduleDirs = { '': '' };
    const references = {};
    const visit = (module, path, dir) => {
        if (module === undefined)
            return;
        const prefix = path.map((name) => `module.${name}.`).join('');
        for (const resource of arrayAt(module, 'resources') ?? []) {
            if (!isRecord$2(resource))
                continue;
            const address = stringAt(resource, 'address');
            if (address === undefined)
                continue;
            const found = new Set();
            collectReferences(resource.expressions, found);
            collectReferences(resource.count_expression, found);
            collectReferences(resource.for_each_expression, found);
            references[prefix + address] = [...found].sort();
        }
        for (const [name, call] of Object.entries(recordAt(module, 'module_calls') ?? {})) {
            if (!isRecord$2(call))
                continue;
            const source = stringAt(call, 'source');
            const childPath = [...path, name];
            const local = dir !== undefined &&
                source !== undefined &&
                (source.startsWith('./') || source.startsWith('../'));
            const childDir = local
                ? posix.normalize(posix.join(dir, source))
                : undefined;
            if (childDir !== undefined)
                moduleDirs[childPath.join('.')] = childDir === '.' ? '' : childDir;
            const found = new Set();
            collectReferences(call.expressions, found);
            collectReferences(call.count_expression, found);
            collectReferences(call.for_each_expression, found);
            references[`${prefix}module.${name}`] = [...found].sort();
            visit(recordAt(call, 'module'), childPath, childDir);
        }
    };
    visit(recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module'), [], '.');
    return { moduleDirs, references };
}
/** Gathers every `references` list under an expressions tree. */
function collectReferences(value, into) {
    if (Array.isArray(value)) {
        for (const item of value)
            collectReferences(item, into);
        return;
    }
    if (!isRecord$2(value))
        return;
    for (const [key, item] of Object.entries(value)) {
        if (key === 'references' && Array.isArray(item)) {
            for (const reference of item)
                if (typeof reference === 'string')
                    into.add(reference);
        }
        else
            collectReferences(item, into);
    }
}
function plansNothing(doc) {
    const planned = recordAt(recordAt(doc, 'planned_values') ?? {}, 'root_module');
    return ((arrayAt(planned ?? {}, 'resources')?.length ?? 0) === 0 &&
        (arrayAt(planned ?? {}, 'child_modules')?.length ?? 0) === 0);
}
function findSensitiveOutputs(doc) {
    const rootConfig = recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {};
    const outputConfig = recordAt(rootConfig, 'outputs') ?? {};
    return new Set(Object.entries(outputConfig)
        .filter(([, decl]) => isRecord$2(decl) && decl.sensitive === true)
        .map(([name]) => name));
}
function notAPlan(doc, source) {
    const expected = 'a Terraform/OpenTofu JSON plan (from `terraform show -json PLANFILE`)';
    if (isRecord$2(doc)) {
        if (typeof doc.format_version === 'string' && isRecord$2(doc.values)) {
            return new PlanParseError(source, expected, 'Terraform state JSON (`terraform show -json` without a plan file)', 'pass the plan file: `terraform show -json PLANFILE`');
        }
        if (typeof doc.version === 'number' &&
            'lineage' in doc &&
            ('resources' in doc || 'serial' in doc)) {
            return new PlanParseError(source, expected, 'a Terraform state file (terraform.tfstate)', SHOW_JSON_HINT);
        }
        if (!('format_version' in doc) &&
            ('resource_changes' in doc || 'planned_values' in doc)) {
            return new PlanParseError(source, expected, 'a plan without "format_version"', SHOW_JSON_HINT);
        }
    }
    return new PlanParseError(source, expected, describeJson(doc), SHOW_JSON_HINT);
}
/**
 * Gathers every value the plan marks sensitive: variables declared
 * sensitive, sensitive outputs, and attributes under sensitivity masks
 * (before or after, in changes, drift and state).
 */
function collectSecrets(doc, sensitiveOutputs) {
    const secrets = new Set();
    const rootConfig = recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {};
    const varConfig = recordAt(rootConfig, 'variables') ?? {};
    const variables = recordAt(doc, 'variables') ?? {};
    for (const [name, decl] of Object.entries(varConfig)) {
        if (!isRecord$2(decl) || decl.sensitive !== true)
            continue;
        const variable = variables[name];
        if (isRecord$2(variable))
            collectLeafStrings(variable.value, secrets);
        if ('default' in decl)
            collectLeafStrings(decl.default, secrets);
    }
    const rawChanges = arrayAt(doc, 'resource_changes');
    for (const list of [rawChanges, arrayAt(doc, 'resource_drift')]) {
        for (const entry of list ?? []) {
            const change = isRecord$2(entry) ? recordAt(entry, 'change') : undefined;
            if (change === undefined)
                continue;
            collectMaskedStrings(change.before, change.before_sensitive, secrets);
            collectMaskedStrings(change.after, change.after_sensitive, secrets);
        }
    }
    for (const [name, change] of Object.entries(recordAt(doc, 'output_changes') ?? {})) {
        if (!isRecord$2(change))
            continue;
        if (sensitiveOutputs.has(name)) {
            collectLeafStrings(change.before, secrets);
            collectLeafStrings(change.after, secrets);
        }
        collectMaskedStrings(change.before, change.before_sensitive, secrets);
        collectMaskedStrings(change.after, change.after_sensitive, secrets);
    }
    // resource_changes holds every managed instance, before and after, with its
    // masks; state sections add data sources (and everything when it is absent).
    const dataOnly = rawChanges !== undefined;
    for (const values of [
        recordAt(recordAt(doc, 'prior_state') ?? {}, 'values'),
        recordAt(doc, 'planned_values')
    ]) {
        if (values === undefined)
            continue;
        for (const [name, output] of Object.entries(recordAt(values, 'outputs') ?? {})) {
            if (isRecord$2(output) &&
                (output.sensitive === true || sensitiveOutputs.has(name)))
                collectLeafStrings(output.value, secrets);
        }
        collectModuleSecrets(recordAt(values, 'root_module'), secrets, dataOnly);
    }
    return secrets;
}
function collectModuleSecrets(module, secrets, dataOnly) {
    if (module === undefined)
        return;
    for (const resource of arrayAt(module, 'resources') ?? []) {
        if (!isRecord$2(resource))
            continue;
        if (dataOnly && resource.mode !== 'data')
            continue;
        collectMaskedStrings(resource.values, resource.sensitive_values, secrets);
    }
    for (const child of arrayAt(module, 'child_modules') ?? []) {
        if (isRecord$2(child))
            collectModuleSecrets(child, secrets, dataOnly);
    }
}
/** Turns a checked Terraform/OpenTofu plan into the normalised model. */
function normalizeTerraformPlan(input, redactor) {
    const { doc, source } = input;
    const warnings = [...input.warnings];
    const changes = [];
    const unknownReasons = [];
    const context = {
        input,
        redactor,
        unknownReasons,
        moduleText: memoize((text) => redactor.text(text))
    };
    let ephemeral = 0;
    let opentofu = false;
    const rawChanges = doc.resource_changes;
    if (rawChanges !== undefined && !Array.isArray(rawChanges)) {
        throw new PlanParseError(source, '"resource_changes" to be an array', describeScalar(rawChanges));
    }
    for (let i = 0; i < (rawChanges?.length ?? 0); i++) {
        const entry = rawChanges?.[i];
        const result = normalizeResourceChange(entry, 'resource_changes', i, context);
        if (result === 'ephemeral') {
            ephemeral++;
            continue;
        }
        if (!opentofu && looksOpenTofu(result))
            opentofu = true;
        changes.push(result);
    }
    if (ephemeral > 0) {
        warnings.push(`${source}: skipped ${ephemeral} ephemeral resource ${ephemeral === 1 ? 'entry' : 'entries'} (opened during the run, never stored)`);
    }
    const drift = [];
    const rawDrift = arrayAt(doc, 'resource_drift') ?? [];
    for (let i = 0; i < rawDrift.length; i++) {
        const result = normalizeResourceChange(rawDrift[i], 'resource_drift', i, context);
        if (result !== 'ephemeral')
            drift.push(result);
    }
    const byReason = new Map();
    for (const { reason, address } of unknownReasons) {
        const addresses = byReason.get(reason);
        if (addresses === undefined)
            byReason.set(reason, [address]);
        else
            addresses.push(address);
    }
    for (const [reason, addresses] of byReason) {
        const more = addresses.length > 1 ? ` and ${addresses.length - 1} more` : '';
        warnings.push(`${source}: action_reason "${reason}" is one plangate does not know (${addresses[0] ?? ''}${more}); the change is classified by its actions`);
    }
    const format = opentofu || isOpenTofu(changes) ? 'opentofu' : 'terraform';
    const targeted = doc.complete === false && doc.errored !== true && !hasDeferred(doc);
    if (targeted) {
        warnings.push(`${source}: the plan is partial (made with -target): resources outside the targets are not in it`);
    }
    return {
        source,
        format,
        formatVersion: doc.format_version,
        toolVersion: stringAt(doc, 'terraform_version') ?? 'unknown',
        mode: planMode(input, changes, drift),
        changes,
        drift,
        outputs: normalizeOutputs(input, redactor),
        checks: normalizeChecks(doc, redactor),
        ...incompleteness(doc, changes, format === 'opentofu' ? 'tofu' : 'terraform'),
        targeted,
        warnings: warnings.map((w) => redactor.text(w)),
        sourceMap: input.sourceMap
    };
}
function hasDeferred(doc) {
    const deferred = doc.deferred_changes;
    return Array.isArray(deferred) && deferred.length > 0;
}
function incompleteness(doc, changes, cli) {
    // No `>` in the command: notes are escaped as HTML text, which a code span would show as `&gt;`.
    const again = `\`${cli} plan -out=tfplan\`, then save the output of \`${cli} show -json tfplan\` as the plan file`;
    const notes = [];
    const errored = doc.errored === true;
    const applyable = doc.applyable !== false;
    const complete = doc.complete !== false;
    if (errored) {
        notes.push(`the plan errored part-way (errored: true): applying would fail, and the changes listed may not be all of them; fix the errors the plan step printed, then make the plan again: ${again}`);
    }
    const hasChanges = changes.some((c) => c.action !== 'no-op' && c.action !== 'read');
    if (!errored && !applyable && hasChanges) {
        notes.push(`${cli === 'tofu' ? 'OpenTofu' : 'Terraform'} marked the plan as not applyable (applyable: false) although it lists changes; make the plan again: ${again}`);
    }
    if (hasDeferred(doc)) {
        notes.push(`some changes are deferred to a later plan (deferred_changes): this plan is not the whole change; apply in stages (the changes this plan can make first), then plan again: ${again}`);
    }
    if (notes.length === 0)
        return {};
    return { incomplete: { errored, applyable, complete, notes } };
}
function planMode(input, changes, drift) {
    const managed = changes.filter((c) => c.mode === 'managed');
    if (input.plansNothing &&
        managed.length > 0 &&
        managed.every((c) => c.action === 'destroy' &&
            c.reason === undefined &&
            c.deposed === undefined)) {
        return 'destroy';
    }
    if (input.doc.relevant_attributes !== undefined &&
        changes.length === 0 &&
        drift.length > 0) {
        return 'refresh-only';
    }
    return 'normal';
}
/** OpenTofu writes its own registry host into provider addresses. */
function isOpenTofu(changes) {
    return changes.some((c) => c.provider.includes('registry.opentofu.org'));
}
/** Terraform's single actions. A Map, so that "toString" is not an action. */
const SINGLE_ACTIONS = new Map([
    ['create', 'create'],
    ['update', 'update'],
    ['delete', 'destroy'],
    ['forget', 'forget'],
    ['read', 'read'],
    ['no-op', 'no-op']
].map(([tool, action]) => [tool, { action }]));
/**
 * Maps a Terraform `actions` list onto the model. Compares sets, not
 * sequences (OpenTofu orders some pairs differently); anything unknown is
 * an error, never ignored. `where` names the entry for the error message.
 */
function classifyActions(actions, source, where, address) {
    if (Array.isArray(actions) && actions.length === 1) {
        const single = SINGLE_ACTIONS.get(actions[0]);
        if (single !== undefined)
            return single;
    }
    const place = typeof where === 'string' ? where : where();
    const label = address === undefined ? place : `${place} (${address})`;
    if (!Array.isArray(actions) ||
        actions.length === 0 ||
        !actions.every((a) => typeof a === 'string')) {
        throw new PlanParseError(source, `${label}.change.actions to be a non-empty list of strings`, describeScalar(actions));
    }
    const list = actions;
    if (list.some((a) => !SINGLE_ACTIONS.has(a)) ||
        new Set(list).size !== list.length) {
        throw new PlanParseError(source, `${label}.change.actions to be one of create, update, delete, forget, read, no-op or a replace pair`, `[${list.map((a) => describeScalar(a)).join(', ')}]`, 'plangate does not guess what an unknown action does to real infrastructure; upgrade plangate');
    }
    if (list.length === 2) {
        const set = new Set(list);
        if (set.has('create') && set.has('delete')) {
            return {
                action: 'replace',
                replaceOrder: list[0] === 'delete' ? 'delete-first' : 'create-first',
                keepsOld: false
            };
        }
        if (set.has('create') && set.has('forget')) {
            return {
                action: 'replace',
                replaceOrder: list[0] === 'forget' ? 'delete-first' : 'create-first',
                keepsOld: true
            };
        }
    }
    throw new PlanParseError(source, `${label}.change.actions to be a known combination`, `[${list.join(', ')}]`, 'plangate does not guess what an unknown combination does; upgrade plangate');
}
const OPENTOFU_REASONS = new Set([
    'delete_because_enabled_false',
    'forgot_because_lifecycle_destroy_in_state',
    'forgot_because_lifecycle_destroy_in_config'
]);
function memoize(fn) {
    const cache = new Map();
    return (text) => {
        let result = cache.get(text);
        if (result === undefined) {
            result = fn(text);
            cache.set(text, result);
        }
        return result;
    };
}
const NO_ATTRIBUTES = Object.freeze([]);
/**
 * Normalises one entry of resource_changes or resource_drift. This runs once
 * per resource instance of plans with 100,000 of them: no spreads, no
 * throw-away arrays on the common path.
 */
function normalizeResourceChange(entry, section, position, context) {
    const { input, redactor, unknownReasons } = context;
    const { source } = input;
    const isDrift = section === 'resource_drift';
    const where = () => `${section}[${position}]`;
    if (!isRecord$2(entry)) {
        throw new PlanParseError(source, `${where()} to be an object`, describeScalar(entry));
    }
    const mode = entry.mode;
    if (mode === 'ephemeral')
        return 'ephemeral';
    const address = entry.address;
    const type = entry.type;
    const name = entry.name;
    const change = entry.change;
    if (typeof address !== 'string' ||
        typeof type !== 'string' ||
        typeof name !== 'string' ||
        !isRecord$2(change)) {
        const missing = [
            typeof address !== 'string' ? 'address' : undefined,
            typeof type !== 'string' ? 'type' : undefined,
            typeof name !== 'string' ? 'name' : undefined,
            !isRecord$2(change) ? 'change' : undefined
        ].filter((key) => key !== undefined);
        throw new PlanParseError(source, `${where()} to have address, type, name and change`, `no ${missing.join(', ')}`);
    }
    if (mode !== 'managed' && mode !== 'data') {
        throw new PlanParseError(source, `${where()} (${address}) to have mode "managed" or "data"`, `mode ${describeScalar(mode)}`, 'upgrade plangate');
    }
    const shape = classifyActions(change.actions, source, where, address);
    const action = shape.action;
    const reason = stringAt(entry, 'action_reason');
    const rawPaths = change.replace_paths;
    const replacePaths = [];
    if (Array.isArray(rawPaths)) {
        for (const path of rawPaths)
            if (Array.isArray(path))
                replacePaths.push(formatPath(path));
    }
    const keepsOld = shape.action === 'replace' && shape.keepsOld;
    const result = {
        address: redactAddress(address, redactor),
        type,
        name,
        module: context.moduleText(stringAt(entry, 'module_address') ?? ''),
        provider: stringAt(entry, 'provider_name') ?? 'unknown',
        mode,
        action,
        imported: false,
        replacePaths: redactor.active
            ? replacePaths.map((p) => redactor.text(p))
            : replacePaths,
        destructive: mode === 'managed' &&
            !isDrift &&
            (action === 'replace' || action === 'destroy'),
        attributes: action === 'no-op' || action === 'forget'
            ? NO_ATTRIBUTES
            : diffAttributes({
                value: change.before,
                sensitive: change.before_sensitive,
                absent: change.before === null || change.before === undefined
            }, {
                value: change.after,
                sensitive: change.after_sensitive,
                unknown: change.after_unknown,
                absent: (change.after === null || change.after === undefined) &&
                    change.after_unknown !== true
            }, redactor, replacePaths)
    };
    if (shape.action === 'replace') {
        result.replaceOrder = shape.replaceOrder;
        if (keepsOld)
            result.keepsOld = true;
    }
    const movedFrom = stringAt(entry, 'previous_address');
    if (movedFrom !== undefined)
        result.movedFrom = redactAddress(movedFrom, redactor);
    const importing = change.importing;
    if (isRecord$2(importing)) {
        result.imported = true;
        const importId = stringAt(importing, 'id');
        if (importId !== undefined)
            result.importId = redactor.text(importId);
    }
    const deposed = stringAt(entry, 'deposed');
    if (deposed !== undefined)
        result.deposed = deposed;
    if (reason !== undefined)
        result.reason = reason;
    const explanation = explainChange(result, input, entry, unknownReasons);
    if (explanation !== undefined)
        result.explanation = explanation;
    return result;
}
/**
 * Outside its quoted instance keys an address is made of configuration
 * names, never of values; only an address with a string key can hold one.
 */
function redactAddress(address, redactor) {
    return address.includes('"') ? redactor.text(address) : address;
}
/** OpenTofu-only signs in a change: its own reasons, or forget-then-create. */
function looksOpenTofu(change) {
    return ((change.reason !== undefined && OPENTOFU_REASONS.has(change.reason)) ||
        (change.keepsOld === true && change.replaceOrder === 'delete-first'));
}
function explainChange(change, input, entry, unknownReasons) {
    if (change.reason !== undefined) {
        const words = explainReason(change.reason, change, entry.index);
        if (words !== undefined)
            return words;
        unknownReasons.push({ address: change.address, reason: change.reason });
        return `${verbFor(change.action)} (Terraform's reason: ${change.reason})`;
    }
    if (change.deposed !== undefined) {
        return 'destroys a deposed object: the old object left behind by a create-before-destroy replacement that failed part-way';
    }
    if (change.action === 'destroy' && input.plansNothing) {
        return 'destroyed because this is a destroy plan (`plan -destroy`)';
    }
    return undefined;
}
function verbFor(action) {
    switch (action) {
        case 'create':
            return 'created';
        case 'update':
            return 'updated in place';
        case 'replace':
            return 'replaced';
        case 'destroy':
            return 'destroyed';
        case 'forget':
            return 'forgotten';
        case 'read':
            return 'read';
        case 'no-op':
            return 'unchanged';
    }
}
function normalizeOutputs(input, redactor) {
    const { doc, source } = input;
    const outputs = [];
    const entries = Object.entries(recordAt(doc, 'output_changes') ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, change] of entries) {
        if (!isRecord$2(change)) {
            throw new PlanParseError(source, `output_changes.${name} to be an object`, describeScalar(change));
        }
        const shape = classifyActions(change.actions, source, `output_changes.${name}`);
        if (shape.action === 'replace' ||
            shape.action === 'forget' ||
            shape.action === 'read') {
            throw new PlanParseError(source, `output_changes.${name}.actions to be create, update, delete or no-op`, shape.action);
        }
        const sensitive = input.sensitiveOutputs.has(name) ||
            change.before_sensitive === true ||
            change.after_sensitive === true;
        const attributes = shape.action === 'no-op'
            ? []
            : diffAttributes({
                value: change.before,
                sensitive: sensitive ? true : change.before_sensitive,
                absent: !('before' in change) || change.before === null
            }, {
                value: change.after,
                sensitive: sensitive ? true : change.after_sensitive,
                unknown: change.after_unknown,
                absent: (!('after' in change) || change.after === null) &&
                    change.after_unknown !== true
            }, redactor, [], redactor.text(name));
        outputs.push({
            name: redactor.text(name),
            action: shape.action,
            sensitive,
            attributes
        });
    }
    return outputs;
}
const CHECK_STATUSES = new Set(['pass', 'fail', 'error', 'unknown']);
function normalizeChecks(doc, redactor) {
    const results = [];
    for (const check of arrayAt(doc, 'checks') ?? []) {
        if (!isRecord$2(check))
            continue;
        const address = recordAt(check, 'address');
        const display = (address && stringAt(address, 'to_display')) ?? 'unknown check';
        const status = stringAt(check, 'status') ?? 'unknown';
        const problems = [];
        for (const instance of arrayAt(check, 'instances') ?? []) {
            if (!isRecord$2(instance))
                continue;
            for (const problem of arrayAt(instance, 'problems') ?? []) {
                const message = isRecord$2(problem)
                    ? stringAt(problem, 'message')
                    : undefined;
                if (message !== undefined)
                    problems.push(redactor.text(message));
            }
        }
        results.push({
            address: redactor.text(display),
            status: CHECK_STATUSES.has(status)
                ? status
                : 'unknown',
            problems
        });
    }
    return results;
}

/** Formats a plan file can be read as; `auto` detects from the content. */
const INPUT_FORMATS = [
    'auto',
    'terraform',
    'cloudformation',
    'pulumi'
];
/** Which command makes the input plangate reads, per format, for hints. */
const COMMANDS = '`terraform show -json PLANFILE`, `aws cloudformation describe-change-set --include-property-values`, `pulumi preview --json`, or two templates with --before/--after';
/** Names the format of a parsed document from its content. */
function detectFormat(doc) {
    if (looksLikeTerraformPlan(doc))
        return 'terraform';
    if (looksLikeChangeSet(doc))
        return 'cloudformation';
    if (looksLikePulumiPreview(doc))
        return 'pulumi';
    if (looksLikeTemplate(doc))
        return 'template';
    return undefined;
}
/**
 * Parses and checks one plan file's text, detecting its format from the
 * content unless `format` names it. A document of no known kind gets a
 * one-line error naming what it looks like and the commands that make the
 * right input.
 */
function readPlan(input, format = 'auto') {
    const { source } = input;
    let doc;
    try {
        doc = parseJsonText(input.text, source);
    }
    catch (error) {
        if (looksLikePulumiEventStream(input.text)) {
            throw new PlanParseError(source, 'a Pulumi preview digest', 'a Pulumi engine event stream (one JSON event per line)', 'run `pulumi preview --json > preview.json`, which writes the digest', { cause: error });
        }
        throw error;
    }
    const kind = format === 'auto' ? detectFormat(doc) : format;
    switch (kind) {
        case 'terraform':
            return readTerraformPlan(doc, source);
        case 'cloudformation':
            return readChangeSet(doc, source);
        case 'pulumi':
            return readPulumiPreview(doc, source);
        case 'template':
            throw new PlanParseError(source, 'a plan or a change set', 'a CloudFormation template', 'compare two templates with `plangate review --before OLD --after NEW`, or review a change set from `aws cloudformation describe-change-set --include-property-values`');
        case undefined:
            // The Terraform reader knows state files and plans without a version.
            if (isRecord$2(doc) && ('format_version' in doc || 'lineage' in doc))
                return readTerraformPlan(doc, source);
            throw new PlanParseError(source, 'a plan plangate reads', describeJson(doc), `make one with ${COMMANDS}`);
    }
}
/**
 * Normalises every input with one redactor built from the secrets of all
 * of them, so a secret marked in one plan is masked in every plan. Change
 * sets are linked to their nested change sets first, so they become one
 * plan per root stack, at the place of the first change set given.
 */
function normalizePlans(inputs, options = {}) {
    const secrets = new Set();
    for (const input of inputs)
        for (const secret of input.secrets)
            secrets.add(secret);
    const redactor = createRedactor(secrets);
    const changeSets = inputs.filter((input) => input.kind === 'cloudformation');
    const plans = [];
    try {
        normalizeEach(inputs, changeSets, plans, redactor, options);
    }
    catch (error) {
        throw redactError(error, redactor);
    }
    return { plans, redactor };
}
function normalizeEach(inputs, changeSets, plans, redactor, options) {
    let changeSetsDone = false;
    for (const input of inputs) {
        switch (input.kind) {
            case 'terraform':
                plans.push(normalizeTerraformPlan(input, redactor));
                break;
            case 'pulumi':
                plans.push(normalizePulumiPreview(input, redactor));
                break;
            case 'cloudformation-template':
                plans.push(normalizeTemplateDiff(input, redactor));
                break;
            case 'cloudformation':
                if (!changeSetsDone) {
                    plans.push(...normalizeChangeSets(changeSets, redactor, options.labels));
                    changeSetsDone = true;
                }
                break;
        }
    }
}

/** V8's longest string is about 512 MiB; larger plans need a streaming reader. */
const MAX_PLAN_BYTES = 512 * 1024 * 1024 - 64;
/**
 * Reads a plan file (or standard input for `-`) as text, turning every
 * file-system problem into a PlanParseError that names the path.
 */
function readPlanFile(path, readStdin) {
    if (path === '-') {
        const data = readStdin();
        if (data.length > MAX_PLAN_BYTES)
            throw tooLarge$1('-', data.length);
        return data.toString('utf8');
    }
    let size;
    try {
        const stat = statSync(path);
        if (stat.isDirectory()) {
            throw new PlanParseError(path, 'a plan file', 'a directory', 'pass the JSON file inside it (`terraform show -json PLANFILE > plan.json`)');
        }
        size = stat.size;
    }
    catch (error) {
        if (error instanceof PlanParseError)
            throw error;
        throw fileError(path, error);
    }
    if (size > MAX_PLAN_BYTES)
        throw tooLarge$1(path, size);
    try {
        // Buffer then decode: faster than readFileSync(path, 'utf8') on Node 20.
        return readFileSync(path).toString('utf8');
    }
    catch (error) {
        throw fileError(path, error);
    }
}
function tooLarge$1(path, bytes) {
    return new PlanParseError(path, 'a plan under 512 MiB', `${Math.round(bytes / 1024 / 1024)} MiB`, 'plans this large are not supported yet');
}
function fileError(path, error) {
    const code = typeof error === 'object' && error !== null && 'code' in error
        ? String(error.code)
        : 'unknown';
    const found = code === 'ENOENT'
        ? 'no file at that path'
        : code === 'EACCES' || code === 'EPERM'
            ? 'a file plangate may not read (permission denied)'
            : code === 'EISDIR'
                ? 'a directory'
                : `a read error (${code})`;
    return new PlanParseError(path, 'a readable plan file', found, undefined, {
        cause: error
    });
}

/**
 * A structural scanner over the bytes of a JSON document: it finds where
 * values begin and end (strings and escapes aware, nesting checked) without
 * building them, so that a reader can hand only the parts it needs to the
 * native JSON.parse. It checks brackets, quotes, separators of the objects
 * and arrays it walks, nesting depth and trailing garbage; the tokens inside
 * values it only skips are left to JSON.parse of the parts that are parsed.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Byte classes for the hot loop: 0 for every byte that is not structural. */
const CLASS = new Uint8Array(256);
const IS_QUOTE = 1;
const IS_OPEN = 2;
const IS_CLOSE = 3;
CLASS[QUOTE] = IS_QUOTE;
CLASS[OPEN_BRACE] = IS_OPEN;
CLASS[OPEN_BRACKET] = IS_OPEN;
CLASS[CLOSE_BRACE] = IS_CLOSE;
CLASS[CLOSE_BRACKET] = IS_CLOSE;
/** Why a scan stopped: the offset is a byte offset into the document. */
class JsonScanError extends Error {
    kind;
    offset;
    what;
    name = 'JsonScanError';
    constructor(kind, offset, what, options) {
        // The cause is a name, never an error whose message may quote the input.
        super(`${what} at byte ${offset}`, options);
        this.kind = kind;
        this.offset = offset;
        this.what = what;
    }
}
/** Index of the first byte at or after `i` that is not JSON whitespace. */
function skipSpace(bytes, i) {
    const n = bytes.length;
    while (i < n) {
        const c = bytes[i];
        if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09)
            return i;
        i++;
    }
    return n;
}
/** Index of the quote that closes the string whose opening quote is at `start`. */
function stringEnd(bytes, start) {
    let i = start + 1;
    for (;;) {
        const quote = bytes.indexOf(QUOTE, i);
        if (quote === -1)
            throw new JsonScanError('truncated', bytes.length, 'a string that never ends');
        let k = quote - 1;
        while (k > start && bytes[k] === BACKSLASH)
            k--;
        if ((quote - 1 - k) % 2 === 0)
            return quote;
        i = quote + 1;
    }
}
/**
 * Index just past the value that starts at `start` (its first byte), which
 * sits inside `depth` arrays and objects.
 */
function skipValue(scan, start, depth) {
    const { bytes } = scan;
    const c = bytes[start];
    if (c === undefined)
        throw new JsonScanError('truncated', start, 'unexpected end of input');
    if (c === QUOTE)
        return stringEnd(bytes, start) + 1;
    if (c === OPEN_BRACE || c === OPEN_BRACKET)
        return skipContainer(scan, start, depth);
    return scalarEnd(bytes, start);
}
let scratch = new Uint8Array(1024);
function skipContainer(scan, start, depth) {
    const { bytes, limit } = scan;
    if (scratch.length < limit + 2)
        scratch = new Uint8Array(limit + 2);
    const stack = scratch;
    const n = bytes.length;
    let top = 0;
    let d = depth;
    for (let i = start; i < n; i++) {
        const kind = CLASS[bytes[i]];
        if (kind === 0)
            continue;
        if (kind === IS_QUOTE) {
            // Most strings are short: a loop beats a native call for them.
            const stop = Math.min(n, i + 64);
            let j = i + 1;
            while (j < stop) {
                const b = bytes[j];
                if (b === QUOTE)
                    break;
                if (b === BACKSLASH)
                    j++;
                j++;
            }
            i = j < stop ? j : stringEnd(bytes, i);
        }
        else if (kind === IS_OPEN) {
            if (++d > limit)
                throw new JsonScanError('deep', i, `nesting deeper than ${limit}`);
            stack[top++] = bytes[i];
        }
        else {
            // The closing bracket is the opening one plus two, for both kinds.
            if (stack[--top] !== bytes[i] - 2)
                throw new JsonScanError('invalid', i, 'a bracket that does not match');
            d--;
            if (top === 0)
                return i + 1;
        }
    }
    throw new JsonScanError('truncated', n, 'unexpected end of input');
}
function scalarEnd(bytes, start) {
    const c = bytes[start];
    const isStart = c === 0x2d /* - */ ||
        (c >= 0x30 && c <= 0x39) ||
        c === 0x74 /* t */ ||
        c === 0x66 /* f */ ||
        c === 0x6e; /* n */
    if (!isStart)
        throw new JsonScanError('invalid', start, 'a character that starts no value');
    const n = bytes.length;
    let i = start + 1;
    while (i < n) {
        const b = bytes[i];
        if (b === COMMA ||
            b === CLOSE_BRACE ||
            b === CLOSE_BRACKET ||
            b === 0x20 ||
            b === 0x0a ||
            b === 0x0d ||
            b === 0x09)
            break;
        i++;
    }
    return i;
}
/** Decodes the key whose quotes are at `open` and `close`. */
function keyAt(bytes, open, close) {
    const raw = bytes.indexOf(BACKSLASH, open + 1);
    if (raw === -1 || raw > close)
        return bytes.toString('utf8', open + 1, close);
    return JSON.parse(bytes.toString('utf8', open, close + 1));
}
/**
 * Walks the object at `start`, calling `onEntry` with each key and the
 * offset of its value; `onEntry` returns the end of the value when it read
 * it, or undefined to have it skipped. Returns the index past the object.
 */
function scanObject(scan, start, depth, onEntry) {
    const { bytes, limit } = scan;
    if (bytes[start] !== OPEN_BRACE)
        throw expected(bytes, start, 'an object');
    if (depth + 1 > limit)
        throw new JsonScanError('deep', start, `nesting deeper than ${limit}`);
    let i = skipSpace(bytes, start + 1);
    if (bytes[i] === CLOSE_BRACE)
        return i + 1;
    for (;;) {
        if (bytes[i] !== QUOTE)
            throw expected(bytes, i, 'a property name');
        const close = stringEnd(bytes, i);
        const key = keyAt(bytes, i, close);
        i = skipSpace(bytes, close + 1);
        if (bytes[i] !== COLON)
            throw expected(bytes, i, '":"');
        const valueStart = skipSpace(bytes, i + 1);
        i = onEntry(key, valueStart) ?? skipValue(scan, valueStart, depth + 1);
        i = skipSpace(bytes, i);
        if (bytes[i] === COMMA) {
            i = skipSpace(bytes, i + 1);
            continue;
        }
        if (bytes[i] === CLOSE_BRACE)
            return i + 1;
        throw expected(bytes, i, '"," or "}"');
    }
}
/**
 * Walks the array at `start`, calling `onElement` with the offset of each
 * element; like scanObject's `onEntry`, it returns the element's end or
 * undefined. Returns the index past the array.
 */
function scanArray(scan, start, depth, onElement) {
    const { bytes, limit } = scan;
    if (bytes[start] !== OPEN_BRACKET)
        throw expected(bytes, start, 'an array');
    if (depth + 1 > limit)
        throw new JsonScanError('deep', start, `nesting deeper than ${limit}`);
    let i = skipSpace(bytes, start + 1);
    if (bytes[i] === CLOSE_BRACKET)
        return i + 1;
    for (;;) {
        const valueStart = i;
        i = onElement(valueStart) ?? skipValue(scan, valueStart, depth + 1);
        i = skipSpace(bytes, i);
        if (bytes[i] === COMMA) {
            i = skipSpace(bytes, i + 1);
            continue;
        }
        if (bytes[i] === CLOSE_BRACKET)
            return i + 1;
        throw expected(bytes, i, '"," or "]"');
    }
}
function expected(bytes, i, what) {
    return i >= bytes.length
        ? new JsonScanError('truncated', i, 'unexpected end of input')
        : new JsonScanError('invalid', i, `expected ${what}`);
}

/**
 * Arrays over this many bytes are parsed an element at a time: one
 * JSON.parse of a long array costs a transient string as long as the array.
 */
const ELEMENTWISE_BYTES = 64 * 1024 * 1024;
/** Top-level keys whose value readTerraformPlan reads; every other section is skipped unparsed. */
const READ_SECTIONS = new Set([
    'format_version',
    'terraform_version',
    'resource_changes',
    'resource_drift',
    'output_changes',
    'checks',
    'applyable',
    'complete',
    'errored',
    'deferred_changes',
    'relevant_attributes',
    'configuration',
    'variables'
]);
/** State sections: only outputs, data sources and the shape of their modules are read. */
const STATE_SECTIONS = new Set(['prior_state', 'planned_values']);
/**
 * Reads a Terraform/OpenTofu JSON plan from its bytes into the same input
 * as `readTerraformPlan(JSON.parse(text))`, parsing only what the review
 * needs: `prior_state` and `planned_values` (most of a plan, repeating
 * `resource_changes`) are scanned, not built, except their outputs and data
 * sources. Works on documents longer than V8's longest string. Returns
 * undefined when the bytes are not a well-formed JSON object with the keys
 * of a plan, so the caller can fall back to the general reader (which
 * explains any problem).
 */
function readTerraformPlanBytes(bytes, source, options) {
    const scan = {
        bytes,
        limit: options.nestingLimit ?? MAX_NESTING
    };
    const reader = new SectionReader(scan, source, options);
    let sections;
    try {
        sections = findSections(scan, reader);
    }
    catch (error) {
        if (!(error instanceof JsonScanError))
            throw error;
        // The general reader explains the problem with a line and column.
        if (bytes.length <= options.maxTextBytes)
            return undefined;
        throw scanProblem(source, error);
    }
    if (sections === undefined || !looksLikePlanKeys(sections, bytes))
        return undefined;
    const doc = {};
    try {
        reader.fillResources(sections.has('resource_changes'));
        for (const [key, section] of sections) {
            if (!READ_SECTIONS.has(key) && !STATE_SECTIONS.has(key))
                continue;
            Object.defineProperty(doc, key, {
                value: section.value ??
                    reader.parseValue(section.start, section.end, section.bounds),
                enumerable: true,
                writable: true,
                configurable: true
            });
        }
    }
    catch (error) {
        if (!(error instanceof JsonScanError))
            throw error;
        if (bytes.length <= options.maxTextBytes)
            return undefined;
        throw scanProblem(source, error);
    }
    return readTerraformPlan(doc, source);
}
/** Arrays that grow with the plan: their elements are located in the first pass. */
const ELEMENT_SECTIONS = new Set(['resource_changes', 'resource_drift']);
/**
 * The root object's sections (the last of duplicates, as JSON.parse), or
 * undefined when the document is not an object. One pass over the bytes:
 * state sections are reduced as they are scanned.
 */
function findSections(scan, reader) {
    const { bytes } = scan;
    let start = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        start = 3;
    start = skipSpace(bytes, start);
    const sections = new Map();
    // Not an object: not a plan this reader knows (nor JSON it can explain).
    if (bytes[start] !== 0x7b)
        return undefined;
    const end = scanObject(scan, start, 0, (key, valueStart) => {
        sections.delete(key);
        if (STATE_SECTIONS.has(key)) {
            const state = reader.slimState(valueStart, key === 'prior_state');
            sections.set(key, { start: valueStart, ...state });
            return state.end;
        }
        if (ELEMENT_SECTIONS.has(key) && bytes[valueStart] === 0x5b) {
            // Element bounds are noted in this pass: a long array is not scanned twice.
            const bounds = [];
            const valueEnd = scanArray(scan, valueStart, 1, (at) => {
                const itemEnd = skipValue(scan, at, 2);
                bounds.push(at, itemEnd);
                return itemEnd;
            });
            sections.set(key, { start: valueStart, end: valueEnd, bounds });
            return valueEnd;
        }
        const valueEnd = skipValue(scan, valueStart, 1);
        sections.set(key, { start: valueStart, end: valueEnd });
        return valueEnd;
    });
    const rest = skipSpace(bytes, end);
    if (rest < bytes.length)
        throw new JsonScanError('invalid', rest, 'unexpected character after the end of the JSON value');
    return sections;
}
/** The test of looksLikeTerraformPlan, on the keys and the version alone. */
function looksLikePlanKeys(sections, bytes) {
    const version = sections.get('format_version');
    if (version === undefined || bytes[version.start] !== 0x22)
        return false;
    return (sections.has('planned_values') ||
        sections.has('resource_changes') ||
        sections.has('output_changes') ||
        (sections.has('configuration') && !sections.has('values')));
}
class SectionReader {
    scan;
    source;
    options;
    bytes;
    /** Resource lists of the state sections, filled by fillResources. */
    pending = [];
    constructor(scan, source, options) {
        this.scan = scan;
        this.source = source;
        this.options = options;
        this.bytes = scan.bytes;
    }
    /** The value in [start, end), parsed whole or (long arrays) element by element. */
    parseValue(start, end, bounds) {
        const elementwise = this.options.elementwiseBytes ??
            Math.min(ELEMENTWISE_BYTES, this.options.maxTextBytes);
        if (this.bytes[start] === 0x5b && end - start > elementwise) {
            const items = [];
            if (bounds !== undefined) {
                for (let k = 0; k < bounds.length; k += 2)
                    items.push(this.parseRange(bounds[k], bounds[k + 1]));
                return items;
            }
            scanArray(this.scan, start, 1, (at) => {
                const itemEnd = skipValue(this.scan, at, 2);
                items.push(this.parseRange(at, itemEnd));
                return itemEnd;
            });
            return items;
        }
        return this.parseRange(start, end);
    }
    parseRange(start, end) {
        if (end - start > this.options.maxTextBytes) {
            throw new PlanParseError(this.source, `each value outside the long arrays of a plan at most ${sizeOf$1(this.options.maxTextBytes)}`, `a value of ${sizeOf$1(end - start)} at byte ${start}`, 'plangate reads plans larger than that only when their size is in resource_changes, resource_drift and the state sections');
        }
        try {
            return JSON.parse(this.bytes.toString('utf8', start, end));
        }
        catch (error) {
            // Never passed on: Node 20's JSON.parse message quotes the input.
            throw new JsonScanError('invalid', start, 'invalid JSON in the value that starts there', { cause: error instanceof Error ? error.name : 'unknown' });
        }
    }
    /**
     * Parses the state sections' resources that readTerraformPlan reads:
     * with resource_changes present, only data sources (null stands for a
     * skipped one, so lengths hold); without it, all of them.
     */
    fillResources(dataOnly) {
        for (const { list, slots } of this.pending) {
            for (const slot of slots) {
                list.push(dataOnly && !slot.data ? null : this.parseRange(slot.start, slot.end));
            }
        }
        this.pending.length = 0;
    }
    /**
     * `prior_state` or `planned_values` with only what readTerraformPlan
     * reads from it: outputs, and modules whose resources are listed for
     * fillResources.
     */
    slimState(start, nested) {
        if (this.bytes[start] !== 0x7b)
            return { end: skipValue(this.scan, start, 1), value: null };
        if (!nested)
            return this.slimValues(start, 1);
        const state = {};
        const end = scanObject(this.scan, start, 1, (key, at) => {
            if (key !== 'values')
                return undefined;
            const values = this.slimValues(at, 2);
            state.values = values.value;
            return values.end;
        });
        return { end, value: state };
    }
    slimValues(start, depth) {
        if (this.bytes[start] !== 0x7b)
            return { end: skipValue(this.scan, start, depth), value: null };
        const values = {};
        const end = scanObject(this.scan, start, depth, (key, at) => {
            if (key === 'outputs') {
                const outputsEnd = skipValue(this.scan, at, depth + 1);
                values.outputs = this.parseValue(at, outputsEnd);
                return outputsEnd;
            }
            if (key === 'root_module') {
                const module = this.slimModule(at, depth + 1);
                values.root_module = module.value;
                return module.end;
            }
            return undefined;
        });
        return { end, value: values };
    }
    slimModule(start, depth) {
        if (this.bytes[start] !== 0x7b)
            return { end: skipValue(this.scan, start, depth), value: null };
        const module = {};
        const end = scanObject(this.scan, start, depth, (key, at) => {
            if (key === 'resources') {
                const resources = this.slimResources(at, depth + 1);
                module.resources = resources.value;
                return resources.end;
            }
            if (key !== 'child_modules')
                return undefined;
            if (this.bytes[at] !== 0x5b) {
                module.child_modules = null;
                return undefined;
            }
            const children = [];
            module.child_modules = children;
            return scanArray(this.scan, at, depth + 1, (childAt) => {
                const child = this.slimModule(childAt, depth + 2);
                children.push(child.value);
                return child.end;
            });
        });
        return { end, value: module };
    }
    slimResources(start, depth) {
        if (this.bytes[start] !== 0x5b)
            return { end: skipValue(this.scan, start, depth), value: null };
        const list = [];
        const slots = [];
        this.pending.push({ list, slots });
        const end = scanArray(this.scan, start, depth, (at) => this.resourceSlot(at, depth + 1, slots));
        return { end, value: list };
    }
    /** Records where a resource lies and whether it has `"mode": "data"` (the last `mode`, as JSON.parse). */
    resourceSlot(start, depth, slots) {
        if (this.bytes[start] !== 0x7b) {
            const end = skipValue(this.scan, start, depth);
            slots.push({ start, end, data: false });
            return end;
        }
        let data = false;
        const end = scanObject(this.scan, start, depth, (key, at) => {
            if (key !== 'mode')
                return undefined;
            const modeEnd = skipValue(this.scan, at, depth + 1);
            data = this.bytes[at] === 0x22 && this.parseRange(at, modeEnd) === 'data';
            return modeEnd;
        });
        slots.push({ start, end, data });
        return end;
    }
}
function scanProblem(source, error) {
    const found = error.kind === 'truncated'
        ? `JSON that ends early at byte ${error.offset} (the file looks truncated)`
        : error.kind === 'deep'
            ? `JSON nested deeper than the limit at byte ${error.offset}`
            : `invalid JSON at byte ${error.offset} (${error.what})`;
    return new PlanParseError(source, error.kind === 'deep'
        ? `JSON nested at most ${MAX_NESTING} levels deep`
        : 'a JSON plan', found, error.kind === 'deep'
        ? 'plangate refuses deeper input (real plans nest under 30 levels)'
        : undefined, { cause: error });
}
function sizeOf$1(bytes) {
    return bytes < 1024 * 1024
        ? `${bytes} bytes`
        : `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/**
 * The largest plan plangate reads, after decompression. Past V8's longest
 * string only Terraform plans are read (in sections); the bound is memory:
 * the file is held once, plus the changes it holds.
 */
const MAX_PLAN_STREAM_BYTES = 2 * 1024 * 1024 * 1024 - 1;
const LIMITS = {
    maxTextBytes: MAX_PLAN_BYTES,
    maxBytes: MAX_PLAN_STREAM_BYTES
};
/**
 * Reads and checks one plan file (or standard input for `-`), gzip or not.
 * A Terraform/OpenTofu plan is read from its bytes, parsing only the
 * sections the review needs (faster than a whole JSON.parse, and past
 * V8's longest string); anything else goes to the text reader.
 */
function readPlanInput(ref, format, readStdin, limits = LIMITS) {
    const data = readPlanBytes(ref.path, readStdin, limits);
    if (format === 'auto' || format === 'terraform') {
        const input = readTerraformPlanBytes(data, ref.source, limits);
        if (input !== undefined)
            return input;
    }
    if (data.length > limits.maxTextBytes) {
        throw tooLarge(ref.path, data.length, limits.maxTextBytes, 'only Terraform/OpenTofu plans are read past V8’s longest string');
    }
    return readPlan({ source: ref.source, text: readPlanFile('-', () => data) }, format);
}
/**
 * The bytes of a plan file, decompressed when they are gzip (told by the
 * magic bytes, not the name). The size limit applies to the decompressed
 * data as it is produced, so a gzip bomb is an input error, not an OOM.
 */
function readPlanBytes(path, readStdin, limits = LIMITS) {
    let data;
    if (path === '-')
        data = readStdin();
    else {
        let size;
        try {
            const stat = statSync(path);
            size = stat.size;
            if (stat.isDirectory())
                size = -1;
        }
        catch {
            size = -1;
        }
        // The text reader names every file-system problem; let it throw.
        if (size === -1)
            return Buffer.from(readPlanFile(path, readStdin));
        if (size > limits.maxBytes)
            throw tooLarge(path, size, limits.maxBytes);
        try {
            data = readFileSync(path);
        }
        catch {
            return Buffer.from(readPlanFile(path, readStdin));
        }
    }
    if (data[0] === 0x1f && data[1] === 0x8b)
        return gunzip(data, path, limits);
    if (data.length > limits.maxBytes)
        throw tooLarge(path, data.length, limits.maxBytes);
    return data;
}
function gunzip(data, path, limits) {
    try {
        return gunzipSync(data, { maxOutputLength: limits.maxBytes });
    }
    catch (error) {
        const code = typeof error === 'object' && error !== null && 'code' in error
            ? String(error.code)
            : '';
        if (code === 'ERR_BUFFER_TOO_LARGE') {
            throw new PlanParseError(path, `a gzip plan under ${sizeOf(limits.maxBytes)} once decompressed`, `more than ${sizeOf(limits.maxBytes)} of decompressed data`, 'plangate stops decompressing there', { cause: error });
        }
        const truncated = code === 'Z_BUF_ERROR';
        throw new PlanParseError(path, 'a complete gzip stream', truncated
            ? 'a gzip stream that ends early (the file looks truncated)'
            : `a corrupt gzip stream (${code || 'unknown error'})`, undefined, { cause: error });
    }
}
function tooLarge(path, bytes, limit, hint = 'plangate holds a plan in memory while it reads it') {
    return new PlanParseError(path, `a plan of at most ${sizeOf(limit)}`, sizeOf(bytes), hint);
}
function sizeOf(bytes) {
    return bytes < 1024 * 1024
        ? `${bytes} bytes`
        : `${Math.round(bytes / 1024 / 1024)} MiB`;
}

/**
 * Expands the paths given on the command line into plan files: a file is
 * itself; a `cdktf.out` directory gives each stack's `plan.json`; any other
 * directory gives its `*.json` files (a root change set and its nested
 * ones, say). Nothing is read yet, so each file can be parsed and freed in
 * turn.
 */
function expandPlanPaths(paths) {
    return paths.flatMap((path) => {
        if (path === '-' || !isDirectory(path))
            return [{ source: path, path }];
        return expandDirectory(path);
    });
}
/** True for an existing directory; anything else is left to the reader, which names the problem. */
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
}
function expandDirectory(dir) {
    const manifestPath = join(dir, 'manifest.json');
    if (existsSync(manifestPath)) {
        const manifest = readManifest(manifestPath);
        if (typeof manifest === 'object' && manifest !== null) {
            if ('stacks' in manifest)
                return cdktfStacks(dir, manifest.stacks);
            if ('artifacts' in manifest) {
                throw new PlanParseError(dir, 'a plan file, a directory of change sets or a cdktf.out directory', 'a cdk.out directory (one synthesized app)', 'compare two of them: `plangate review --before OLD/cdk.out --after NEW/cdk.out`');
            }
        }
    }
    const files = readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort();
    if (files.length === 0) {
        throw new PlanParseError(dir, 'a plan file, or a directory holding .json plans or change sets', 'a directory with no .json file');
    }
    return files.map((name) => ({
        source: join(dir, name),
        path: join(dir, name)
    }));
}
function readManifest(path) {
    try {
        return JSON.parse(readFileSync(path, 'utf8'));
    }
    catch {
        throw new PlanParseError(path, 'a JSON manifest', 'a file that is not JSON');
    }
}
/**
 * `cdktf.out/manifest.json` lists the stacks; each stack directory must hold
 * the JSON of its plan. A stack without one fails the run: an unreviewed
 * stack must not pass.
 */
function cdktfStacks(dir, stacks) {
    if (typeof stacks !== 'object' || stacks === null || Array.isArray(stacks)) {
        throw new PlanParseError(join(dir, 'manifest.json'), 'a cdktf manifest whose "stacks" is an object', Array.isArray(stacks) ? 'an array' : typeof stacks);
    }
    const refs = [];
    for (const [name, stack] of Object.entries(stacks)) {
        const workingDirectory = typeof stack === 'object' &&
            stack !== null &&
            'workingDirectory' in stack &&
            typeof stack.workingDirectory === 'string'
            ? stack.workingDirectory
            : join('stacks', name);
        const planJson = join(dir, workingDirectory, 'plan.json');
        if (!existsSync(planJson)) {
            const binary = join(dir, workingDirectory, 'plan');
            throw new PlanParseError(join(dir, workingDirectory), `the plan JSON of cdktf stack "${name}" in plan.json`, existsSync(binary) ? 'only the binary plan file' : 'no plan', `run ${existsSync(binary) ? '' : `\`cdktf plan ${name}\`, then `}\`terraform -chdir=${join(dir, workingDirectory)} show -json plan > ${planJson}\``);
        }
        refs.push({ source: planJson, path: planJson });
    }
    if (refs.length === 0) {
        throw new PlanParseError(join(dir, 'manifest.json'), 'a cdktf manifest with stacks', 'no stacks');
    }
    return refs;
}

const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    if (str.indexOf('\\') === -1) {
        return str;
    }
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    if (str.indexOf('\0') === -1) {
        return str;
    }
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    // Like Bash, only the endpoints set the width: `{1..10..02}` is `1 3 5 7 9`.
    const pad = isPadded(n[0]) || isPadded(n[1]);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}

// One digit, or a class of digits from a to b.
const digit = (a, b) => a === b ?
    { t: 'lit', ch: String(a) }
    : { t: 'class', re: new RegExp(`^[${a}-${b}]$`) };
const prefix = (d, alts) => alts.map(s => [digit(d, d), ...s]);
// The digit strings from a to b, which have the same length.
const fixed = (a, b) => {
    if (!a)
        return [[]];
    let lo = +a[0];
    let hi = +b[0];
    const ra = a.slice(1);
    const rb = b.slice(1);
    if (lo === hi)
        return prefix(lo, fixed(ra, rb));
    const zeros = '0'.repeat(ra.length);
    const nines = '9'.repeat(ra.length);
    const out = [];
    if (ra !== zeros)
        out.push(...prefix(lo++, fixed(ra, nines)));
    const last = rb === nines ? [] : prefix(hi--, fixed(zeros, rb));
    if (lo <= hi) {
        out.push([digit(lo, hi), ...Array.from(ra, () => digit(0, 9))]);
    }
    out.push(...last);
    return out;
};
// The numbers from a to b, where 0 <= a <= b. If width is set, each
// one has leading zeros to make it that many digits.
const nonneg = (a, b, width) => {
    if (width) {
        return fixed(String(a).padStart(width, '0'), String(b).padStart(width, '0'));
    }
    const out = [];
    for (let len = String(a).length; len <= String(b).length; len++) {
        const lo = Math.max(a, len === 1 ? 0 : 10 ** (len - 1));
        const hi = Math.min(b, 10 ** len - 1);
        out.push(...fixed(String(lo), String(hi)));
    }
    return out;
};
/**
 * The strings that the bash brace expansion `{lo..hi}` makes, as
 * the alternatives of an `@(...)` extglob. Each one is a sequence of
 * digits and digit classes, so there are only a few of them, even for
 * a large range.
 *
 * If either end has a leading zero, such as `{01..10}`, each number
 * has leading zeros to make it as long as the longer end, counting a
 * `-` sign. So `{-05..3}` makes `-05` to `-01`, then `000` to `003`.
 *
 * Returns undefined if either end is not a safe integer.
 */
const numericRange = (loStr, hiStr) => {
    let lo = Number(loStr);
    let hi = Number(hiStr);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi))
        return;
    if (lo > hi)
        [lo, hi] = [hi, lo];
    const padded = /^-?0\d/.test(loStr) || /^-?0\d/.test(hiStr);
    const width = padded ? Math.max(loStr.length, hiStr.length) : 0;
    const out = [];
    if (lo < 0) {
        const neg = nonneg(Math.max(-hi, 1), -lo, width && width - 1);
        out.push(...neg.map(s => [{ t: 'lit', ch: '-' }, ...s]));
    }
    if (hi >= 0)
        out.push(...nonneg(Math.max(lo, 0), hi, width));
    return out;
};

// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}'],
    '[:alpha:]': ['\\p{L}\\p{Nl}'],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f'],
    '[:blank:]': ['\\p{Zs}\\t'],
    '[:cntrl:]': ['\\p{Cc}'],
    '[:digit:]': ['\\p{Nd}'],
    '[:graph:]': ['\\p{Z}\\p{C}', true],
    '[:lower:]': ['\\p{Ll}'],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}\\p{S}'],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f'],
    '[:upper:]': ['\\p{Lu}'],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}'],
    '[:xdigit:]': ['A-Fa-f0-9'],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
const noMatch = /$./;
// Takes a glob string at a posix brace expression. Returns a RegExp
// that tests one character, and the number of glob chars consumed.
// If the class is not closed, consumed is 0, and the `[` must be
// treated as a literal character.
// Out of order ranges are removed. If nothing is left, the RegExp
// is `/$./`, and the rest of the glob is consumed, so that the
// whole glob cannot match.
const parseClass = (glob, position, nocase = false, form) => {
    // normalize one class member, if it stays one code point
    const norm = (c) => {
        const n = form ? c.normalize(form) : c;
        return [...n].length === 1 ? n : c;
    };
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = String.fromCodePoint(glob.codePointAt(i));
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return [noMatch, glob.length - pos];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        const n = norm(c);
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (n.codePointAt(0) > rangeStart.codePointAt(0)) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(n));
            }
            else if (n === rangeStart) {
                ranges.push(braceEscape(n));
            }
            rangeStart = '';
            i += c.length;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + c.length)) {
            ranges.push(braceEscape(n + '-'));
            i += c.length + 1;
            continue;
        }
        if (glob.startsWith('-', i + c.length)) {
            rangeStart = n;
            i += c.length + 1;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(n));
        i += c.length;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return [noMatch, 0];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return [noMatch, glob.length - pos];
    }
    const sranges = '[' + (negate ? '^' : '') + ranges.join('') + ']';
    const snegs = '[' + (negate ? '' : '^') + negs.join('') + ']';
    const comb = '^' +
        (ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
            : ranges.length ? sranges
                : snegs);
    return [new RegExp(comb, nocase ? 'iu' : 'u'), endPos - pos];
};

// the end of the pattern, or of a negated sub-pattern
const MATCH = { t: 'match', id: 0 };
const extTypes = '!?+*@';
const lit = (ch) => ({ t: 'lit', ch });
const reEscape = (s) => s.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
// a RegExp that only matches `s`, with unicode case folding
const newFoldRe = (s) => new RegExp(`^${reEscape(s)}$`, 'iu');
// foldRe for one literal char. The same chars are in most patterns,
// so keep them. A RegExp without the `g` or `y` flag has no state to
// share.
const foldCache = new Map();
const foldRe = (ch) => {
    let re = foldCache.get(ch);
    if (!re) {
        re = newFoldRe(ch);
        if (foldCache.size >= 1000)
            foldCache.clear();
        foldCache.set(ch, re);
    }
    return re;
};
const litMatch = (l, c) => {
    if (c === l.ch)
        return true;
    if (!l.re)
        return false;
    const code = c.charCodeAt(0);
    if (code >= 128)
        return l.re.test(c);
    const ascii = (l.ascii ??= new Uint8Array(128));
    ascii[code] ||= l.re.test(c) ? 1 : 2;
    return ascii[code] === 1;
};
const tokenize$1 = (p, nocase, noext, form, mark) => {
    const toks = [];
    for (let i = 0; i < p.length;) {
        const c = String.fromCodePoint(p.codePointAt(i));
        if (mark) {
            // a \ before a range would only escape its first char
            const m = c === '\\' && p.startsWith(mark, i + 1) ? 1 : 0;
            if (m || c === mark) {
                const start = i + m + mark.length;
                const end = p.indexOf(mark, start);
                const r = /^(-?\d+)\.\.(-?\d+)$/.exec(p.slice(start, end));
                const alts = end !== -1 && r && numericRange(r[1], r[2]);
                if (alts) {
                    toks.push({ t: 'ext', type: '@', alts });
                    i = end + mark.length;
                    continue;
                }
            }
        }
        if (c === '\\') {
            // a trailing \ is a literal \
            const e = p.codePointAt(i + 1);
            const ch = e === undefined ? c : String.fromCodePoint(e);
            toks.push(lit(ch));
            i += 1 + ch.length;
            continue;
        }
        if (c === '[') {
            const [re, consumed] = parseClass(p, i, nocase, form);
            if (consumed) {
                toks.push({ t: 'class', re });
                i += consumed;
                continue;
            }
        }
        if (!noext && extTypes.includes(c) && p[i + 1] === '(') {
            toks.push({ t: 'open', type: c });
            i += 2;
            continue;
        }
        toks.push(!noext && c === '|' ? { t: 'bar' }
            : !noext && c === ')' ? { t: 'close' }
                : c === '*' ? { t: 'star' }
                    : c === '?' ? { t: 'any' }
                        : lit(c));
        i += c.length;
    }
    return toks;
};
// map each open token index to the index of its close token
const pair = (toks) => {
    const pairs = new Map();
    const stack = [];
    toks.forEach((tok, i) => {
        if (tok.t === 'open')
            stack.push(i);
        else if (tok.t === 'close' && stack.length)
            pairs.set(stack.pop(), i);
    });
    return pairs;
};
// build the alternatives between start and end. An open token that
// is not closed is never inside a closed extglob, so bar and close
// tokens are only literal at the top level.
const build = (toks, pairs, start, end, top) => {
    let seq = [];
    const alts = [seq];
    for (let i = start; i < end; i++) {
        const tok = toks[i];
        const close = pairs.get(i);
        if (tok.t === 'open' && close !== undefined) {
            const sub = build(toks, pairs, i + 1, close, false);
            seq.push({ t: 'ext', type: tok.type, alts: sub });
            i = close;
        }
        else if (tok.t === 'bar' && !top) {
            alts.push((seq = []));
        }
        else if (tok.t === 'open') {
            seq.push(lit(tok.type), lit('('));
        }
        else if (tok.t === 'bar') {
            seq.push(lit('|'));
        }
        else if (tok.t === 'close') {
            seq.push(lit(')'));
        }
        else {
            seq.push(tok);
        }
    }
    return alts;
};
// normalize each run of literal chars as one string, so that a char
// and the combining marks after it compose (or decompose) together.
// Syntax is already parsed, so a char that normalizes to a syntax
// char (such as full-width `＊` in NFKC) stays a literal.
const normalize = (items, form) => {
    const out = [];
    let run = '';
    const flush = () => {
        for (const ch of run.normalize(form))
            out.push(lit(ch));
        run = '';
    };
    for (const it of items) {
        if (it.t === 'lit') {
            run += it.ch;
            continue;
        }
        flush();
        out.push(it.t === 'ext' ?
            { ...it, alts: it.alts.map(a => normalize(a, form)) }
            : it);
    }
    flush();
    return out;
};
// the start node, and the number of node ids. Ids are dense, from 0
// for the match node.
const compile = (items, nocase) => {
    let id = 1;
    const split = (out) => ({ t: 'split', id: id++, out });
    const seq = (items, next) => items.reduceRight((next, it) => item(it, next), next);
    const item = (it, next) => {
        switch (it.t) {
            case 'lit':
                const re = nocase ? foldRe(it.ch) : undefined;
                return { t: 'lit', id: id++, ch: it.ch, re, next };
            case 'any':
            case 'star':
                return { t: it.t, id: id++, next };
            case 'class':
                return { t: 'class', id: id++, re: it.re, next };
        }
        const alts = (next) => it.alts.map(a => seq(a, next));
        switch (it.type) {
            case '@':
                return split(alts(next));
            case '?':
                return split([next, ...alts(next)]);
            case '!':
                return { t: 'neg', id: id++, sub: split(alts(MATCH)), next };
        }
        // * and +, loop back after each match
        const after = split([]);
        const entry = split(alts(after));
        after.out.push(next, entry);
        return it.type === '*' ? after : entry;
    };
    const start = seq(items, MATCH);
    return [start, id];
};
// one line per node, in the order that a walk from the start
// reaches them. Edges point to node ids. The nodes of a negated
// sub-pattern are indented under their negation.
const show$1 = (start) => {
    const lines = [];
    const seen = new Set();
    const ref = (n) => (n.t === 'match' ? 'match' : String(n.id));
    const walk = (n, indent) => {
        if (n.t === 'match' || seen.has(n))
            return;
        seen.add(n);
        const line = (desc) => lines.push(`${indent}${n.id}: ${desc}`);
        switch (n.t) {
            case 'split':
                line(`split -> ${n.out.map(ref).join(', ')}`);
                for (const o of n.out)
                    walk(o, indent);
                return;
            case 'neg':
                line(`!(${ref(n.sub)}) -> ${ref(n.next)}`);
                walk(n.sub, indent + '  ');
                return walk(n.next, indent);
            case 'lit':
                line(`${JSON.stringify(n.ch)} -> ${ref(n.next)}`);
                break;
            case 'class':
                line(`${n.re} -> ${ref(n.next)}`);
                break;
            default:
                line(`${n.t === 'any' ? '?' : '*'} -> ${ref(n.next)}`);
        }
        walk(n.next, indent);
    };
    walk(start, '');
    return [`start -> ${ref(start)}`, ...lines].join('\n');
};
// The threads at one position in the string. Each node thread is
// only kept once, and runs with the same state are only kept once,
// so that identical threads merge. The match node is not in
// `threads`, because it can not step. It sets `match` instead.
class State {
    // set by the Sim, to mark the nodes that this state has
    gen;
    threads = [];
    match = false;
    runs = [];
    // the sorted ids of the threads, with 0 for a match, once the
    // state is done
    ids = [];
    constructor(gen) {
        this.gen = gen;
    }
    // no threads, so nothing more can match
    get dead() {
        return !this.threads.length && !this.match && !this.runs.length;
    }
}
// true if the two states hold the same threads
const sameState = (a, b) => {
    if (a.ids.length !== b.ids.length)
        return false;
    if (a.runs.length !== b.runs.length)
        return false;
    if (a.ids.some((id, i) => id !== b.ids[i]))
        return false;
    return a.runs.every(r => b.runs.some(o => o.neg === r.neg && sameState(o.state, r.state)));
};
const marks = (size) => ({
    has: new Float64Array(size),
    seen: new Float64Array(size),
    gen: 0,
});
class Sim {
    // `.` and `..` only match literal dots, even with `dot:true`
    dots;
    // the string starts with `.`, and `dot:true` is not set
    dotStart;
    #marks;
    constructor(dots, dotStart, marks) {
        this.dots = dots;
        this.dotStart = dotStart;
        this.#marks = marks;
    }
    state() {
        return new State(++this.#marks.gen);
    }
    // sort the ids of a state, once it has all of its threads
    done(state) {
        state.ids = state.threads.map(n => n.id).sort((a, b) => a - b);
        if (state.match)
            state.ids.unshift(MATCH.id);
        return state;
    }
    // true the first time that the state walks through the node, so
    // that loops in the graph stop
    #visit(state, node) {
        const { seen } = this.#marks;
        if (seen[node.id] === state.gen)
            return false;
        seen[node.id] = state.gen;
        return true;
    }
    #addThread(state, node) {
        const { has } = this.#marks;
        if (has[node.id] === state.gen)
            return false;
        has[node.id] = state.gen;
        state.threads.push(node);
        return true;
    }
    // wildcards only match a leading dot if `dot:true`. In a negated
    // sub-pattern, this does not apply, because the negation itself
    // can not match a leading dot.
    restricted(i, top) {
        return top && (this.dots || (this.dotStart && i === 0));
    }
    add(state, node, i, top) {
        switch (node.t) {
            case 'split':
                if (!this.#visit(state, node))
                    return;
                for (const o of node.out)
                    this.add(state, o, i, top);
                return;
            case 'neg':
                if (!this.#visit(state, node))
                    return;
                const sub = this.state();
                this.add(sub, node.sub, i, false);
                this.done(sub);
                return this.addRun(state, { t: 'run', neg: node, state: sub }, i, top);
            case 'star':
                // a * can not start a dotfile, even if it matches nothing
                if (this.restricted(i, top))
                    return;
                if (this.#addThread(state, node))
                    this.add(state, node.next, i, top);
                return;
            case 'match':
                state.match = true;
                return;
            default:
                this.#addThread(state, node);
        }
    }
    addRun(state, run, i, top) {
        for (const r of state.runs) {
            if (r.neg === run.neg && sameState(r.state, run.state))
                return;
        }
        state.runs.push(run);
        if (!run.state.match) {
            this.add(state, run.neg.next, i, top);
        }
    }
    // the threads after char `c`, at index `i`
    step(state, c, i, top) {
        const next = this.state();
        for (const th of state.threads) {
            switch (th.t) {
                case 'lit':
                    if (litMatch(th, c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'any':
                    if (!this.restricted(i, top))
                        this.add(next, th.next, i + 1, top);
                    break;
                case 'class':
                    if (!this.restricted(i, top) && th.re.test(c)) {
                        this.add(next, th.next, i + 1, top);
                    }
                    break;
                case 'star':
                    if (!this.restricted(i, top))
                        this.add(next, th, i + 1, top);
            }
        }
        if (!this.restricted(i, top)) {
            for (const run of state.runs) {
                // a sub-pattern with no threads can not match again, so the
                // run stays the same
                if (run.state.dead) {
                    this.addRun(next, run, i + 1, top);
                    continue;
                }
                const sub = this.step(run.state, c, i, false);
                this.addRun(next, { t: 'run', neg: run.neg, state: sub }, i + 1, top);
            }
        }
        return this.done(next);
    }
}
// A canonical key for the threads in a state. States with the same
// key hold the same threads, so they match the same strings.
const stateKey = (state) => {
    const ids = state.ids.join();
    if (!state.runs.length)
        return ids;
    const runs = state.runs.map(r => `${r.neg.id}(${stateKey(r.state)})`);
    return `${ids}|${runs.sort().join('|')}`;
};
// The cache can hold about this many chars of state keys and
// transitions. When it is full, it is cleared, so that a pattern
// can not use an unbounded amount of memory.
const DFA_BUDGET = 1 << 18;
// A cache of the states that the simulation reaches, built as the
// matcher is used. Each char of a string is then one Map lookup,
// once the states that it leads to are known.
//
// The dot rules only restrict the first char of a dotfile (strings
// that are only `.` or `..` do not use the cache). So a dotfile
// starts at its own state, which takes its first step with the
// restriction, and every other state takes steps without it.
class Dfa {
    #start;
    #states = new Map();
    #size = 0;
    #plain;
    #dotStart;
    #sim;
    #dotSim;
    constructor(start, marks) {
        this.#start = start;
        this.#sim = new Sim(false, false, marks);
        this.#dotSim = new Sim(false, true, marks);
    }
    #make(state) {
        return {
            state,
            match: state.match,
            dead: state.dead,
            next: new Map(),
        };
    }
    #intern(state) {
        const key = stateKey(state);
        const found = this.#states.get(key);
        if (found)
            return found;
        if (this.#size > DFA_BUDGET)
            this.#clear();
        const d = this.#make(state);
        this.#states.set(key, d);
        this.#size += key.length + 1;
        return d;
    }
    #clear() {
        this.#states.clear();
        this.#size = 0;
        this.#plain = undefined;
        this.#dotStart = undefined;
    }
    start(dotStart) {
        if (dotStart) {
            if (this.#dotStart)
                return this.#dotStart;
            const state = this.#dotSim.state();
            this.#dotSim.add(state, this.#start, 0, true);
            return (this.#dotStart = this.#make(this.#dotSim.done(state)));
        }
        if (this.#plain)
            return this.#plain;
        const state = this.#sim.state();
        this.#sim.add(state, this.#start, 0, true);
        return (this.#plain = this.#intern(this.#sim.done(state)));
    }
    // the next state, after a miss in `d.ascii`
    next(d, c) {
        const code = c.charCodeAt(0);
        const found = code < 128 ? undefined : d.next.get(c);
        if (found)
            return found;
        // the dotfile start is not in the cache, so it is never shared
        const n = d === this.#dotStart ?
            this.#intern(this.#dotSim.step(d.state, c, 0, true))
            : this.#intern(this.#sim.step(d.state, c, 1, true));
        if (code < 128) {
            if (!d.ascii) {
                d.ascii = new Array(128);
                this.#size += 128;
            }
            d.ascii[code] = n;
        }
        else {
            d.next.set(c, n);
        }
        this.#size++;
        return n;
    }
}
// the nodes in order, if the graph is a single chain
const linear = (start) => {
    const nodes = [];
    for (let n = start; n.t !== 'match'; n = n.next) {
        if (n.t === 'split' || n.t === 'neg')
            return undefined;
        nodes.push(n);
    }
    return nodes;
};
// Match a chain of nodes. Each node other than `*` matches exactly
// one char, so on a failure it is enough to go back to the last `*`
// and let it match one more char. This takes at most
// nodes.length * chars.length steps.
const testLinear = (nodes, chars, start, end) => {
    let ni = 0;
    let ci = start;
    let starNi = -1;
    let starCi = 0;
    while (ci < end) {
        const n = nodes[ni];
        if (n?.t === 'star') {
            starNi = ni++;
            starCi = ci;
            continue;
        }
        const c = chars[ci];
        if (n &&
            (n.t === 'any' ||
                (n.t === 'lit' && litMatch(n, c)) ||
                (n.t === 'class' && n.re.test(c)))) {
            ni++;
            ci++;
            continue;
        }
        if (starNi === -1)
            return false;
        ni = starNi + 1;
        ci = ++starCi;
    }
    while (nodes[ni]?.t === 'star')
        ni++;
    return ni === nodes.length;
};
// The least and most chars that the items can match. These are only
// bounds: a negation can match a string of any length, so it counts
// as 0 to Infinity.
const lengths = (items) => {
    let min = 0;
    let max = 0;
    for (const it of items) {
        const [lo, hi] = itemLengths(it);
        min += lo;
        max += hi;
    }
    return [min, max];
};
const itemLengths = (it) => {
    if (it.t === 'star')
        return [0, Infinity];
    if (it.t !== 'ext')
        return [1, 1];
    if (it.type === '!')
        return [0, Infinity];
    const alts = it.alts.map(lengths);
    const min = Math.min(...alts.map(a => a[0]));
    const max = Math.max(...alts.map(a => a[1]));
    // a loop of alternatives that only match the empty string is empty
    const loop = max === 0 ? 0 : Infinity;
    return (it.type === '@' ? [min, max]
        : it.type === '?' ? [0, max]
            : it.type === '*' ? [0, loop]
                : [min, loop]);
};
// true if the chars from `start` match the literals
const hasAffix = (lits, chars, start) => {
    for (let j = 0; j < lits.length; j++) {
        if (!litMatch(lits[j], chars[start + j]))
            return false;
    }
    return true;
};
// a `/`, or half of a surrogate pair
const slashOrSurrogate = /[/\ud800-\udfff]/;
const surrogate = /[\ud800-\udfff]/;
// a string can be indexed by code point, unless it has surrogate
// pairs
const codePoints = (s) => surrogate.test(s) ? [...s] : s;
const noSlash = (s) => {
    if (s.includes('/')) {
        throw new Error('can only match a single path portion, got: ' + s);
    }
};
class Matcher {
    pattern;
    options;
    #start;
    // the number of node ids
    #size;
    #marks;
    // the Sim for strings that are only `.` or `..`
    #dotsSim;
    // the string to compare, if the pattern has no magic. With
    // `nocase:true`, the RegExp that folds case is made when it is
    // first used.
    #literal;
    #literalFold = false;
    #literalRe;
    // the nodes between the prefix and suffix, if the graph is a
    // single chain
    #linear;
    // the linear nodes are only `*` and `?`, so the length bounds and
    // the prefix and suffix decide the match
    #wild = false;
    // the least and most chars that a match can have
    #min = 0;
    #max = Infinity;
    // the literals that a match must start and end with. Each one
    // matches exactly one char, and they are distinct items in the
    // pattern, so a string that does not have them can not match.
    #prefix = [];
    #suffix = [];
    // the prefix and suffix as strings, if they do not fold case
    #prefixStr;
    #suffixStr;
    // there is a prefix or suffix to check
    #affix = false;
    #dfa;
    #form;
    constructor(pattern, options = {}) {
        if (pattern.includes('/')) {
            throw new Error('can only match a single path portion, got pattern: ' + pattern);
        }
        this.pattern = pattern;
        this.options = options;
        const { nocase = false, noext = false, normalize: n } = options;
        this.#form = n === true ? 'NFC' : n || undefined;
        // a pattern that is only an empty extglob is a literal string,
        // except for `!()`, which matches any non-empty string
        const literal = /^[?*+@]\(\)$/.test(pattern);
        const toks = tokenize$1(pattern, nocase, noext || literal, this.#form, options.rangeMark);
        let [items] = build(toks, pair(toks), 0, toks.length, true);
        if (this.#form)
            items = normalize(items, this.#form);
        const [start, size] = compile(items, nocase);
        this.#start = start;
        this.#size = size;
        if (items.every(it => it.t === 'lit')) {
            this.#literal = items.map(it => it.ch).join('');
            this.#literalFold = nocase;
        }
        else {
            const lit = (it) => it.t !== 'lit' ? undefined
                : nocase ? { ch: it.ch, re: foldRe(it.ch) }
                    : { ch: it.ch };
            for (const it of items) {
                const l = lit(it);
                if (!l)
                    break;
                this.#prefix.push(l);
            }
            for (let j = items.length - 1; j >= 0; j--) {
                const l = lit(items[j]);
                if (!l)
                    break;
                this.#suffix.unshift(l);
            }
            this.#affix = !!(this.#prefix.length || this.#suffix.length);
            if (!nocase) {
                this.#prefixStr = this.#prefix.map(l => l.ch).join('');
                this.#suffixStr = this.#suffix.map(l => l.ch).join('');
            }
            this.#linear = linear(this.#start)?.slice(this.#prefix.length, -this.#suffix.length || undefined);
            this.#wild = !!this.#linear?.every(n => n.t === 'star' || n.t === 'any');
            const [min, max] = lengths(items);
            this.#min = min;
            this.#max = max;
        }
    }
    test(s) {
        // The `/` check uses the string as given, so with normalization it
        // is a separate step. Otherwise, one scan finds both a `/` and the
        // surrogate pairs that stop the string being indexed by code point.
        if (this.#form) {
            noSlash(s);
            return this.#test(s.normalize(this.#form));
        }
        if (slashOrSurrogate.test(s)) {
            noSlash(s);
            return this.#test(s, [...s]);
        }
        return this.#test(s, s);
    }
    /**
     * The same as {@link Matcher#test}, but the string is not checked
     * for `/` chars, so the result for a string that has one is not
     * defined. Only use it for a string that is known to be one path
     * portion, such as a part of a path that was split on `/`. It can
     * be faster, because some patterns do not need to look at each char
     * of the string.
     */
    testUnchecked(s) {
        return this.#test(this.#form ? s.normalize(this.#form) : s);
    }
    // Test a string that has no `/`. `chars` indexes it by code point.
    // If it is not given, it is only found if a step needs it.
    #test(s, chars) {
        if (this.#literal !== undefined) {
            return this.#literalFold ?
                (this.#literalRe ??= newFoldRe(this.#literal)).test(s)
                : s === this.#literal;
        }
        // the length check means that the prefix and suffix do not
        // overlap. Without the chars, the length in code points is from
        // half of the UTF-16 length (if each one is a surrogate pair) to
        // all of it, which is often enough to know.
        const min = this.#min;
        const max = this.#max;
        if (chars === undefined) {
            const most = s.length;
            const least = (most + 1) >> 1;
            if (most < min || least > max)
                return false;
            if (least < min || most > max)
                chars = codePoints(s);
        }
        if (chars !== undefined &&
            (chars.length < min || chars.length > max)) {
            return false;
        }
        const prefix = this.#prefix.length;
        if (this.#affix) {
            if (this.#prefixStr !== undefined && this.#suffixStr !== undefined) {
                if (!s.startsWith(this.#prefixStr) ||
                    !s.endsWith(this.#suffixStr)) {
                    return false;
                }
            }
            else {
                chars ??= codePoints(s);
                const end = chars.length - this.#suffix.length;
                if (!hasAffix(this.#prefix, chars, 0) ||
                    !hasAffix(this.#suffix, chars, end)) {
                    return false;
                }
            }
        }
        const dotStart = !this.options.dot && s.startsWith('.');
        if (this.#linear) {
            // `.` and `..` only match literal dots, even with `dot:true`
            if (s === '.' || s === '..')
                return false;
            // only a literal can match the leading dot. A `*` can not
            // start a dotfile, even if it matches nothing.
            if (dotStart && !prefix)
                return false;
            if (this.#wild)
                return true;
            chars ??= codePoints(s);
            const end = chars.length - this.#suffix.length;
            return testLinear(this.#linear, chars, prefix, end);
        }
        chars ??= codePoints(s);
        if (s === '.' || s === '..') {
            this.#marks ??= marks(this.#size);
            const sim = (this.#dotsSim ??= new Sim(true, false, this.#marks));
            const start = sim.state();
            sim.add(start, this.#start, 0, true);
            let state = sim.done(start);
            for (let i = 0; i < chars.length; i++) {
                state = sim.step(state, chars[i], i, true);
            }
            return state.match;
        }
        this.#marks ??= marks(this.#size);
        const dfa = (this.#dfa ??= new Dfa(this.#start, this.#marks));
        let d = dfa.start(dotStart);
        // read char codes from the string, so that a one-char string is
        // only made for a cache miss
        const str = chars === s;
        for (let i = 0; i < chars.length; i++) {
            if (d.dead)
                return false;
            const code = str ? s.charCodeAt(i) : chars[i].charCodeAt(0);
            d = d.ascii?.[code] ?? dfa.next(d, chars[i]);
        }
        return d.match;
    }
    /** a readable listing of the state machine */
    toString() {
        return show$1(this.#start);
    }
}

const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};

/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 *
 * A leading `#` or `!` is escaped as well, so that the result is never a
 * comment or a negated pattern. In `windowsPathsNoEscape` mode, a leading
 * `!` is written as `@(!)`, because `[!` starts a negated class.
 */
const escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    // However, at the start of the pattern, '!' negates the pattern and
    // '#' makes it a comment, so the first character is handled below.
    const e = magicalBraces ?
        windowsPathsNoEscape ? s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&')
        : windowsPathsNoEscape ? s.replace(/[?*()[\]]/g, '[$&]')
            : s.replace(/[?*()[\]\\]/g, '\\$&');
    const c = e.charAt(0);
    if (c === '#') {
        return (windowsPathsNoEscape ? '[#]' : '\\#') + e.slice(1);
    }
    if (c === '!') {
        // '[!]' can not be used, because '[!' starts a negated class, and
        // '\' is a path separator in windowsPathsNoEscape mode. '@(!)'
        // matches only '!'. If extglobs are disabled with `noext`, it
        // matches nothing, rather than everything.
        return (windowsPathsNoEscape ? '@(!)' : '\\!') + e.slice(1);
    }
    return e;
};

/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    // escape() writes a leading '!' as '@(!)' in windowsPathsNoEscape mode
    if (windowsPathsNoEscape && s.startsWith('@(!)')) {
        return ('!' + unescape(s.slice(4), { windowsPathsNoEscape, magicalBraces }));
    }
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};

const DEFAULT_BRACE_EXPAND_MAX = 100_000;
const DEFAULT_GLOB_STAR_RECURSION_MAX = 200;
// avoid the annoying deprecation flag lol
const AWE_KEY = ('allowWindow' + 'sEscape');
const minimatch = (p, pattern, options) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options?.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return cachedMinimatch(pattern, options).match(p);
};
// The Minimatch objects that minimatch() used most recently, by options
// and then by pattern. When the cache is full, it becomes the old one,
// and the objects used from the old one are moved back to a new one.
// So it keeps 256 to 512 objects.
// The patterns can come from users, so the cache is also bounded by
// the total weight of the objects (see cacheWeight()), and an object
// that is too heavy is never kept. Otherwise a few unique patterns
// with large brace expansions would fill the heap.
let cache$1 = new Map();
let oldCache = new Map();
let cacheSize = 0;
let cacheTotalWeight = 0;
const cacheMax = 256;
const cacheMaxWeight = 1 << 15;
const cacheMaxEntryWeight = 1 << 12;
// About the memory that a compiled object keeps: the pattern and the
// expanded patterns, of which each row in set is made.
const cacheWeight = (mm) => {
    let w = mm.pattern.length;
    for (const s of mm.globSet) {
        w += s.length + 1;
        if (w > cacheMaxEntryWeight)
            break;
    }
    return w;
};
// 0, 1 or 2 for undefined, falsy or truthy.
const tri = (v) => v === undefined ? 0
    : v ? 2
        : 1;
// The weight of each boolean option's base-3 digit in the key. The
// weights below 24 are for optimizationLevel (1), platform (3) and
// windowsPathsNoEscape (12). tsc fails here if a boolean option is
// not in the list.
const booleanWeights = new Map(Object.keys({
    nobrace: 0,
    nocomment: 0,
    nonegate: 0,
    noglobstar: 0,
    noext: 0,
    nonull: 0,
    partial: 0,
    dot: 0,
    nocase: 0,
    nocaseMagicOnly: 0,
    magicalBraces: 0,
    matchBase: 0,
    flipNegate: 0,
    preserveMultipleSlashes: 0,
    windowsNoMagicRoot: 0,
}).map((k, i) => [k, 24 * 3 ** i]));
// The cache key for a set of options. It is a number, unless an
// option is set to a value that the number can not show, such as
// normalize or an uncommon platform. Then it is a JSON string.
// The defaults give 0, the same key as no options.
// It only reads the keys that are set, so that the speed does not
// depend on the shape of the options object.
const optionsKey = (o) => {
    let n = 0;
    let wpe = false;
    // inherited keys too, because Minimatch reads them
    // oxlint-disable-next-line guard-for-in
    for (const k in o) {
        const v = o[k];
        switch (k) {
            // the same test as the Minimatch constructor
            case 'windowsPathsNoEscape':
                if (v)
                    wpe = true;
                break;
            case AWE_KEY:
                if (v === false)
                    wpe = true;
                break;
            case 'platform': {
                // the same test as the Minimatch constructor
                const p = v || defaultPlatform;
                if (p === defaultPlatform)
                    break;
                if (p === 'darwin')
                    n += 3;
                else if (p === 'win32')
                    n += 6;
                else if (p === 'linux')
                    n += 9;
                else
                    return JSON.stringify(o);
                break;
            }
            case 'optimizationLevel':
                // The same tests as Minimatch: 1 when undefined, then >= 2,
                // >= 1, or else 0. The default level 1 adds 0.
                if (v === undefined)
                    break;
                n +=
                    v >= 2 ? 1
                        : v >= 1 ? 0
                            : 2;
                break;
            case 'braceExpandMax':
                if (v !== undefined && v !== DEFAULT_BRACE_EXPAND_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'maxGlobstarRecursion':
                if (v !== undefined && v !== DEFAULT_GLOB_STAR_RECURSION_MAX) {
                    return JSON.stringify(o);
                }
                break;
            case 'normalize':
                if (v !== undefined)
                    return JSON.stringify(o);
                break;
            default:
                // unknown keys have no weight
                n += (booleanWeights.get(k) ?? 0) * tri(v);
        }
    }
    return wpe ? n + 12 : n;
};
// A copy, so a later change to the options can not change it. It has
// the inherited keys as its own keys, and no prototype. So Minimatch
// reads from it only the values that optionsKey() read, and a
// `__proto__` key is a plain key.
const copyOptions = (o) => {
    const copy = Object.create(null);
    // oxlint-disable-next-line guard-for-in
    for (const k in o)
        copy[k] = o[k];
    return copy;
};
// Used when there are no options, so that keys inherited from
// Object.prototype are read the same as Minimatch reads them.
const noOptions = {};
const cachedMinimatch = (pattern, options) => {
    options ||= noOptions;
    const key = optionsKey(options);
    let mm = cache$1.get(key)?.get(pattern);
    if (mm)
        return mm;
    mm =
        oldCache.get(key)?.get(pattern) ??
            new Minimatch(pattern, copyOptions(options));
    const weight = cacheWeight(mm);
    // too big to keep, so it is compiled again each time
    if (weight > cacheMaxEntryWeight)
        return mm;
    if (cacheSize >= cacheMax ||
        cacheTotalWeight + weight > cacheMaxWeight) {
        oldCache = cache$1;
        cache$1 = new Map();
        cacheSize = 0;
        cacheTotalWeight = 0;
    }
    let byPattern = cache$1.get(key);
    if (!byPattern)
        cache$1.set(key, (byPattern = new Map()));
    byPattern.set(pattern, mm);
    cacheSize++;
    cacheTotalWeight += weight;
    return mm;
};
const defaultPlatform = (typeof process === 'object' && process ?
    process.env?.__MINIMATCH_TESTING_PLATFORM__ || process.platform
    // ubq: not measured: tests always run where process exists
    : 'posix');
const path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
const sep = defaultPlatform === 'win32' ? path.win32.sep : path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
const filter = (pattern, options) => {
    let mm;
    return (p) => (mm ??= cachedMinimatch(pattern, options)).match(p);
};
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    // brace-expansion turns each escaped backslash '\\' into a single '\',
    // which then escapes the next character instead, and can turn an
    // escaped magic character (for example '\\\*') into a live one.
    // Double every pair, so an escaped backslash comes back out still
    // escaped. The parity of each run of backslashes is unchanged.
    let p = pattern.replace(/\\\\/g, '\\\\\\\\');
    // brace-expansion does not know about [...] classes. In
    // windowsPathsNoEscape mode, escape() writes a literal brace as '[{]'
    // or '[}]'. Escape the brace for brace-expansion, which removes that
    // backslash again, leaving '[{]' or '[}]'.
    if (options.windowsPathsNoEscape || options[AWE_KEY] === false) {
        p = p.replace(/\[([{}])\]/g, '[\\$1]');
    }
    return expand(p, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// A numeric range with at least this many values is matched as one
// pattern portion, rather than expanded. For a glob walk, that is
// one directory read, in place of a stat for each value.
const RANGE_MIN = 100;
// a {lo..hi} range that is not escaped, and not a ${...} variable
const rangeRe = /(?<![\\$])\{(-?\d+)\.\.(-?\d+)\}/g;
// true if a range mark in this portion is inside a `!(...)`,
// `*(...)` or `+(...)` extglob. Those repeat or negate their
// contents, so one Matcher for the whole range does not match the
// same strings as the union of one pattern per value. For example,
// `*({1..100})` would match `510` as `5` then `10`, and `!({1..100})`
// would not match `5`, but every expanded pattern except `!(5)` does.
// `@(...)` and `?(...)` are fine: they pick one value at most.
const inRepeatOrNegExt = (portion, mark) => {
    const stack = [];
    for (let i = 0; i < portion.length; i++) {
        const c = portion.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if (c === mark) {
            if (stack.some(t => t !== '@' && t !== '?'))
                return true;
        }
        else if (portion.charAt(i + 1) === '(' && '!?+*@'.includes(c)) {
            stack.push(c);
            i++;
        }
        else if (c === ')') {
            stack.pop();
        }
    }
    return false;
};
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
// Index of the `]` that closes the class that starts at `start`,
// or -1 if it is not closed. Posix classes such as `[:alpha:]` are
// not skipped, so this can find a `]` before the real end. That
// only makes a class look less like a literal.
const classEnd = (pattern, start) => {
    let i = start + 1;
    if (pattern.charAt(i) === '!' || pattern.charAt(i) === '^')
        i++;
    let sawStart = false;
    for (; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === ']' && sawStart)
            return i;
        sawStart = true;
        if (c === '\\')
            i++;
    }
    return -1;
};
// If a path portion pattern has no magic, return the string it
// matches. Otherwise, return undefined. This can report magic for
// a pattern that is in fact literal (eg, `[]`), but never the
// reverse, so a string result is always safe to compare directly.
const literal = (pattern, noext) => {
    if (!noext && (pattern === '+()' || pattern === '@()'))
        return pattern;
    let lit = '';
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            // a trailing \ is a literal \
            lit += pattern.charAt(++i) || c;
        }
        else if (c === '*' || c === '?') {
            return undefined;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close === -1) {
                // not closed, so the [ is a literal
                lit += c;
                continue;
            }
            // a class of one char, such as `[*]` or `[\b]`, is a literal
            let body = pattern.slice(i + 1, close);
            if (body.startsWith('\\'))
                body = body.slice(1);
            if ([...body].length !== 1 || '!^'.includes(pattern.charAt(i + 1))) {
                return undefined;
            }
            lit += body;
            i = close;
        }
        else if (!noext &&
            '+@!'.includes(c) &&
            pattern.charAt(i + 1) === '(' &&
            pattern.includes(')', i + 2)) {
            return undefined;
        }
        else {
            lit += c;
        }
    }
    return lit;
};
// The matching engine compiles and walks extglobs recursively, so a
// path portion with very many extglobs (nested, such as `*(*(*(a)))`,
// or in a row, such as `?(a)?(a)?(a)`) can exhaust the call stack.
// Portions with more than this many extglobs are rejected.
const MAX_EXTGLOBS = 256;
// The number of extglob openers, such as `*(`, in a path portion
// pattern. Chars in a class are counted too, so this can be more than
// the number of extglobs, but never less.
const extglobCount = (pattern) => {
    let n = 0;
    for (let i = 0; i < pattern.length - 1; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            i++;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            n++;
            i++;
        }
    }
    return n;
};
const assertValidExtglobs = (pattern) => {
    if (extglobCount(pattern) > MAX_EXTGLOBS) {
        throw new TypeError('pattern has too many extglobs');
    }
};
// True if the portion pattern has the same meaning as an alternative
// inside `@(...)`. It must not have a `|` or `)` that is not in a
// closed extglob (those are literal at the top level), an extglob
// that is not closed (the `)` of the `@(...)` would close it), or a
// trailing `\` (it would escape the next `|`). A pattern that is
// only an empty extglob, such as `?()`, is literal on its own, but
// not in `@(...)`. Posix classes such as `[:alpha:]` can hide a `]`
// from classEnd, so patterns with them are not merged.
const extSafe = (pattern) => {
    if (/^[?*+@]\(\)$/.test(pattern) || pattern.includes('[:'))
        return false;
    let depth = 0;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            if (++i === pattern.length)
                return false;
        }
        else if (c === '[') {
            const close = classEnd(pattern, i);
            if (close !== -1)
                i = close;
        }
        else if ('+@!?*'.includes(c) && pattern.charAt(i + 1) === '(') {
            depth++;
            i++;
        }
        else if (c === ')') {
            if (!depth--)
                return false;
        }
        else if (c === '|' && !depth) {
            return false;
        }
    }
    return !depth;
};
// The last path that Minimatch#match split, and its parts. A path is
// often tested against many patterns in a row (such as a list of
// ignore patterns), so this saves splitting it again. The parts are
// never changed, so they can be shared.
let lastSplit;
// The last path that Minimatch#match checked before splitting it. If
// the same path is checked again, it is being tested against many
// patterns, so it is split and the parts are kept for the others.
let lastChecked;
// true if a pattern portion that is not ** matches a path portion.
// An empty path portion only matches an empty pattern portion. A path
// portion never has a `/`, so the Matcher does not need to check it.
const portionMatch = (p, f) => typeof p === 'string' ? f === p : f !== '' && p.testUnchecked(f);
// Where the last portion of a row matches in a path: the start of the
// last portion of the path, or of the one before a trailing `/`. -1 if
// it matches neither.
const endIndex = (p, last, lastStart, prev, prevStart) => portionMatch(p, last) ? lastStart
    : prev !== undefined && portionMatch(p, prev) ? prevStart
        : -1;
const isDots = (p) => p === '.' || p === '..';
// a Windows drive letter portion, like `c:`
const isDrive = (p) => typeof p === 'string' && /^[a-z]:$/i.test(p);
// true for the `UNC` portion of a long UNC root, //?/UNC/host/share
const isLongUNC = (p) => typeof p === 'string' && /^unc$/i.test(p);
// The index of the host in a row or split path that starts with a
// Windows UNC root: 2 for `//host/share`, and 4 for
// `//?/UNC/host/share`. Otherwise -1. `//?/c:` is not one.
const uncHost = (p) => {
    if (p[0] !== '' || p[1] !== '')
        return -1;
    const h = p[2] !== '?' ? 2
        : isLongUNC(p[3]) ? 4
            : -1;
    const host = p[h];
    const share = p[h + 1];
    return (h !== -1 &&
        host !== undefined &&
        host !== '' &&
        host !== GLOBSTAR &&
        share !== undefined &&
        share !== '' &&
        share !== GLOBSTAR) ?
        h
        : -1;
};
// true if ** can walk the path portion: not `.` or `..`, and not a
// dotfile unless `dot` is set
const walkable = (p, dot) => !isDots(p) && (dot || !p.startsWith('.'));
// True if a portion of the path from `start` to `end` can not be
// walked by **: one that starts with `.`, or with `dot`, one that is
// `.` or `..`. `start` is the start of a portion, and `end` is the end
// of the path, or just after a separator.
const dotPortion = (f, start, end, dot, sep) => {
    for (let k = start; k < end;) {
        if (f.charCodeAt(k) === 46) {
            if (!dot)
                return true;
            const n = f.charCodeAt(k + 1) === 46 ? k + 2 : k + 1;
            if (n >= end || isSep(f.charCodeAt(n), sep))
                return true;
        }
        // the start of the next portion, after any run of separators
        const s = nextSep(f, k, sep);
        if (s === -1)
            return false;
        k = s + 1;
        while (k < end && isSep(f.charCodeAt(k), sep))
            k++;
    }
    return false;
};
const isSep = (c, sep) => sep === '/' ? c === 47
    : sep === '\\' ? c === 92
        : c === 47 || c === 92;
// the index of the first separator at or after `from`, or -1
const nextSep = (f, from, sep) => {
    if (sep !== 'both')
        return f.indexOf(sep, from);
    const s = f.indexOf('/', from);
    const b = f.indexOf('\\', from);
    return (s === -1 ? b
        : b === -1 ? s
            : Math.min(s, b));
};
// the index of the last separator at or before `from`, or -1
const lastSep = (f, from, sep) => sep !== 'both' ?
    f.lastIndexOf(sep, from)
    : Math.max(f.lastIndexOf('/', from), f.lastIndexOf('\\', from));
// What parse() returns in place of a Matcher while make() builds and
// merges the rows. Most of the Matchers in rows that are merged would
// never be used, so they are only made for the rows that are left.
const PENDING = {};
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    // the path can be checked against the last portion, and the string
    // portions, of each row before it is split. See #canMatch.
    #endCheck;
    #literalCheck;
    // level 2 resolves `.` and `..` portions in the path
    #level2;
    // the unicode normalization form, if any
    #form;
    // the string portions of each row in the set
    #literals = [];
    // the rows that #canMatch can match without splitting the path
    #shapes = [];
    // the rows whose last portion can be checked against the path's
    #endRows = [];
    // brace expansion can make the same portion in many rows, so they
    // share one Matcher, and the states that it caches
    #matchers = new Map();
    // parse() returns PENDING in place of a Matcher
    #pending = false;
    // the char that marks numeric ranges in globSet, if any
    #rangeMark;
    // the GlobstarParts of each pattern row, by start index and partial
    #globstarParts = new WeakMap();
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion =
            options.maxGlobstarRecursion ?? DEFAULT_GLOB_STAR_RECURSION_MAX;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[AWE_KEY] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        this.#endCheck = !this.preserveMultipleSlashes;
        this.#level2 = (options.optimizationLevel ?? 1) >= 2;
        const n = options.normalize;
        this.#form = n === true ? 'NFC' : n || undefined;
        // make the set of Matchers etc.
        this.make();
        // On Windows, the portions of a row up to its drive letter or UNC
        // share are skipped or compared without case, if the path has one
        // too. So the checks only use the portions after it.
        const drives = this.set.map(row => this.#rootIndex(row));
        this.#endRows = this.set.map((row, r) => this.#endCheck && row.length - 1 > drives[r]);
        // with the end check, the last portion is already checked
        this.#literals = this.set.map((row, r) => {
            const end = this.#endRows[r] ? row.length - 1 : row.length;
            const lits = row
                .slice(drives[r] + 1, end)
                .filter((p) => typeof p === 'string' && !!p);
            return [...new Set(lits)];
        });
        this.#literalCheck = this.#literals.some(l => l.length);
        this.#shapes = this.set.map((row, r) => {
            const [p0, p1, p2] = row;
            if (this.#endRows[r] && row.length === 2) {
                if (p0 === GLOBSTAR && p1 !== GLOBSTAR)
                    return 'tail';
            }
            // the basename of a path that is split on / is its last portion,
            // or the one before a trailing /, the same as the end check
            if (this.#endRows[r] &&
                options.matchBase &&
                row.length === 1 &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'base';
            }
            // the portion must not be a root, or '', which can be a
            // different portion on Windows (where //x paths get an extra '')
            if (!this.#endCheck || drives[r] !== -1)
                return undefined;
            if (row.length === 3 &&
                p0 === GLOBSTAR &&
                p2 === GLOBSTAR &&
                p1 !== GLOBSTAR &&
                p1 !== '' &&
                // the portion between is only matched below this limit
                this.maxGlobstarRecursion > 0) {
                return 'mid';
            }
            if (row.length === 2 &&
                p1 === GLOBSTAR &&
                p0 !== GLOBSTAR &&
                p0 !== '') {
                return 'head';
            }
            return undefined;
        });
    }
    // a string portion of a pattern, normalized if the option is set
    #norm(p) {
        return this.#form ? p.normalize(this.#form) : p;
    }
    // On Windows, the index of the last root portion of a row, as
    // #matchRow finds it: 0 for `c:/...`, 3 for `//?/c:/...` and
    // `//host/share/...`, and 5 for `//?/UNC/host/share/...`. Otherwise
    // -1.
    #rootIndex(row) {
        if (!this.isWindows)
            return -1;
        if (isDrive(row[0]))
            return 0;
        const uncDrive = row[0] === '' && row[1] === '' && row[2] === '?' && isDrive(row[3]);
        if (uncDrive)
            return 3;
        const h = uncHost(row);
        return h === -1 ? -1 : h + 1;
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.#expandBraces())];
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be Matchers, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.#slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        // glob --> Matchers
        this.#pending = true;
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path. The root of a long UNC
                // path, //?/UNC/host/share, is 6 portions.
                const n = s[2] === '?' && isLongUNC(s[3]) ? 6 : 4;
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    s.slice(3, n).every(p => !globMagic.test(p));
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, n).map(p => this.#norm(p)),
                        ...s.slice(n).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [
                        this.#norm(s[0]),
                        ...s.slice(1).map(ss => this.parse(ss)),
                    ];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    (isDrive(p[3]) || isLongUNC(this.globParts[i][3]))) {
                    if (isLongUNC(this.globParts[i][3]))
                        p[3] = 'UNC';
                    p[2] = '?';
                }
            }
        }
        // with noext, `@(...)` would be literal
        if (!options.noext)
            this.mergeRows();
        this.#pending = false;
        this.set.forEach((row, i) => {
            for (let k = 0; k < row.length; k++) {
                if (row[k] === PENDING) {
                    row[k] = this.parse(this.globParts[i][k]);
                }
            }
        });
    }
    // Merge rows that only differ in one portion, where each of them
    // is a Matcher, into one row that matches any of them with
    // `@(a|b|...)`. Then a path is only walked once for all of them,
    // for example with `**/*.{js,ts}`.
    mergeRows() {
        let merged = true;
        while (merged) {
            merged = false;
            // a single row cannot be merged with anything
            if (this.set.length < 2)
                return;
            let keys = this.#mergeKeys();
            const len = Math.max(0, ...this.set.map(r => r.length));
            for (let k = 0; k < len; k++) {
                // the rows that are the same other than at portion k, keyed
                // by the ids of the parts before k and the parts after k,
                // which are at most the number of rows
                const groups = new Map();
                const R = this.set.length + 1;
                this.set.forEach((row, i) => {
                    if (!(row[k] instanceof Matcher || row[k] === PENDING) ||
                        !extSafe(this.globParts[i][k])) {
                        return;
                    }
                    const { pre, suf } = keys[i];
                    const key = pre[k] * R + suf[k + 1];
                    const g = groups.get(key);
                    if (g)
                        g.push(i);
                    else
                        groups.set(key, [i]);
                });
                const drop = new Set();
                for (const g of groups.values()) {
                    if (g.length < 2)
                        continue;
                    const [first, ...rest] = g;
                    const alts = g.map(i => this.globParts[i][k]);
                    const glob = `@(${alts.join('|')})`;
                    // merging is only an optimization, so leave the rows as they
                    // are if the merged portion would have too many extglobs
                    if (extglobCount(glob) > MAX_EXTGLOBS)
                        continue;
                    this.globParts[first][k] = glob;
                    this.set[first][k] = this.parse(glob);
                    for (const i of rest)
                        drop.add(i);
                }
                if (drop.size) {
                    merged = true;
                    this.set = this.set.filter((_, i) => !drop.has(i));
                    this.globParts = this.globParts.filter((_, i) => !drop.has(i));
                    // every merge drops a row, so this happens at most once per row
                    if (this.set.length < 2)
                        return;
                    keys = this.#mergeKeys();
                }
            }
        }
    }
    // For each row, number ids for its prefixes and suffixes, such that
    // pre[k] identifies parts[0..k) and suf[k] identifies parts[k..n).
    // Two rows are the same other than at portion k exactly when they
    // have the same pre[k] and suf[k + 1]. This is linear in the size of
    // the rows, where joining the whole row for every k was quadratic.
    #mergeKeys() {
        const partIds = new Map();
        const ids = this.globParts.map(parts => parts.map(s => {
            let id = partIds.get(s);
            if (id === undefined)
                partIds.set(s, (id = partIds.size));
            return id;
        }));
        // ids are only compared at the same k, so they are numbered per
        // portion, with 0 for the empty prefix or suffix. Then they are
        // at most the number of rows, and id * P + part id is a safe
        // integer key for any set that fits in memory.
        const P = partIds.size;
        const len = Math.max(0, ...ids.map(r => r.length));
        const keys = ids.map(r => ({
            pre: [0],
            suf: new Array(r.length + 1).fill(0),
        }));
        for (let k = 0; k < len; k++) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { pre } = keys[i];
                const key = pre[k] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                pre.push(id);
            });
        }
        for (let k = len - 1; k >= 0; k--) {
            const m = new Map();
            ids.forEach((r, i) => {
                if (k >= r.length)
                    return;
                const { suf } = keys[i];
                const key = suf[k + 1] * P + r[k];
                let id = m.get(key);
                if (id === undefined)
                    m.set(key, (id = m.size + 1));
                suf[k] = id;
            });
        }
        return keys;
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (set.length > root &&
                        prev &&
                        prev !== '..' &&
                        prev !== '.' &&
                        prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    // Check the path against each row before it is split. 'no' if no
    // row can match, so it does not need to be split. 'yes' if a row of
    // `**` and one more portion matches. 'maybe' if it must be split to
    // know. None of this applies with partial, where the path can end
    // before the row does.
    //
    // On Windows, `\` is a separator in the path too, and the portions of
    // a row up to its drive letter or UNC share are not checked (see
    // #rootIndex).
    //
    // Each string portion of a row must be a portion of the path, so the
    // path must contain it. Level 2 can only take portions out of the
    // path, so this is still true then.
    //
    // The last portion of a row must match the last portion of the path,
    // or the one before a trailing `/` (as a/* and a/**/* match a/b/).
    // This does not apply to rows that end in **, rows that end in a
    // root, or preserveMultipleSlashes (which can leave more
    // than one '' at the end). At level 2, it does not apply if that
    // portion is `.` or `..`, which can be
    // resolved away. Level 2 only takes other portions out of the
    // middle of the path.
    //
    // A row of `**/x` then matches if the ** can walk the portions
    // before the one that x matches, the same as #matchGlobstar. At
    // level 2, this is only known if none of them are `.` or `..`, so
    // that the path does not change when it is resolved.
    #canMatch(f) {
        const sep = !this.isWindows || !f.includes('\\') ? '/'
            : f.includes('/') ? 'both'
                : '\\';
        // the portions that f.split(/\/+/) would end with, and where they
        // start in f, found when a row needs them. `ends` is 0 until they
        // are found, then 1, or -1 if they can not be used.
        let ends = this.#endCheck ? 0 : -1;
        let last = '';
        let lastStart = 0;
        let prev;
        let prevStart = 0;
        const dot = !!this.options.dot;
        // A string compare is cheaper than includes(), and a Matcher test
        // costs more, so the cheaper check goes first.
        ROWS: for (let r = 0; r < this.set.length; r++) {
            const row = this.set[r];
            const p = row[row.length - 1];
            let end = ends !== -1 && this.#endRows[r] && p !== GLOBSTAR;
            if (end && ends === 0) {
                const i = lastSep(f, f.length, sep);
                lastStart = i + 1;
                last = f.slice(lastStart);
                if (last === '' && i >= 0) {
                    let j = i;
                    while (j > 0 && isSep(f.charCodeAt(j - 1), sep))
                        j--;
                    prevStart = j === 0 ? 0 : lastSep(f, j - 1, sep) + 1;
                    prev = f.slice(prevStart, j);
                }
                const resolves = this.#level2 &&
                    (isDots(last) ||
                        (last === '' && prev !== undefined && isDots(prev)));
                ends = resolves ? -1 : 1;
                end = !resolves;
            }
            let tailStart = -1;
            if (end && typeof p === 'string') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            if (this.#literalCheck) {
                for (const l of this.#literals[r]) {
                    if (!f.includes(l))
                        continue ROWS;
                }
            }
            if (end && typeof p === 'object') {
                tailStart = endIndex(p, last, lastStart, prev, prevStart);
                if (tailStart === -1)
                    continue;
            }
            const shape = this.#shapes[r];
            if (shape === 'base' && end)
                return 'yes';
            if (shape === 'tail' && end) {
                if (this.#level2 && dotPortion(f, 0, tailStart, true, sep)) {
                    return 'maybe';
                }
                if (!dotPortion(f, 0, tailStart, dot, sep))
                    return 'yes';
                continue;
            }
            if (shape === 'mid' || shape === 'head') {
                const m = this.#walk(f, row, shape === 'head', dot, sep);
                if (m !== 'no')
                    return m;
                continue;
            }
            return 'maybe';
        }
        return 'no';
    }
    // Match a row of a known shape against the split path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do. None of these
    // rows have a drive letter, so they start at the first portion.
    #matchShape(file, row, shape) {
        const dot = !!this.options.dot;
        const n = file.length;
        if (shape === 'head') {
            // x, then at least one portion that ** can walk
            if (n < 2 || !portionMatch(row[0], file[0])) {
                return false;
            }
            for (let i = 1; i < n; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        const x = row[1];
        if (shape === 'tail') {
            // x is the last portion, or the one before a trailing ''
            let t = n - 1;
            if (!portionMatch(x, file[t])) {
                if (file[t] !== '' || n === 1 || !portionMatch(x, file[--t])) {
                    return false;
                }
            }
            for (let i = 0; i < t; i++)
                if (!walkable(file[i], dot))
                    return false;
            return true;
        }
        // mid: the first x that ** can walk to, with a portion after it,
        // and ** can walk all of those
        for (let k = 0; k < n; k++) {
            if (portionMatch(x, file[k]) && k + 1 < n) {
                let i = k + 1;
                while (i < n && walkable(file[i], dot))
                    i++;
                if (i === n)
                    return true;
            }
            if (!walkable(file[k], dot))
                return false;
        }
        return false;
    }
    // Match a row of `**/x/**` or `x/**` against the path, the same as
    // #matchGlobstar and #matchGlobStarBodySections do once it is split.
    // x must match a portion (the first one, for `x/**`), the ** before
    // it must be able to walk the portions before that one, and there
    // must be a portion after it, which the ** after it can walk. At
    // level 2, this is only known if no portion is `.` or `..`.
    #walk(f, row, head, dot, sep) {
        if (this.#level2 && dotPortion(f, 0, f.length, true, sep))
            return 'maybe';
        const x = row[head ? 0 : 1];
        // the last portion has none after it, so it can not be x
        let s = 0;
        for (let e = nextSep(f, s, sep); e !== -1; e = nextSep(f, s, sep)) {
            // the start of the next portion
            let next = e + 1;
            while (next < f.length && isSep(f.charCodeAt(next), sep))
                next++;
            const hit = typeof x === 'string' ?
                e - s === x.length && f.startsWith(x, s)
                : e > s && x.testUnchecked(f.slice(s, e));
            if (hit && !dotPortion(f, next, f.length, dot, sep))
                return 'yes';
            if (head || dotPortion(f, s, next, dot, sep))
                return 'no';
            s = next;
        }
        return 'no';
    }
    // the last split, if it was the same path with the same split
    // settings
    #cachedSplit(f) {
        const last = lastSplit;
        return (last?.f === f &&
            last.isWindows === this.isWindows &&
            last.preserveMultipleSlashes === this.preserveMultipleSlashes &&
            last.normalize === this.#form) ?
            last
            : undefined;
    }
    // split a path for match(), and keep the parts for the next call
    #split(f) {
        const { isWindows, preserveMultipleSlashes } = this;
        // windows: need to use /, not \
        let parts = this.#slashSplit(isWindows ? f.split('\\').join('/') : f);
        // normalize each portion, so that a char that normalizes to `/`
        // does not make a new portion
        const normalize = this.#form;
        if (normalize)
            parts = parts.map(p => p.normalize(normalize));
        lastSplit = {
            f,
            isWindows,
            preserveMultipleSlashes,
            normalize,
            parts,
        };
        return lastSplit;
    }
    // resolve `.` and `..` portions of a path, for level 2
    #levelTwoFileOptimize(file) {
        // work on a copy, so that the cached parts do not change
        const parts = [...file];
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            // .. can not remove the root of a Windows path
            const root = this.#rootIndex(parts) + 1;
            let dd = root;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p && p !== '.' && p !== '..' && p !== '**') {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd = Math.max(dd - 2, root);
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        // each **/.. split doubles the patterns, and adds a copy of the
        // whole pattern. Throw if either gets too large. A partial split
        // would match some paths and not others, depending on which rows
        // the pass reached first.
        const { braceExpandMax = DEFAULT_BRACE_EXPAND_MAX } = this.options;
        let splitCells = 0;
        const maxSplitCells = 1_000_000;
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    // Check before changing parts or allocating the new row.
                    const addedCells = parts.length - 1;
                    if (globParts.length >= braceExpandMax ||
                        splitCells + addedCells > maxSplitCells) {
                        throw new RangeError(`optimizationLevel 2: too many patterns from '**/..'`);
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    splitCells += addedCells;
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                // .. can not remove the root of a Windows path
                const root = this.#rootIndex(parts) + 1;
                let dd = root;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd = Math.max(dd - 2, root);
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    secondPhasePreProcess(globParts) {
        const keys = new Set();
        const rows = globParts.filter(parts => {
            const key = parts.join('/');
            if (keys.has(key))
                return false;
            keys.add(key);
            return true;
        });
        // A row is covered by another row that has `*` at some positions,
        // and is the same at all others. Collect each distinct set of `*`
        // positions, then look up each row with `*` put at those positions.
        const stars = new Map();
        for (const parts of rows) {
            const s = [];
            for (let i = 0; i < parts.length; i++) {
                if (parts[i] === '*')
                    s.push(i);
            }
            if (s.length)
                stars.set(s.join(','), s);
        }
        // Each row is checked against each set of `*` positions, so skip
        // this if there are too many. The patterns match the same paths
        // either way.
        if (!stars.size || rows.length * stars.size > 100_000)
            return rows;
        const { dot } = this.options;
        return rows.filter(parts => {
            for (const s of stars.values()) {
                if (s[s.length - 1] >= parts.length)
                    continue;
                const c = [...parts];
                let ok = true;
                let changed = false;
                for (const i of s) {
                    const p = parts[i];
                    if (p === '*')
                        continue;
                    if (!p || p === '**' || (!dot && p.startsWith('.'))) {
                        ok = false;
                        break;
                    }
                    c[i] = '*';
                    changed = true;
                }
                if (ok && changed && keys.has(c.join('/')))
                    return false;
            }
            return true;
        });
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // Match the parts of a path against one row of the set. `resolved`
    // is the parts after level 2 resolves `.` and `..` in them, or the
    // same parts below level 2. Set partial to true to test if, for
    // example, "/a/b" matches the start of "/*/b/*/d". Partial means, if
    // you run out of file before you run out of pattern, then that's
    // fine, as long as all the parts match.
    #matchRow(file, resolved, pattern, partial) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa, and
        // //?/UNC/host/share/... can match //host/share/... and vice versa.
        // Drive letters in absolute drive or unc paths, and the host and
        // share of UNC paths, are always compared case-insensitively.
        const fh = this.isWindows ? uncHost(resolved) : -1;
        const ph = fh === -1 ? -1 : uncHost(pattern);
        if (ph !== -1) {
            const host = pattern[ph];
            const share = pattern[ph + 1];
            if (typeof host !== 'string' || typeof share !== 'string') {
                // a host or share with magic is matched as usual
                fileStartIndex = fh;
                patternStartIndex = ph;
            }
            else if (resolved[fh].toLowerCase() === host.toLowerCase() &&
                resolved[fh + 1].toLowerCase() === share.toLowerCase()) {
                fileStartIndex = fh + 2;
                patternStartIndex = ph + 2;
            }
        }
        else if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // the drives match, so start matching after them
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    patternStartIndex = pdi + 1;
                    fileStartIndex = fdi + 1;
                }
            }
        }
        // the drive letters are found in the parts before level 2 resolves
        // them, and the match uses the resolved parts
        file = resolved;
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        const { head, body, tail, segments } = this.#getGlobstarParts(pattern, partial, patternIndex);
        // check the head, from the current file/pattern index.
        if (head.length) {
            const headEnd = fileIndex + head.length;
            if (!this.#matchOne(file, head, partial, fileIndex, 0, headEnd)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        return !!this.#matchGlobStarBodySections(file, segments, file.length - fileTailMatch, fileIndex, 0, partial, 0, !!fileTailMatch, new Set());
    }
    // Split the pattern into head, tail, and middle of ** delimited
    // parts. The tail has to be at the end, and the others just have to
    // be found in order from the head. These only depend on the pattern
    // row, so they are kept for the next path.
    #getGlobstarParts(pattern, partial, patternIndex) {
        let byStart = this.#globstarParts.get(pattern);
        if (!byStart) {
            byStart = [];
            this.#globstarParts.set(pattern, byStart);
        }
        const key = patternIndex * 2 + (partial ? 1 : 0);
        const found = byStart[key];
        if (found)
            return found;
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        const head = pattern.slice(patternIndex, firstgs);
        const body = pattern.slice(firstgs + 1, partial ? undefined : lastgs);
        const tail = partial ? [] : pattern.slice(lastgs + 1);
        // split the body up into sections, and note the number of
        // portions that must come after the start of each one
        const segments = [[[], 0]];
        let current = segments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                current = [[], 0];
                segments.push(current);
            }
            else {
                current[0].push(b);
                nonGsParts++;
            }
        }
        // the portions in this section and the ones after it
        segments.forEach((b, i) => {
            b[1] = nonGsParts - nonGsPartsSums[i];
        });
        const parts = { head, body, tail, segments };
        byStart[key] = parts;
        return parts;
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, and the portions that it and the rest need
    bodySegments, 
    // the end of the file portions that the body can match
    fileLength, fileIndex, bodyIndex, partial, globStarDepth, sawTail, 
    // the places that a walk has already tried, as
    // bodyIndex * (file.length + 1) + fileIndex. A walk from a place
    // does the same no matter how it got there, and it only comes back
    // if it found no match, so a walk that gets to one stops.
    tried) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // with partial, the body is the rest of the pattern, so it
            // matches if no portions are left, or only the '' of a trailing
            // / (as a/* matches a/b/). A ** at the end walks them as its own
            // empty section.
            if (partial) {
                return (fileIndex >= fileLength ||
                    (fileIndex === fileLength - 1 && file[fileIndex] === ''));
            }
            // just make sure that there's no bad dots before the tail
            for (let i = fileIndex; i < fileLength; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test, up to the last index
        // where it can start
        const [body, need] = bs;
        // with partial, the path can end before the body does
        const after = partial ? fileLength : fileLength - need;
        while (fileIndex <= after) {
            const key = bodyIndex * (file.length + 1) + fileIndex;
            if (tried.has(key))
                return false;
            tried.add(key);
            const m = this.#matchOne(file, body, partial, fileIndex, 0, fileIndex + body.length);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileLength, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail, tried);
                if (sub !== false) {
                    return sub;
                }
            }
            // the ** does not walk past the last place the body can start
            if (fileIndex === after)
                break;
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex, 
    // only match the file portions before this index
    fileEnd = file.length) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = Math.min(fileEnd, file.length),
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            let p = pattern[pi];
            let f = file[fi];
            // ubq: not measured: should be impossible
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into Matchers.
            if (!portionMatch(p, f))
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though * can match "", except in
        // partial mode, where it might simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
        }
        else {
            // ubq: not measured: should be unreachable
            throw new Error('wtf?');
        }
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    // Expand braces, except numeric ranges such as {0..999} with at
    // least RANGE_MIN values. Each of those stays in its pattern as
    // `<mark>0..999<mark>`, for the Matcher to test. If a range might
    // be inside a [...] class, expand all of them instead.
    #expandBraces() {
        const { pattern } = this;
        if (this.options.nobrace)
            return this.braceExpand();
        let code = 0xe000;
        while (pattern.includes(String.fromCharCode(code))) {
            if (++code > 0xf8ff)
                return this.braceExpand();
        }
        const mark = String.fromCharCode(code);
        let found = false;
        const marked = pattern.replace(rangeRe, (m, lo, hi) => {
            const a = Number(lo);
            const b = Number(hi);
            if (!Number.isSafeInteger(a) ||
                !Number.isSafeInteger(b) ||
                Math.abs(a - b) + 1 < RANGE_MIN) {
                return m;
            }
            found = true;
            return `${mark}${lo}..${hi}${mark}`;
        });
        if (!found)
            return this.braceExpand();
        const set = braceExpand(marked, this.options);
        for (const p of set) {
            for (const portion of p.split('/')) {
                const c = portion.indexOf('[');
                if (c !== -1 && c < portion.lastIndexOf(mark)) {
                    return this.braceExpand();
                }
                if (!this.options.noext && inRepeatOrNegExt(portion, mark)) {
                    return this.braceExpand();
                }
            }
        }
        this.#rangeMark = mark;
        return set;
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        const { nocase, nocaseMagicOnly, noext = false, dot, normalize, } = options;
        const rangeMark = this.#rangeMark;
        const lit = rangeMark && pattern.includes(rangeMark) ?
            undefined
            : literal(pattern, noext);
        // in nocase mode, a literal with cased chars still needs a
        // Matcher, unless nocaseMagicOnly is set.
        if (lit !== undefined &&
            !(nocase &&
                !nocaseMagicOnly &&
                pattern.toUpperCase() !== pattern.toLowerCase())) {
            return this.#norm(lit);
        }
        if (this.#pending)
            return PENDING;
        let m = this.#matchers.get(pattern);
        if (!m) {
            if (!noext)
                assertValidExtglobs(pattern);
            m = new Matcher(pattern, {
                nocase,
                noext,
                dot,
                normalize,
                ...(rangeMark && { rangeMark }),
            });
            this.#matchers.set(pattern, m);
        }
        return m;
    }
    #slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // treat the test path as a set of pathparts. If it was not just
        // split or checked, check that it can match before splitting it.
        let split = this.#cachedSplit(f);
        if (!split) {
            // the checks look at the path as given, so not if it is
            // normalized
            if (!partial &&
                !this.#form &&
                (this.#endCheck || this.#literalCheck) &&
                lastChecked !== f) {
                lastChecked = f;
                const can = this.#canMatch(f);
                if (can === 'no')
                    return options.flipNegate ? false : this.negate;
                if (can === 'yes')
                    return options.flipNegate ? true : !this.negate;
            }
            split = this.#split(f);
        }
        const ff = split.parts;
        // the parts after level 2 resolves them, kept for the next pattern
        // that tests the same path
        const resolved = this.#level2 ?
            (split.resolved ??= this.#levelTwoFileOptimize(ff))
            : ff;
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (let r = 0; r < set.length; r++) {
            const pattern = set[r];
            const shape = partial ? undefined : this.#shapes[r];
            // level 2 does not change a path of one portion
            const hit = shape === 'base' ?
                portionMatch(pattern[0], filename)
                : shape ? this.#matchShape(resolved, pattern, shape)
                    : options.matchBase && pattern.length === 1 ?
                        this.#matchRow([filename], [filename], pattern, partial)
                        : this.#matchRow(ff, resolved, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
minimatch.Minimatch = Minimatch;
minimatch.escape = escape;
minimatch.unescape = unescape;

const CDK_OUT = 'a cdk.out directory from `cdk synth`';
const SYNTH_HINT = 'run `cdk synth` (it writes `cdk.out/manifest.json` and one `<Stack>.template.json` per stack) and pass that directory';
/** Stages nest assemblies (`assembly-Prod/`); deeper than this is a loop or not CDK. */
const MAX_ASSEMBLY_DEPTH = 8;
/**
 * Lists the stacks of a cloud assembly (`cdk.out`): stack name (its display
 * name, `Stage/Stack` inside a stage) → absolute path of its template. Stacks
 * of nested assemblies (CDK stages) are included; nested *stacks* are not
 * (they are file assets of their parent).
 */
function readCdkOutStacks(dir) {
    const stacks = new Map();
    readAssembly(resolve(dir), dir, resolve(dir), stacks, 0);
    return stacks;
}
function readAssembly(absolute, shown, root, stacks, depth) {
    checkDirectory(absolute, shown);
    const manifestPath = join(absolute, 'manifest.json');
    const manifestSource = join(shown, 'manifest.json');
    if (!isFile(manifestPath)) {
        throw new PlanParseError(shown, CDK_OUT, 'a directory without manifest.json', SYNTH_HINT);
    }
    let manifest;
    try {
        manifest = parseJsonText(readPlanFile(manifestPath, () => Buffer.alloc(0)), manifestSource);
    }
    catch (error) {
        throw reword(error, 'a JSON cloud assembly manifest', SYNTH_HINT);
    }
    if (!isRecord$1(manifest) || !isRecord$1(manifest.artifacts)) {
        throw new PlanParseError(manifestSource, 'a cloud assembly manifest with "artifacts"', isRecord$1(manifest) ? 'no "artifacts" object' : 'not a JSON object', SYNTH_HINT);
    }
    for (const [id, artifact] of Object.entries(manifest.artifacts)) {
        if (!isRecord$1(artifact))
            continue;
        const properties = isRecord$1(artifact.properties) ? artifact.properties : {};
        if (artifact.type === 'aws:cloudformation:stack') {
            const name = typeof artifact.displayName === 'string' ? artifact.displayName : id;
            const file = properties.templateFile;
            if (typeof file !== 'string' || file === '') {
                throw new PlanParseError(manifestSource, `artifact ${quote(id)} to have properties.templateFile`, 'none', SYNTH_HINT);
            }
            const template = inside(root, absolute, file, manifestSource, id);
            if (!isFile(template)) {
                throw new PlanParseError(manifestSource, `the template of stack ${quote(name)} at ${join(shown, file)}`, 'no file at that path', 'the directory is incomplete; run `cdk synth` again');
            }
            if (stacks.has(name)) {
                throw new PlanParseError(manifestSource, 'each stack once in the cloud assembly', `stack ${quote(name)} twice`);
            }
            stacks.set(name, template);
        }
        else if (artifact.type === 'cdk:cloud-assembly') {
            const directory = properties.directoryName;
            if (typeof directory !== 'string' || directory === '')
                continue;
            if (depth >= MAX_ASSEMBLY_DEPTH) {
                throw new PlanParseError(manifestSource, `nested assemblies at most ${MAX_ASSEMBLY_DEPTH} deep`, 'deeper nesting');
            }
            readAssembly(inside(root, absolute, directory, manifestSource, id), join(shown, directory), root, stacks, depth + 1);
        }
    }
}
/** A path from a manifest must stay inside the cdk.out directory. */
function inside(root, base, path, manifestSource, id) {
    const target = resolve(base, path);
    const fromRoot = relative(root, target);
    if (isAbsolute(path) ||
        fromRoot === '' ||
        fromRoot.startsWith('..') ||
        isAbsolute(fromRoot)) {
        throw new PlanParseError(manifestSource, `artifact ${quote(id)} to name a path inside the cdk.out directory`, 'a path outside it');
    }
    return target;
}
function checkDirectory(path, shown) {
    let directory;
    try {
        directory = statSync(path).isDirectory();
    }
    catch {
        throw new PlanParseError(shown, CDK_OUT, 'no directory at that path');
    }
    if (!directory) {
        throw new PlanParseError(shown, CDK_OUT, 'a file', 'pass a `cdk.out` directory, or a `<Stack>.template.json` file for each side');
    }
}
function isFile(path) {
    try {
        return statSync(path).isFile();
    }
    catch {
        return false;
    }
}
function isRecord$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
const SAFE = /^[A-Za-z0-9_./:-]{1,200}$/;
function quote(name) {
    return SAFE.test(name) ? `"${name}"` : '(an unnamed artifact)';
}
/**
 * Pairs the stacks of two cloud assemblies by name, sorted. A stack on one
 * side only is new (no `before`) or deleted (no `after`); `readTemplatePair`
 * turns the missing side into `{}` and says so in its warnings.
 */
function pairCdkOutStacks(before, after) {
    const names = [...new Set([...before.keys(), ...after.keys()])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return names.map((stackName) => ({
        stackName,
        before: before.get(stackName),
        after: after.get(stackName)
    }));
}
/** What a missing side is called in messages: it is never read. */
const NO_TEMPLATE = '(no template)';
const TEMPLATE_JSON = 'a CloudFormation template in JSON';
const TEMPLATE_HINT = "`cdk synth` writes each stack's template to `cdk.out/<Stack>.template.json`";
/**
 * Reads one side of a template pair: a template file, or nothing (`path`
 * undefined), which `readTemplatePair` takes as "the stack does not exist
 * on this side". File and JSON problems are worded for templates.
 */
function readTemplateSide(path, readStdin) {
    if (path === undefined)
        return { source: NO_TEMPLATE, doc: {} };
    let text;
    try {
        text = readPlanFile(path, readStdin);
    }
    catch (error) {
        throw reword(error, 'a CloudFormation template file', TEMPLATE_HINT);
    }
    if (looksLikeYaml(text)) {
        throw new PlanParseError(path, TEMPLATE_JSON, 'a YAML template', 'plangate reads JSON templates: use the ones `cdk synth` writes to cdk.out, or convert this one (for example with `cfn-flip`)');
    }
    try {
        return { source: path, doc: parseJsonText(text, path) };
    }
    catch (error) {
        throw reword(error, TEMPLATE_JSON, TEMPLATE_HINT);
    }
}
/** Keeps what was found; says what plangate expected here (the shared readers speak of plans). */
function reword(error, expected, hint) {
    if (!(error instanceof PlanParseError))
        return error;
    return new PlanParseError(error.source, expected, error.found, hint, {
        cause: error
    });
}
/** A template written as YAML: a top-level template key at the start of a line. */
function looksLikeYaml(text) {
    const head = text.slice(0, 65_536);
    const start = head.search(/\S/);
    if (start === -1 || head[start] === '{' || head[start] === '[')
        return false;
    return /^(AWSTemplateFormatVersion|Resources|Transform|Parameters|Description)\s*:/m.test(head);
}

/**
 * Reads what `--before` and `--after` name: two template files (one stack,
 * named after the file), or two `cdk.out` directories (every stack, paired
 * by name; a stack on one side only is new or deleted).
 */
function readTemplatePairs(before, after, readStdin) {
    const beforeIsDir = isDirectory(before);
    const afterIsDir = isDirectory(after);
    if (beforeIsDir !== afterIsDir) {
        throw new PlanParseError(beforeIsDir ? after : before, '--before and --after to be both template files or both cdk.out directories', 'a file paired with a directory');
    }
    if (!beforeIsDir) {
        return [
            {
                stackName: stackNameOf(after),
                before: readTemplateSide(before, readStdin),
                after: readTemplateSide(after, readStdin)
            }
        ];
    }
    return pairCdkOutStacks(readCdkOutStacks(before), readCdkOutStacks(after)).map((pair) => ({
        stackName: pair.stackName,
        before: readTemplateSide(pair.before, readStdin),
        after: readTemplateSide(pair.after, readStdin)
    }));
}
/** `cdk.out/Orders.template.json` → `Orders`. */
function stackNameOf(path) {
    return basename(path).replace(/(\.template)?\.json$/, '');
}
/**
 * Reads the CDK construct paths (`aws:cdk:path`) that `--template` points
 * at: a template file applies to every change set (`*`), a cdk.out
 * directory to the stacks it holds, by stack name.
 */
function readConstructLabels(paths) {
    if (paths.length === 0)
        return undefined;
    const labels = new Map();
    const add = (stack, found) => {
        const into = labels.get(stack) ?? new Map();
        for (const [id, path] of found)
            into.set(id, path);
        labels.set(stack, into);
    };
    for (const path of paths) {
        if (isDirectory(path)) {
            for (const [stack, template] of readCdkOutStacks(path))
                add(stack, constructPaths(readTemplate(template)));
        }
        else {
            add('*', constructPaths(readTemplate(path)));
        }
    }
    return labels;
}
/** `--template` takes files only: standard input holds no template here. */
function readTemplate(path) {
    return readTemplateSide(path, () => Buffer.alloc(0)).doc;
}

/**
 * A detection rule (default, extra or generated from a config glob) that
 * cannot be used. The message names the rule and says what was expected
 * and what was found, so the config loader can prefix its key path.
 */
class RuleError extends Error {
    name = 'RuleError';
    /** The rule id, or the config entry (`aiIdentities[2]`) the rule came from. */
    ruleId;
    expected;
    found;
    constructor(ruleId, expected, found, options) {
        super(`rule ${ruleId}: expected ${expected}, found ${found}`, options);
        this.ruleId = ruleId;
        this.expected = expected;
        this.found = found;
    }
}

/**
 * Tests a value against a glob where `*` matches any run of characters
 * (including none, and `/`) and `?` exactly one; everything else is literal
 * and compared case-insensitively. Linear backtracking (no regex), so a
 * pattern from a config file cannot blow up.
 */
function matchGlob(pattern, value) {
    const p = pattern.toLowerCase();
    const v = value.toLowerCase();
    let pi = 0;
    let vi = 0;
    let star = -1;
    let resume = 0;
    while (vi < v.length) {
        if (pi < p.length &&
            (p[pi] === '?' || (p[pi] !== '*' && p[pi] === v[vi]))) {
            pi++;
            vi++;
        }
        else if (pi < p.length && p[pi] === '*') {
            star = pi++;
            resume = vi;
        }
        else if (star >= 0) {
            pi = star + 1;
            vi = ++resume;
        }
        else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === '*')
        pi++;
    return pi === p.length;
}

/**
 * Types of the AI-authorship detector: rules as data, the facts a commit and
 * its pull request offer, and the verdict with its evidence.
 */
/**
 * Where a rule looks. Commit-level fields come from the commit itself;
 * `pr-*` and `head-branch` come from the pull request and apply to each of
 * its commits (see `classifyCommit`).
 */
const RULE_FIELDS = [
    'author-email',
    'author-name',
    'committer-email',
    'committer-name',
    'trailer',
    'message-line',
    'git-ai-note',
    'pr-author-login',
    'pr-author-type',
    'pr-body',
    'head-branch'
];
/** Fields that describe the pull request rather than the commit. */
const PR_FIELDS = [
    'pr-author-login',
    'pr-author-type',
    'pr-body',
    'head-branch'
];
/**
 * The fields that hold an identity a trusted human can vouch for: the only
 * fields a `human` rule may use, and the only ones trust switches off.
 */
const IDENTITY_FIELDS = [
    'author-email',
    'committer-email',
    'pr-author-login'
];
/**
 * How sure a hit is, strongest first.
 * - `definite`: a marker the tool or platform emits and people do not write by accident.
 * - `likely`: strongly indicates AI, but UI suggestions, IDE misfires or user-invented trailers also produce it.
 * - `weak`: circumstantial (a branch prefix, a keyword); advisory on its own.
 */
const CONFIDENCES = ['definite', 'likely', 'weak'];
/**
 * What a hit says about the commit: written by an AI agent, made by non-AI
 * automation (Dependabot, Renovate), or made by a listed trusted human.
 */
const RULE_CATEGORIES = ['ai', 'automation', 'human'];
/** Which part of a trailer value a `trailer` rule tests (`Name <email>` values). */
const TRAILER_PARTS = ['value', 'name', 'email'];

/** Longest value a rule is tested on; longer lines are cut, which bounds regex time. */
const MAX_MATCH_CHARS = 2_000;
const RULE_ID = /^[a-z0-9][a-z0-9._-]*$/;
const TRAILER_KEY = /^[a-z0-9][a-z0-9-]*$/i;
const cache = new WeakMap();
/**
 * Checks a rule and compiles its matchers once (rules are immutable data,
 * so the result is cached per rule object). Throws `RuleError` on a rule
 * that could match too much or not at all.
 */
function compileRule(rule) {
    const cached = cache.get(rule);
    if (cached !== undefined)
        return cached;
    validateShape(rule);
    const test = compileMatcher(rule.id, rule.match);
    const compiled = {
        rule,
        test,
        extract: compileExtractor(rule.match, test),
        requires: (rule.requires ?? []).map((condition) => {
            if (!RULE_FIELDS.includes(condition.field) ||
                condition.field === 'trailer')
                throw new RuleError(rule.id, 'a requires field other than trailer', JSON.stringify(condition.field));
            return { condition, test: compileMatcher(rule.id, condition.match) };
        })
    };
    cache.set(rule, compiled);
    return compiled;
}
function validateShape(rule) {
    if (typeof rule.id !== 'string' || !RULE_ID.test(rule.id))
        throw new RuleError(String(rule.id), 'an id of lowercase letters, digits, ".", "_" and "-"', JSON.stringify(rule.id));
    if (typeof rule.tool !== 'string' || rule.tool.trim() === '')
        throw new RuleError(rule.id, 'a non-empty tool', JSON.stringify(rule.tool));
    if (!RULE_CATEGORIES.includes(rule.category))
        throw new RuleError(rule.id, `category ${RULE_CATEGORIES.join('|')}`, JSON.stringify(rule.category));
    if (!CONFIDENCES.includes(rule.confidence))
        throw new RuleError(rule.id, `confidence ${CONFIDENCES.join('|')}`, JSON.stringify(rule.confidence));
    if (!RULE_FIELDS.includes(rule.field))
        throw new RuleError(rule.id, `field ${RULE_FIELDS.join('|')}`, JSON.stringify(rule.field));
    if (rule.field === 'trailer' && !TRAILER_KEY.test(rule.key))
        throw new RuleError(rule.id, 'a trailer key of letters, digits and "-"', JSON.stringify(rule.key));
    if (rule.category === 'human' &&
        !IDENTITY_FIELDS.includes(rule.field))
        throw new RuleError(rule.id, `a human rule on ${IDENTITY_FIELDS.join('|')}`, rule.field);
}
/** Compiles one matcher; all comparisons are case-insensitive. */
/** The extractor for a matcher already checked by `compileMatcher`. */
function compileExtractor(matcher, test) {
    if (matcher.kind === 'regex') {
        const regex = new RegExp(matcher.source, 'i');
        return (value) => regex.exec(value.trim().slice(0, MAX_MATCH_CHARS))?.[0];
    }
    return (value) => (test(value) ? value.trim() : undefined);
}
function compileMatcher(ruleId, matcher) {
    switch (matcher.kind) {
        case 'exact': {
            const want = matcher.value.trim().toLowerCase();
            if (want === '')
                throw new RuleError(ruleId, 'a non-empty exact value', '""');
            return (value) => value.trim().toLowerCase() === want;
        }
        case 'glob': {
            const pattern = matcher.pattern.trim();
            if (pattern.replace(/[*?]/g, '').length < 3)
                throw new RuleError(ruleId, 'a glob with at least 3 literal characters', JSON.stringify(matcher.pattern));
            return (value) => matchGlob(pattern, value.trim());
        }
        case 'regex': {
            if (!matcher.source.startsWith('^'))
                throw new RuleError(ruleId, 'a regex anchored with ^ (markers match from the start of a line or value)', JSON.stringify(matcher.source));
            let regex;
            try {
                regex = new RegExp(matcher.source, 'i');
            }
            catch (error) {
                throw new RuleError(ruleId, 'a valid JavaScript regex', JSON.stringify(matcher.source), { cause: error });
            }
            return (value) => regex.test(value.trim().slice(0, MAX_MATCH_CHARS));
        }
        default: {
            const kind = matcher.kind;
            throw new RuleError(ruleId, 'a matcher of kind exact|glob|regex', JSON.stringify(kind));
        }
    }
}

/**
 * Commit-message parsing with git's own trailer rules, so that a marker only
 * counts where git (and GitHub) would treat it as a trailer: in the last
 * paragraph, as a `Key: value` line, not quoted, bulleted or fenced.
 */
/**
 * Lines git itself writes into trailer blocks without a `Key: value` shape
 * of their own; they make a mixed paragraph count as a trailer block.
 */
const GIT_GENERATED_PREFIXES = [
    'Signed-off-by: ',
    '(cherry picked from commit '
];
/** git's default `core.commentChar`: such lines never break a trailer block. */
const COMMENT_PREFIX = '#';
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})\s*$/;
const LIST_ITEM = /^(?:[-*+>`]|\d+[.)])/;
const TRAILER_KEY_CHAR = /^[A-Za-z0-9-]$/;
const IDENTITY = /^([^<>]*?)\s*<([^<>\s]+)>$/;
/** Splits text into lines, dropping the `\r` of CRLF line ends. */
function splitLines(text) {
    return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
}
/**
 * Returns the trailers of a commit message the way `git interpret-trailers
 * --parse` (and `git log --format=%(trailers)`) finds them: only the last
 * paragraph, only if it is all `Key: value` lines (with indented continuation
 * lines), or mostly so when git's own `Signed-off-by:` / `(cherry picked
 * from commit …)` lines are in it. Lines inside a closed code fence never
 * count, which is stricter than git.
 */
function parseTrailers(message) {
    const lines = splitLines(message);
    const fenced = fencedLines(lines);
    const start = findTrailerBlockStart(lines, fenced);
    if (start < 0)
        return [];
    const trailers = [];
    // The item that continuation lines extend: a trailer, or a non-trailer
    // line of a mixed block (whose continuations are then ignored too).
    let current;
    for (let i = start; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.startsWith(COMMENT_PREFIX) || isBlank(line))
            continue;
        if (isSpace(line[0])) {
            if (current !== undefined)
                current.value = `${current.value} ${line.trim()}`;
            continue;
        }
        const separator = fenced[i] === true ? -1 : findSeparator(line);
        if (separator >= 1) {
            current = {
                key: line.slice(0, separator).trim(),
                value: line.slice(separator + 1).trim()
            };
            trailers.push(current);
        }
        else {
            current = { key: '', value: '' };
        }
    }
    return trailers.map(({ key, value }) => ({
        key,
        value: value.trim(),
        line: `${key}: ${value.trim()}`
    }));
}
/** Parses `Name <email>` (also `<email>` alone); undefined for anything else. */
function parseIdentity(text) {
    const match = IDENTITY.exec(text.trim());
    if (match === null)
        return undefined;
    return { name: (match[1] ?? '').trim(), email: match[2] ?? '' };
}
/**
 * The lines of a commit message that may carry a line marker (a footer, a
 * session link): every non-blank line except quoted (`>`), list (`-`, `*`,
 * `+`, `1.`), backticked, indented-code and fenced lines, where people quote
 * markers instead of emitting them.
 */
function messageLines(message) {
    return scannable(message);
}
function scannable(text, skipListItems) {
    const lines = splitLines(text);
    const fenced = fencedLines(lines);
    const subject = lines.findIndex((l) => !isBlank(l));
    const result = [];
    lines.forEach((line, index) => {
        if (isBlank(line) || fenced[index] === true)
            return;
        if (line.startsWith('\t') || line.startsWith('    '))
            return;
        const text = line.trim();
        if (text.startsWith('>'))
            return;
        if (LIST_ITEM.test(text))
            return;
        result.push({ index, text, subject: index === subject });
    });
    return result;
}
/**
 * Marks the lines inside closed code fences (the fence lines included). An
 * opening fence with no closing fence marks nothing: a message truncated or
 * squashed mid-block must not hide the trailers appended after it.
 */
function fencedLines(lines) {
    const fenced = lines.map(() => false);
    let i = 0;
    while (i < lines.length) {
        const marker = FENCE_OPEN.exec(lines[i] ?? '')?.[1];
        if (marker !== undefined) {
            let close = i + 1;
            while (close < lines.length) {
                const closing = FENCE_CLOSE.exec(lines[close] ?? '')?.[1];
                if (closing !== undefined &&
                    closing[0] === marker[0] &&
                    closing.length >= marker.length)
                    break;
                close++;
            }
            if (close < lines.length) {
                for (let k = i; k <= close; k++)
                    fenced[k] = true;
                i = close + 1;
                continue;
            }
        }
        i++;
    }
    return fenced;
}
/**
 * git's `find_trailer_block_start`: walks up from the end to the last blank
 * line; the paragraph below it is the trailer block if every line is a
 * trailer (or a continuation), or if it holds a git-generated line and at
 * least a quarter of its lines are trailers. The first paragraph (the
 * subject) never is. Returns the first line of the block, or -1.
 */
function findTrailerBlockStart(lines, fenced) {
    let endOfTitle = lines.length;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i] ?? '';
        if (line.startsWith(COMMENT_PREFIX))
            continue;
        if (isBlank(line)) {
            endOfTitle = i;
            break;
        }
    }
    let onlySpaces = true;
    let recognizedPrefix = false;
    let trailerLines = 0;
    let nonTrailerLines = 0;
    let possibleContinuationLines = 0;
    for (let i = lines.length - 1; i >= endOfTitle; i--) {
        const line = lines[i] ?? '';
        if (line.startsWith(COMMENT_PREFIX)) {
            nonTrailerLines += possibleContinuationLines;
            possibleContinuationLines = 0;
            continue;
        }
        if (isBlank(line)) {
            if (onlySpaces)
                continue;
            nonTrailerLines += possibleContinuationLines;
            if (recognizedPrefix && trailerLines * 3 >= nonTrailerLines)
                return i + 1;
            if (trailerLines > 0 && nonTrailerLines === 0)
                return i + 1;
            return -1;
        }
        onlySpaces = false;
        if (fenced[i] === true) {
            nonTrailerLines += possibleContinuationLines + 1;
            possibleContinuationLines = 0;
            continue;
        }
        if (GIT_GENERATED_PREFIXES.some((prefix) => line.startsWith(prefix))) {
            trailerLines++;
            possibleContinuationLines = 0;
            recognizedPrefix = true;
            continue;
        }
        if (findSeparator(line) >= 1 && !isSpace(line[0])) {
            trailerLines++;
            possibleContinuationLines = 0;
        }
        else if (isSpace(line[0])) {
            possibleContinuationLines++;
        }
        else {
            nonTrailerLines += possibleContinuationLines + 1;
            possibleContinuationLines = 0;
        }
    }
    return -1;
}
/**
 * git's `find_separator`: the index of the `:` after a key made of letters,
 * digits and `-` (whitespace allowed before the colon), or -1.
 */
function findSeparator(line) {
    let whitespaceFound = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i] ?? '';
        if (c === ':')
            return i;
        if (!whitespaceFound && TRAILER_KEY_CHAR.test(c))
            continue;
        if (i !== 0 && (c === ' ' || c === '\t')) {
            whitespaceFound = true;
            continue;
        }
        break;
    }
    return -1;
}
function isBlank(line) {
    return line.trim() === '';
}
function isSpace(c) {
    return c === ' ' || c === '\t';
}

/**
 * The verdict on one commit: written by an AI agent, by non-AI automation,
 * or (as far as metadata can tell) by a human.
 *
 * Verdict rules, in order:
 * 1. Any `definite` or `likely` AI hit, from the commit or from its pull
 *    request, makes the commit `ai`, with the strongest hit's confidence and
 *    tool.
 * 2. Weak AI hits are advisory, unless two of them from *different fields*
 *    name the *same tool* (Bolt's address as author and as committer; an
 *    "AI-generated" line in the commit and in the PR body): then the commit
 *    is `ai` with confidence `weak`. Hits naming different tools, or two
 *    hits on one field, never corroborate. The verdict decides the gate; the
 *    confidence stays the strength of the best single hit, so a reviewer sees
 *    that the case rests on circumstantial evidence.
 * 3. Otherwise a `definite`/`likely` automation hit *on the commit itself*
 *    makes it `automation`. Pull-request automation hits (a Dependabot PR)
 *    stay advisory: a human's fix-up commit on a bot's PR is the human's.
 * 4. Otherwise `human`, with every advisory hit kept as evidence.
 *
 * Pull-request evidence reaches every commit of the PR, with no opt-out:
 * agents that commit under their human's identity (Codex cloud, local
 * agents) are the main false negative, and nothing in a commit can prove it
 * was typed by a person. PR hits therefore only ever make a commit more
 * suspect. A trusted human (see `buildRules`) only stops identity rules from
 * reading that person's own email or login as an agent.
 */
/** Longest evidence text kept; reports quote it verbatim. */
const MAX_EVIDENCE_CHARS = 200;
/**
 * Classifies one commit against the rules (see the module comment for the
 * verdict rules). Pure: the same facts and rules always give the same
 * verdict and evidence order.
 */
function classifyCommit(commit, pr, rules) {
    const subject = {
        commit,
        pr,
        trailers: parseTrailers(commit.message),
        lines: messageLines(commit.message),
        noteLines: commit.notes === undefined ? [] : splitLines(commit.notes),
        prBodyLines: [] 
    };
    const trusted = new Set();
    const evidence = [];
    const fallback = [];
    for (const rule of rules.filter((r) => r.category === 'human')) {
        const hit = evaluate(rule, subject);
        if (hit === undefined)
            continue;
        evidence.push(hit);
        fallback.push(rule.fallback === true);
        if (isIdentityField(rule.field))
            trusted.add(rule.field);
    }
    for (const rule of rules) {
        if (rule.category === 'human')
            continue;
        if (isIdentityField(rule.field) && trusted.has(rule.field))
            continue;
        const hit = evaluate(rule, subject);
        if (hit === undefined)
            continue;
        evidence.push(hit);
        fallback.push(rule.fallback === true);
    }
    const specific = new Set(evidence.filter((_, i) => !fallback[i]).map((e) => e.text));
    const ordered = evidence
        .filter((e, i) => !fallback[i] || !specific.has(e.text))
        .map((e, i) => ({ e, i }))
        .sort((a, b) => rank(a.e.confidence) - rank(b.e.confidence) ||
        Number(isPrField(a.e.field)) - Number(isPrField(b.e.field)) ||
        a.i - b.i)
        .map(({ e }) => e);
    const base = { sha: commit.sha, evidence: ordered };
    const ai = ordered.filter((e) => e.category === 'ai');
    const strongest = ai.find((e) => e.confidence !== 'weak');
    if (strongest !== undefined)
        return {
            ...base,
            verdict: 'ai',
            tool: strongest.tool,
            confidence: strongest.confidence
        };
    const agreed = corroboratedTool(ai);
    if (agreed !== undefined)
        return { ...base, verdict: 'ai', tool: agreed, confidence: 'weak' };
    const bot = ordered.find((e) => e.category === 'automation' &&
        e.confidence !== 'weak' &&
        !isPrField(e.field));
    if (bot !== undefined)
        return {
            ...base,
            verdict: 'automation',
            tool: bot.tool,
            confidence: bot.confidence
        };
    return { ...base, verdict: 'human' };
}
/** The first tool named by weak hits from two different fields, if any. */
function corroboratedTool(ai) {
    const fieldsByTool = new Map();
    for (const e of ai) {
        if (e.confidence !== 'weak')
            continue;
        const fields = fieldsByTool.get(e.tool) ?? new Set();
        fields.add(e.field);
        fieldsByTool.set(e.tool, fields);
        if (fields.size >= 2)
            return e.tool;
    }
    return undefined;
}
/** The rule's first hit on the subject, as evidence. */
function evaluate(rule, subject) {
    const compiled = compileRule(rule);
    const hit = candidatesFor(rule, subject).find((c) => compiled.test(c.value));
    if (hit === undefined)
        return undefined;
    const conditionsHold = compiled.requires.every(({ condition, test }) => values(condition.field, subject).some((c) => test(c.value)));
    if (!conditionsHold)
        return undefined;
    return {
        ruleId: rule.id,
        tool: rule.tool,
        category: rule.category,
        confidence: rule.confidence,
        field: rule.field,
        // A trailer is quoted as its line; any other field as the matched token only.
        text: clip(rule.field === 'trailer'
            ? hit.text
            : (compiled.extract(hit.value) ?? hit.text))
    };
}
function candidatesFor(rule, subject) {
    switch (rule.field) {
        case 'trailer': {
            const key = rule.key.toLowerCase();
            const part = rule.part ?? 'value';
            return subject.trailers
                .filter((t) => t.key.toLowerCase() === key)
                .flatMap((t) => {
                if (part === 'value')
                    return [{ value: t.value, text: t.line }];
                const identity = parseIdentity(t.value);
                if (identity === undefined)
                    return [];
                return [
                    {
                        value: part === 'email' ? identity.email : identity.name,
                        text: t.line
                    }
                ];
            });
        }
        case 'message-line':
            return subject.lines
                .filter((l) => rule.subjectOnly !== true || l.subject)
                .map((l) => ({ value: l.text, text: l.text }));
        default:
            return values(rule.field, subject);
    }
}
/** The values of a field other than `trailer`, in message order. */
function values(field, subject) {
    const { commit, pr } = subject;
    const one = (value) => [{ value, text: value.trim() }];
    switch (field) {
        case 'author-email':
            return one(commit.author.email);
        case 'author-name':
            return one(commit.author.name);
        case 'committer-email':
            return one(commit.committer.email);
        case 'committer-name':
            return one(commit.committer.name);
        case 'message-line':
            return subject.lines.map((l) => ({ value: l.text, text: l.text }));
        case 'git-ai-note':
            return subject.noteLines.map((l) => ({ value: l, text: l.trim() }));
        case 'pr-author-login':
            return pr === undefined ? [] : one(pr.authorLogin);
        case 'pr-author-type':
            return pr === undefined ? [] : one(pr.authorType);
        case 'pr-body':
            return subject.prBodyLines.map((l) => ({ value: l.text, text: l.text }));
        case 'head-branch':
            return pr === undefined ? [] : one(pr.headBranch);
    }
}
function clip(text) {
    const trimmed = text.trim();
    return trimmed.length <= MAX_EVIDENCE_CHARS
        ? trimmed
        : `${trimmed.slice(0, MAX_EVIDENCE_CHARS - 1)}…`;
}
function rank(confidence) {
    return CONFIDENCES.indexOf(confidence);
}
function isPrField(field) {
    return PR_FIELDS.includes(field);
}
function isIdentityField(field) {
    return IDENTITY_FIELDS.includes(field);
}

const IDENTITY_GLOB = /^[^\s<>]+$/;
const NOREPLY = '@users.noreply.github.com';
/**
 * Builds the rule set the detector runs, so the config loader only has to
 * parse YAML and hand its lists over. Throws `RuleError` (with the config
 * entry, e.g. `disable[1]`, as rule id) on anything that would silently
 * detect less than the user asked for.
 */
function buildRules(defaults, options = {}) {
    const extra = options.extra ?? [];
    const candidates = [...defaults, ...extra];
    const seen = new Set();
    for (const rule of candidates) {
        compileRule(rule);
        if (seen.has(rule.id))
            throw new RuleError(rule.id, 'a rule id used once', 'a second rule with this id');
        seen.add(rule.id);
    }
    const disabled = new Set();
    (options.disable ?? []).forEach((pattern, i) => {
        const hits = candidates.filter((rule) => matchGlob(pattern, rule.id));
        if (hits.length === 0)
            throw new RuleError(`disable[${i}]`, 'the id of a rule (wildcards * and ? allowed)', JSON.stringify(pattern));
        for (const rule of hits)
            disabled.add(rule.id);
    });
    const generated = [
        ...identityRules('aiIdentities', 'ai-identity', 'ai', options.aiIdentities ?? []),
        ...identityRules('trustedHumans', 'trusted-human', 'human', options.trustedHumans ?? [])
    ];
    for (const rule of generated)
        compileRule(rule);
    return [...candidates.filter((rule) => !disabled.has(rule.id)), ...generated];
}
/** Turns identity globs into rules on every field that holds that identity. */
function identityRules(option, prefix, category, patterns) {
    return patterns.flatMap((raw, i) => {
        const where = `${option}[${i}]`;
        const pattern = raw.trim();
        if (!IDENTITY_GLOB.test(pattern))
            throw new RuleError(where, 'an email or login glob without spaces or <>', JSON.stringify(raw));
        compileMatcher(where, { kind: 'glob', pattern });
        const common = {
            tool: category === 'ai' ? 'configured-ai-identity' : 'trusted-human',
            category,
            confidence: 'definite'
        };
        const id = (suffix) => `${prefix}.${i}.${suffix}`;
        const emails = pattern.includes('@')
            ? [{ kind: 'glob', pattern }]
            : [
                { kind: 'glob', pattern: `${pattern}${NOREPLY}` },
                { kind: 'glob', pattern: `*+${pattern}${NOREPLY}` }
            ];
        const rules = emails.flatMap((match, j) => {
            const n = emails.length > 1 ? `.${j}` : '';
            const byEmail = [
                { ...common, id: id(`author-email${n}`), field: 'author-email', match },
                {
                    ...common,
                    id: id(`committer-email${n}`),
                    field: 'committer-email',
                    match
                }
            ];
            if (category === 'ai')
                byEmail.push({
                    ...common,
                    id: id(`coauthor${n}`),
                    field: 'trailer',
                    key: 'co-authored-by',
                    part: 'email',
                    match
                });
            return byEmail;
        });
        if (!pattern.includes('@'))
            rules.push({
                ...common,
                id: id('pr-author-login'),
                field: 'pr-author-login',
                match: { kind: 'glob', pattern }
            });
        return rules;
    });
}

/** The date the default rules were last checked against the vendors. */
const exact = (value) => ({ kind: 'exact', value });
const glob = (pattern) => ({ kind: 'glob', pattern });
const re = (source) => ({ kind: 'regex', source });
/** The PR author is a GitHub App (a human may own the same login as a user). */
const BY_BOT = [{ field: 'pr-author-type', match: exact('Bot') }];
/**
 * One rule per identity field for one email: `<id>.author`,
 * `<id>.committer` (both emails) and `<id>.coauthor` (the email of a
 * `Co-authored-by` trailer).
 */
function emailRules(id, tool, confidence, where, match, category = 'ai') {
    return where.map((w) => {
        const common = { id: `${id}.${w}`, tool, category, confidence, match };
        switch (w) {
            case 'author':
                return { ...common, field: 'author-email' };
            case 'committer':
                return { ...common, field: 'committer-email' };
            case 'coauthor':
                return {
                    ...common,
                    field: 'trailer',
                    key: 'co-authored-by',
                    part: 'email'
                };
        }
    });
}
const ALL = ['author', 'committer', 'coauthor'];
const COMMITTED = ['author', 'committer'];
function single(id, tool, confidence, field, match, extra = {}) {
    return { id, tool, category: 'ai', confidence, field, match, ...extra };
}
function line(id, tool, confidence, source, extra = {}) {
    return {
        id,
        tool,
        category: 'ai',
        confidence,
        field: 'message-line',
        match: re(source),
        ...extra
    };
}
function trailer(id, tool, confidence, key, match, note) {
    return {
        id,
        tool,
        category: 'ai',
        confidence,
        field: 'trailer',
        key,
        match,
        ...(note === undefined ? {} : { note })
    };
}
const CLAUDE_FOOTER = '^(?:🤖\\s*)?generated with \\[claude code\\]\\(https://claude\\.(?:ai/code|com/claude-code)/?\\)';
const CLAUDE_SESSION = '^(?:claude-session:\\s*)?https://claude\\.ai/code/session_[a-z0-9]+\\s*$';
const DEVIN_RUN = '^link to devin run:\\s*https://app\\.devin\\.ai/sessions/[0-9a-f]{32}';
/** GitHub's noreply domain, as a regex fragment (for whole-address rules). */
const GH = '@users\\.noreply\\.github\\.com';
/** AI-agent rules: definite first, then likely, then weak. */
const AI_RULES = [
    // ---- Claude Code (CLI/IDE, web, GitHub Action) ----
    ...emailRules('claude.email', 'claude-code', 'definite', ALL, exact('noreply@anthropic.com')),
    line('claude.footer', 'claude-code', 'definite', CLAUDE_FOOTER),
    single('claude.footer.pr', 'claude-code', 'definite', 'pr-body', re(CLAUDE_FOOTER)),
    line('claude.session', 'claude-code', 'definite', CLAUDE_SESSION, {
        note: 'Claude-Session trailer, or the bare session URL line of 2026 builds'
    }),
    single('claude.session.pr', 'claude-code', 'definite', 'pr-body', re(CLAUDE_SESSION)),
    single('claude.pr.project', 'claude-code', 'definite', 'pr-body', re('^<!--\\s*ccr-projects-attribution:')),
    ...emailRules('claude.app', 'claude-code-action', 'definite', COMMITTED, re(`^(?:\\d+\\+)?(?:claude|claude-code|claude-code-action|anthropic-claude)\\[bot\\]${GH}$`)),
    single('claude.app.login', 'claude-code-action', 'definite', 'pr-author-login', re('^(?:claude|claude-code|anthropic-claude)(?:\\[bot\\])?$'), {
        requires: BY_BOT,
        note: 'a real user is named claude (id 81847): only the Bot account counts'
    }),
    // ---- GitHub Copilot coding agent ----
    ...emailRules('copilot.agent.email', 'copilot-coding-agent', 'definite', ALL, exact('198982749+copilot@users.noreply.github.com')),
    single('copilot.agent.login', 'copilot-coding-agent', 'definite', 'pr-author-login', re('^(?:copilot|copilot-swe-agent)(?:\\[bot\\])?$'), {
        requires: BY_BOT
    }),
    line('copilot.agent.logs', 'copilot-coding-agent', 'definite', '^agent-logs-url:\\s*https://github\\.com/[^/\\s]+/[^/\\s]+/sessions/[0-9a-f-]{36}\\s*$', { note: 'sits in its own paragraph, so git trailer parsing misses it' }),
    single('copilot.agent.body', 'copilot-coding-agent', 'definite', 'pr-body', re('^<!--\\s*START COPILOT (?:CODING AGENT|ORIGINAL PROMPT)')),
    // ---- Cursor (IDE agent, CLI, background agents) ----
    ...emailRules('cursor.email', 'cursor', 'definite', ALL, exact('cursoragent@cursor.com')),
    single('cursor.body', 'cursor', 'definite', 'pr-body', re('^<!--\\s*CURSOR_AGENT_PR_BODY_(?:BEGIN|END)\\s*-->')),
    // ---- Aider ----
    trailer('aider.coauthor', 'aider', 'definite', 'co-authored-by', re('^aider\\b[^<]*<(?:aider|noreply)@aider\\.(?:chat|dev)>$'), 'v0.83+; paul@aider.chat is a human'),
    single('aider.author.name', 'aider', 'definite', 'author-name', glob('* (aider)'), {
        note: 'pre-0.85 default: aider appends (aider) to the author name'
    }),
    // ---- Devin ----
    ...emailRules('devin.email', 'devin', 'definite', ALL, exact('158243242+devin-ai-integration[bot]@users.noreply.github.com')),
    single('devin.author.name', 'devin', 'definite', 'author-name', exact('devin-ai-integration[bot]')),
    single('devin.login', 'devin', 'definite', 'pr-author-login', re('^devin-ai-integration(?:\\[bot\\])?$')),
    single('devin.body', 'devin', 'definite', 'pr-body', re(DEVIN_RUN)),
    line('devin.run', 'devin', 'definite', DEVIN_RUN),
    // ---- Google Jules ----
    ...emailRules('jules.email', 'jules', 'definite', ALL, exact('161369871+google-labs-jules[bot]@users.noreply.github.com')),
    single('jules.body', 'jules', 'definite', 'pr-body', re('^\\*?pr created automatically by jules for task \\[\\d+\\]')),
    // ---- OpenAI Codex (CLI, cloud) ----
    trailer('codex.cli.coauthor', 'codex-cli', 'definite', 'co-authored-by', re('^codex\\b[^<]*<noreply@openai\\.com>$'), 'DEFAULT_ATTRIBUTION_VALUE; opt-in'),
    single('codex.cloud.body', 'codex-cloud', 'definite', 'pr-body', re('^\\[codex task\\]\\(https://chatgpt\\.com/codex/tasks/task_[a-z]_[0-9a-f]+\\)'), {
        note: 'Codex cloud opens the PR as the human user: this link is often the only marker'
    }),
    // ---- Sourcegraph Amp ----
    ...emailRules('amp.email', 'amp', 'definite', ['author', 'coauthor'], exact('amp@ampcode.com')),
    line('amp.thread', 'amp', 'definite', '^amp-thread(?:-id)?:\\s*https://ampcode\\.com/threads/t-[0-9a-f-]+'),
    // ---- Continue CLI ----
    ...emailRules('continue.email', 'continue-cli', 'definite', ['coauthor'], exact('noreply@continue.dev')),
    // ---- OpenHands ----
    ...emailRules('openhands.email', 'openhands', 'definite', ALL, exact('openhands@all-hands.dev')),
    single('openhands.body', 'openhands', 'definite', 'pr-body', re('^automatic fix generated by \\[openhands\\]')),
    // ---- Replit Agent ----
    trailer('replit.agent', 'replit-agent', 'definite', 'replit-commit-author', re('^(?:agent|assistant)$')),
    // ---- Lovable ----
    ...emailRules('lovable.email', 'lovable', 'definite', COMMITTED, re(`^(?:159125892\\+gpt-engineer-app\\[bot\\]${GH}|noreply@lovable\\.dev)$`)),
    // ---- Amazon Q Developer agent, Kiro ----
    ...emailRules('amazonq.email', 'amazon-q', 'definite', COMMITTED, exact('208079219+amazon-q-developer[bot]@users.noreply.github.com')),
    single('amazonq.login', 'amazon-q', 'definite', 'pr-author-login', re('^amazon-q-developer(?:\\[bot\\])?$')),
    ...emailRules('kiro.email', 'kiro', 'definite', ALL, re(`^244629292\\+kiro-agent(?:\\[bot\\])?${GH}$`)),
    // ---- Sweep, Roo Code Cloud ----
    single('sweep.login', 'sweep', 'definite', 'pr-author-login', re('^sweep-ai(?:\\[bot\\])?$')),
    single('sweep.author.name', 'sweep', 'definite', 'author-name', re('^sweep-ai(?:\\[bot\\])?$')),
    ...emailRules('roo.cloud', 'roo-code-cloud', 'definite', ['author', 'coauthor'], exact('roomote@roocode.com')),
    // ---- git-ai line-level provenance (refs/notes/ai) ----
    {
        id: 'gitai.note',
        tool: 'git-ai',
        category: 'ai',
        confidence: 'definite',
        field: 'git-ai-note',
        match: re('^\\s*(?:s_[0-9a-f]{14}(?:::t_[0-9a-f]{14})?|[0-9a-f]{16})\\s+\\d'),
        requires: [
            {
                field: 'git-ai-note',
                match: re('^.*"schema_version"\\s*:\\s*"authorship/\\d')
            }
        ],
        note: 'an AI attestation line (s_… session or legacy 16-hex prompt key) in a git-ai note'
    },
    // ---- explicit disclosure (Linux kernel, Fedora, LLVM, Apache) ----
    trailer('disclosure.assisted-by', 'disclosed', 'definite', 'assisted-by', re('^(?!(?:no|none|false|n/a)\\s*$)\\S')),
    trailer('disclosure.ai-assisted', 'disclosed', 'definite', 'ai-assisted', re('^(?!(?:no|none|false|n/a)\\s*$)\\S')),
    trailer('disclosure.co-developed-by-ai', 'disclosed', 'definite', 'co-developed-by-ai', re('^\\S')),
    trailer('disclosure.generated-by', 'disclosed', 'likely', 'generated-by', re('^(?!(?:no|none|false|n/a)\\s*$)\\S'), 'Apache/OpenInfra form; also used by non-AI code generators, hence likely'),
    // ---------------- likely ----------------
    ...emailRules('copilot.ide', 'copilot-ide', 'likely', ['coauthor'], re('^(?:223556219\\+copilot@users\\.noreply\\.github\\.com|copilot@github\\.com)$')),
    ...emailRules('copilot.suggestion', 'copilot-review', 'likely', ['coauthor'], re(`^(?:175728472\\+copilot|62310815\\+github-advanced-security\\[bot\\]|223894421\\+github-code-quality\\[bot\\])${GH}$`)),
    ...emailRules('gca.suggestion', 'gemini-code-assist', 'likely', ['coauthor'], re(`^(?:176961590\\+)?gemini-code-assist\\[bot\\]${GH}$`)),
    trailer('cursor.madewith', 'cursor', 'likely', 'made-with', exact('cursor'), 'common, but not documented by Cursor'),
    ...emailRules('codex.noreply', 'codex-cli', 'likely', ['coauthor'], exact('noreply@openai.com')),
    ...emailRules('codex.sandbox', 'codex-cloud', 'likely', COMMITTED, exact('codex@openai.com')),
    ...emailRules('codex.app', 'codex', 'likely', ['author'], re(`^(?:199175422\\+chatgpt-codex-connector|215057067\\+openai-codex)\\[bot\\]${GH}$`)),
    single('codex.app.login', 'codex', 'likely', 'pr-author-login', re('^openai-codex(?:\\[bot\\])?$')),
    ...emailRules('gemini.cli.identity', 'gemini-cli', 'likely', ALL, re(`^(?:gemini-cli@google\\.com|(?:\\d+\\+)?gemini-cli\\[bot\\]${GH})$`)),
    trailer('gemini.named.coauthor', 'gemini-cli', 'likely', 'co-authored-by', re('^(?:google\\s+)?gemini(?: cli| code)?\\s*<[^<>@]+@google\\.com>$'), 'needs the Gemini name AND a google.com address'),
    line('aider.prefix', 'aider', 'likely', '^aider:\\s', { subjectOnly: true }),
    line('devin.cli.footer', 'devin', 'likely', '^(?:🤖\\s*)?generated with \\[devin\\]\\(https://(?:cli\\.)?devin\\.ai'),
    line('continue.footer', 'continue-cli', 'likely', '^generated with \\[continue\\]\\(https://continue\\.dev\\)'),
    line('codebuff.footer', 'codebuff', 'likely', '^(?:🤖\\s*)?generated with codebuff\\b'),
    ...emailRules('windsurf.email', 'windsurf', 'likely', ['author', 'coauthor'], re(`^(?:windsurf@codeium\\.com|noreply@codeium\\.com|cascade@windsurf\\.ai|noreply@windsurf\\.ai|(?:\\d+\\+)?windsurf-bot\\[bot\\]${GH})$`)),
    ...emailRules('cline.email', 'cline', 'likely', ['author', 'coauthor'], re(`^(?:noreply@cline\\.bot|(?:205137888\\+)?cline\\[bot\\]${GH})$`)),
    ...emailRules('factory.email', 'factory', 'likely', ['author', 'coauthor'], re(`^(?:138933559\\+)?factory-droid\\[bot\\]${GH}$`)),
    ...emailRules('cody.email', 'sourcegraph-cody', 'likely', ['author', 'coauthor'], re(`^(?:\\d+\\+)?sourcegraph-cody\\[bot\\]${GH}$`)),
    ...emailRules('other.agents.email', 'other-agent', 'likely', ['author', 'coauthor'], re(`^(?:agent@warp\\.dev|oz-agent@warp\\.dev|qwen-coder@alibabacloud\\.com|noreply@codebuff\\.com|clio-agent@sisyphuslabs\\.ai|(?:\\d+\\+)?(?:continue|codegen-sh|jetbrains-ai|opencode-agent)\\[bot\\]${GH})$`)),
    line('entire.trailer', 'entire', 'likely', '^entire-(?:checkpoint|session|agent|metadata):\\s*\\S'),
    {
        ...trailer('generic.ai.coauthor', 'unknown-agent', 'likely', 'co-authored-by', re('^[^<]*\\b(?:gpt-?\\d|claude|gemini|codex|copilot|cursor|devin|jules|llm|ai agent)\\b[^<]*<[^<>@]*(?:noreply|no-reply|\\[bot\\]|agent)[^<>@]*@[^<>]+>$'), 'an AI name AND a no-reply/bot/agent local part: "Claude Dupont <claude@gmail.com>" does not match'),
        fallback: true
    },
    // ---------------- weak ----------------
    single('claude.branch', 'claude-code', 'weak', 'head-branch', glob('claude/*'), { note: 'branch names are attacker-controlled and configurable' }),
    single('copilot.agent.branch', 'copilot-coding-agent', 'weak', 'head-branch', glob('copilot/*')),
    single('codex.branch', 'codex-cloud', 'weak', 'head-branch', glob('codex/*')),
    single('cursor.branch', 'cursor', 'weak', 'head-branch', re('^(?:cursor|cloud)/.+-[0-9a-f]{4}$')),
    single('devin.branch', 'devin', 'weak', 'head-branch', re('^devin/\\d{10}-')),
    single('jules.branch', 'jules', 'weak', 'head-branch', re('^.+-\\d{15,20}$')),
    single('sweep.branch', 'sweep', 'weak', 'head-branch', glob('sweep/*')),
    single('openhands.branch', 'openhands', 'weak', 'head-branch', re('^openhands-fix-issue-\\d+(?:-try\\d+)?$')),
    single('kiro.branch', 'kiro', 'weak', 'head-branch', glob('kiro/*')),
    single('amp.branch', 'amp', 'weak', 'head-branch', glob('amp/*')),
    single('aider.committer.name', 'aider', 'weak', 'committer-name', glob('* (aider)'), {
        note: 'aider also commits the user’s own dirty edits with only the committer suffixed'
    }),
    trailer('replit.deploy', 'replit-agent', 'weak', 'replit-commit-author', exact('deployment'), 'publishes, not AI code'),
    ...emailRules('bolt.email', 'bolt', 'weak', COMMITTED, exact('bolt@stackblitz.com')),
    line('keywords', 'unknown-agent', 'weak', '^.*\\b(?:ai[- ]generated|generated (?:by|with) (?:ai|an? llm|chatgpt|gpt|claude|gemini)|vibe[- ]coded)\\b', { note: 'a mention anywhere in a line: advisory only' }),
    single('keywords.pr', 'unknown-agent', 'weak', 'pr-body', re('^.*\\b(?:ai[- ]generated|generated (?:by|with) (?:ai|an? llm|chatgpt|gpt|claude|gemini)|vibe[- ]coded)\\b'))
];
function automation(id, tool, confidence, field, match, requires) {
    return {
        id,
        tool,
        category: 'automation',
        confidence,
        field,
        match,
        ...(requires === undefined ? {} : { requires })
    };
}
/** Non-AI bots: classified `automation`, never AI and never human. */
const AUTOMATION_RULES = [
    ...emailRules('dependabot.email', 'dependabot', 'definite', COMMITTED, re(`^(?:49699333\\+)?dependabot\\[bot\\]${GH}$`), 'automation'),
    {
        id: 'dependabot.signoff',
        tool: 'dependabot',
        category: 'automation',
        confidence: 'definite',
        field: 'trailer',
        key: 'signed-off-by',
        match: exact('dependabot[bot] <support@github.com>')
    },
    automation('dependabot.login', 'dependabot', 'definite', 'pr-author-login', re('^dependabot(?:\\[bot\\])?$'), BY_BOT),
    automation('dependabot.branch', 'dependabot', 'weak', 'head-branch', glob('dependabot/*')),
    ...emailRules('renovate.email', 'renovate', 'definite', COMMITTED, re(`^(?:(?:29139614\\+)?renovate\\[bot\\]${GH}|bot@renovateapp\\.com|\\d+\\+[a-z0-9-]*renovate\\[bot\\]${GH})$`), 'automation'),
    automation('renovate.login', 'renovate', 'definite', 'pr-author-login', re('^(?:[a-z0-9-]+-)?renovate(?:\\[bot\\])?$'), BY_BOT),
    automation('renovate.branch', 'renovate', 'weak', 'head-branch', glob('renovate/*')),
    ...emailRules('github-actions.email', 'github-actions', 'definite', COMMITTED, re(`^(?:(?:41898282\\+)?github-actions\\[bot\\]${GH}|actions@github\\.com)$`), 'automation'),
    automation('github-actions.login', 'github-actions', 'definite', 'pr-author-login', re('^github-actions(?:\\[bot\\])?$'), BY_BOT),
    ...emailRules('ci-bots.email', 'ci-bot', 'definite', COMMITTED, re(`^(?:\\d+\\+)?(?:pre-commit-ci|autofix-ci|mergify|bors|release-please|dependabot-preview|semantic-release-bot)\\[bot\\]${GH}$`), 'automation'),
    ...emailRules('release-bots.email', 'release-bot', 'definite', COMMITTED, re(`^(?:gemini-cli-robot@google\\.com|\\d+\\+gemini-cli-robot${GH}|semantic-release-bot@martynus\\.net|bot@usegitai\\.com)$`), 'automation')
];
/** Every default rule: AI agents (20+ tools) and non-AI automation. */
const DEFAULT_RULES = [...AI_RULES, ...AUTOMATION_RULES];

/**
 * Block locator for Terraform `.tf` files: which lines hold a `resource`,
 * `module`, `moved`, `removed` or `import` block, so that attribution can ask
 * which commits touched those lines.
 *
 * Library evaluation (npm registry, tried in a scratch directory, Node 20):
 * - `@cdktf/hcl2json` 0.21.0 (Go hcl2json compiled to WASM, ~2 MB unpacked,
 *   async API, depends on fs-extra): returns plain JSON, no source positions.
 * - `hcl2-parser` 1.0.3 (GopherJS build of hcl2json, ~3.9 MB): JSON only,
 *   no positions.
 * - `@evops/hcl-terraform-parser` 1.0.0 (GopherJS build of
 *   terraform-config-inspect, ~6 MB, unmaintained): start line of resources,
 *   variables and outputs only; no end line, no `moved`/`removed`/`import`.
 * - `hcl-parser` 0.1.1 (GopherJS build of HCL v1): no HCL2 syntax, no positions.
 * - `@tree-sitter-grammars/tree-sitter-hcl` 1.2.0 + `web-tree-sitter`: the only
 *   candidate with exact ranges (its terraform WASM grammar parsed heredocs
 *   and strings with braces correctly). Its Node binding is native (prebuilds
 *   plus a native `tree-sitter` peer); the WASM route needs web-tree-sitter
 *   (~5.7 MB unpacked, 205 kB runtime WASM) plus a 92 kB grammar WASM loaded
 *   asynchronously from disk or fetch, which fits neither the synchronous
 *   pure core nor the self-contained single-file `dist/`.
 * Verdict: none gives positions cheaply, so this is a small hand-written
 * tokenizer plus a recursive block scanner. It does not evaluate
 * expressions; it only needs to know where tokens, strings, heredocs,
 * comments and brackets begin and end.
 *
 * Broken input never throws. The scanner reports `issues`; a block whose
 * closing brace cannot be found is left out. When a line starting in column 0
 * looks like a top-level header (`resource "a" "b" {`, `module "m" {`,
 * `moved {` …) while a block or bracket is still open, the open block is
 * taken as unclosed and scanning restarts at that line, so one missing brace
 * costs one block, not the rest of the file. An unterminated heredoc or
 * `/* … *\/` comment still swallows the rest of the file (its content may
 * legitimately look like anything).
 */
/** A resource address that is not `[module.NAME[KEY].]*[data.]TYPE.NAME[KEY]`. */
class ResourceAddressError extends Error {
    name = 'ResourceAddressError';
    address;
    constructor(address, reason) {
        super(`resource address ${JSON.stringify(address.slice(0, 200))}: ${reason}`);
        this.address = address;
    }
}
/** Label count of each top-level block type, used to resynchronise. */
const TOP_LEVEL_LABELS = {
    resource: 2,
    data: 2,
    ephemeral: 2,
    module: 1,
    variable: 1,
    output: 1,
    provider: 1,
    check: 1,
    moved: 0,
    removed: 0,
    import: 0,
    locals: 0,
    terraform: 0
};
const HEADER_LABEL = String.raw `(?:"(?:[^"\\\n]|\\.)*"|[\p{ID_Start}_][\p{ID_Continue}-]*)`;
/** Column-0 header of a top-level block, for lexer-level resynchronisation. */
const HEADER_RE = new RegExp(String.raw `(?:(?:resource|data|ephemeral)[ \t]+${HEADER_LABEL}[ \t]+${HEADER_LABEL}|(?:module|variable|output|provider|check)[ \t]+${HEADER_LABEL}|moved|removed|import|locals|terraform)[ \t]*\{`, 'uy');
const IDENT_RE = /[\p{ID_Start}_][\p{ID_Continue}-]*/uy;
const HEREDOC_RE = /<<(-?)([\p{ID_Start}_][\p{ID_Continue}-]*)\r?\n/uy;
const SINGLE = {
    '{': 'lbrace',
    '}': 'rbrace',
    '[': 'lbrack',
    ']': 'rbrack',
    '(': 'lparen',
    ')': 'rparen'
};
class Lexer {
    text;
    pos = 0;
    line = 1;
    lineStart = 0;
    issues = [];
    constructor(text) {
        this.text = text;
    }
    tokenize() {
        const tokens = [];
        for (let t = this.next(); t !== undefined; t = this.next())
            tokens.push(t);
        return tokens;
    }
    issue(message, line = this.line) {
        this.issues.push({ line, message });
    }
    newline() {
        this.pos++;
        this.line++;
        this.lineStart = this.pos;
    }
    make(kind, start, line, col, value = '') {
        return { kind, start, end: this.pos, line, endLine: this.line, col, value };
    }
    /**
     * The next token, skipping blanks and comments; undefined at the end.
     * `shallow` (inside an interpolation) stops after the opening of a string
     * or heredoc, which the caller then skips on its own explicit stack.
     */
    next(shallow = false) {
        const text = this.text;
        for (;;) {
            const c = text[this.pos];
            if (c === undefined)
                return undefined;
            if (c === ' ' || c === '\t' || c === '\r' || c === '\uFEFF') {
                this.pos++;
                continue;
            }
            const start = this.pos;
            const line = this.line;
            const col = start - this.lineStart;
            if (c === '\n') {
                this.newline();
                return {
                    kind: 'newline',
                    start,
                    end: this.pos,
                    line,
                    endLine: line,
                    col,
                    value: ''
                };
            }
            const c2 = text[this.pos + 1];
            if (c === '#' || (c === '/' && c2 === '/')) {
                const nl = text.indexOf('\n', this.pos);
                this.pos = nl === -1 ? text.length : nl;
                continue;
            }
            if (c === '/' && c2 === '*') {
                this.skipBlockComment();
                continue;
            }
            if (c === '"') {
                if (!shallow)
                    return this.quoted(start, line, col);
                this.pos++;
                return this.make('string-open', start, line, col);
            }
            if (c === '<' && c2 === '<') {
                HEREDOC_RE.lastIndex = this.pos;
                const m = HEREDOC_RE.exec(text);
                if (m !== null) {
                    if (!shallow)
                        return this.heredoc(m, start, line, col);
                    this.pos += m[0].length - 1;
                    this.newline();
                    return this.make('heredoc-open', start, line, col, `${m[1] ?? ''}${m[2] ?? ''}`);
                }
            }
            IDENT_RE.lastIndex = this.pos;
            const ident = IDENT_RE.exec(text);
            if (ident !== null) {
                this.pos += ident[0].length;
                return this.make('ident', start, line, col, ident[0]);
            }
            const single = SINGLE[c];
            if (single !== undefined) {
                this.pos++;
                return this.make(single, start, line, col);
            }
            if (c === '=' && c2 !== '=' && c2 !== '>') {
                this.pos++;
                return this.make('eq', start, line, col);
            }
            // Two-character operators, so that `==`, `!=`, `<=`, `>=`, `=>` never
            // read as an assignment.
            this.pos += c2 === '=' || (c === '=' && c2 === '>') ? 2 : 1;
            return this.make('other', start, line, col);
        }
    }
    skipBlockComment() {
        const line = this.line;
        const close = this.text.indexOf('*/', this.pos + 2);
        const end = close === -1 ? this.text.length : close + 2;
        for (let nl = this.text.indexOf('\n', this.pos); nl !== -1 && nl < end;) {
            this.line++;
            this.lineStart = nl + 1;
            nl = this.text.indexOf('\n', nl + 1);
        }
        this.pos = end;
        if (close === -1)
            this.issue('unterminated /* comment', line);
    }
    /** A `"…"` template; stops at the end of the line if the quote is missing. */
    quoted(start, line, col) {
        const text = this.text;
        let literal = true;
        let value = '';
        this.pos++;
        for (;;) {
            const c = text[this.pos];
            if (c === undefined || c === '\n') {
                this.issue('unterminated string');
                return this.make('string', start, line, col, text.slice(start, this.pos));
            }
            if (c === '"') {
                this.pos++;
                return this.make('string', start, line, col, literal ? value : text.slice(start, this.pos));
            }
            if (c === '\\') {
                const [decoded, length] = decodeEscape(text, this.pos);
                value += decoded;
                this.pos += length;
                continue;
            }
            if ((c === '$' || c === '%') &&
                text[this.pos + 1] === c &&
                text[this.pos + 2] === '{') {
                value += c + '{';
                this.pos += 3;
                continue;
            }
            if ((c === '$' || c === '%') && text[this.pos + 1] === '{') {
                literal = false;
                this.pos += 2;
                this.skipInterpolation();
                continue;
            }
            value += c;
            this.pos++;
        }
    }
    /** `<<EOT` / `<<-EOT` up to the line holding only the marker. */
    heredoc(m, start, line, col) {
        const text = this.text;
        const marker = m[2] ?? '';
        const close = heredocEnd(marker);
        this.pos += m[0].length - 1;
        this.newline();
        for (;;) {
            close.lastIndex = this.pos;
            const end = close.exec(text);
            if (end !== null) {
                this.pos += end[0].length;
                return this.make('heredoc', start, line, col);
            }
            for (;;) {
                const c = text[this.pos];
                if (c === undefined) {
                    this.issue(`unterminated heredoc <<${m[1] ?? ''}${marker}`, line);
                    return this.make('heredoc', start, line, col);
                }
                if (c === '\n') {
                    this.newline();
                    break;
                }
                if ((c === '$' || c === '%') &&
                    text[this.pos + 1] === c &&
                    text[this.pos + 2] === '{') {
                    this.pos += 3;
                }
                else if ((c === '$' || c === '%') && text[this.pos + 1] === '{') {
                    this.pos += 2;
                    this.skipInterpolation();
                }
                else {
                    this.pos++;
                }
            }
        }
    }
    /**
     * Skips `${ … }` / `%{ … }` after the opening brace, nested braces,
     * strings, heredocs and their own interpolations included. Iterative,
     * on an explicit stack: `"${"${"${…}"}"}"` nested thousands deep in a
     * pull request's file must not become stack depth.
     */
    skipInterpolation() {
        const stack = [{ kind: 'interpolation', depth: 0, line: this.line }];
        for (let top = stack.at(-1); top !== undefined; top = stack.at(-1)) {
            switch (top.kind) {
                case 'interpolation':
                    this.interpolationStep(top, stack);
                    break;
                case 'string':
                    this.stringStep(stack);
                    break;
                case 'heredoc':
                    this.heredocStep(top, stack);
                    break;
            }
        }
    }
    /** One token of an interpolation: a brace, or the start of a nested string or heredoc. */
    interpolationStep(top, stack) {
        if (this.pos === this.lineStart && this.pos > 0) {
            HEADER_RE.lastIndex = this.pos;
            if (HEADER_RE.test(this.text)) {
                this.issue('unterminated template interpolation', top.line);
                stack.pop();
                return;
            }
        }
        const t = this.next(true);
        if (t === undefined) {
            this.issue('unterminated template interpolation', top.line);
            stack.pop();
            return;
        }
        switch (t.kind) {
            case 'lbrace':
                top.depth++;
                break;
            case 'rbrace':
                if (top.depth === 0)
                    stack.pop();
                else
                    top.depth--;
                break;
            case 'string-open':
                stack.push({ kind: 'string' });
                break;
            case 'heredoc-open': {
                const marker = t.value.replace(/^-/, '');
                stack.push({
                    kind: 'heredoc',
                    close: heredocEnd(marker),
                    label: t.value,
                    line: t.line,
                    atLineStart: true
                });
                break;
            }
        }
    }
    /** A string inside an interpolation, as `quoted` reads it, up to its end or its next `${`. */
    stringStep(stack) {
        const text = this.text;
        for (;;) {
            const c = text[this.pos];
            if (c === undefined || c === '\n') {
                this.issue('unterminated string');
                stack.pop();
                return;
            }
            if (c === '"') {
                this.pos++;
                stack.pop();
                return;
            }
            if (c === '\\') {
                this.pos += decodeEscape(text, this.pos)[1];
                continue;
            }
            if ((c === '$' || c === '%') &&
                text[this.pos + 1] === c &&
                text[this.pos + 2] === '{') {
                this.pos += 3;
                continue;
            }
            if ((c === '$' || c === '%') && text[this.pos + 1] === '{') {
                this.pos += 2;
                stack.push({ kind: 'interpolation', depth: 0, line: this.line });
                return;
            }
            this.pos++;
        }
    }
    /** A heredoc inside an interpolation, as `heredoc` reads it, up to its marker line or its next `${`. */
    heredocStep(top, stack) {
        const text = this.text;
        if (top.atLineStart) {
            top.close.lastIndex = this.pos;
            const end = top.close.exec(text);
            if (end !== null) {
                this.pos += end[0].length;
                stack.pop();
                return;
            }
            top.atLineStart = false;
        }
        for (;;) {
            const c = text[this.pos];
            if (c === undefined) {
                this.issue(`unterminated heredoc <<${top.label}`, top.line);
                stack.pop();
                return;
            }
            if (c === '\n') {
                this.newline();
                top.atLineStart = true;
                return;
            }
            if ((c === '$' || c === '%') &&
                text[this.pos + 1] === c &&
                text[this.pos + 2] === '{') {
                this.pos += 3;
            }
            else if ((c === '$' || c === '%') && text[this.pos + 1] === '{') {
                this.pos += 2;
                stack.push({ kind: 'interpolation', depth: 0, line: this.line });
                return;
            }
            else {
                this.pos++;
            }
        }
    }
}
/** The line that ends a heredoc opened with `marker`. */
function heredocEnd(marker) {
    return new RegExp(String.raw `[ \t]*${marker}[ \t]*(?=\r?\n|$)`, 'uy');
}
/** One backslash escape of a quoted string: decoded text and source length. */
function decodeEscape(text, pos) {
    const c = text[pos + 1];
    switch (c) {
        case 'n':
            return ['\n', 2];
        case 't':
            return ['\t', 2];
        case 'r':
            return ['\r', 2];
        case '"':
        case '\\':
            return [c, 2];
        case 'u':
        case 'U': {
            const digits = c === 'u' ? 4 : 8;
            const hex = text.slice(pos + 2, pos + 2 + digits);
            const code = /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
            if (hex.length === digits && code <= 0x10ffff) {
                return [String.fromCodePoint(code), 2 + digits];
            }
            return ['\\' + c, 2];
        }
        case undefined:
        case '\n':
            return ['\\', 1];
        default:
            return ['\\' + c, 2];
    }
}
const CLOSERS = {
    rbrace: 'lbrace',
    rbrack: 'lbrack',
    rparen: 'lparen'
};
class Scanner {
    text;
    tokens;
    issues;
    i = 0;
    /** Set when a column-0 top-level header interrupts an open block. */
    resync = false;
    blocks = [];
    constructor(text, tokens, issues) {
        this.text = text;
        this.tokens = tokens;
        this.issues = issues;
    }
    scan() {
        const tokens = this.tokens;
        while (this.i < tokens.length) {
            const t = tokens[this.i];
            if (t === undefined)
                break;
            if (t.kind === 'newline') {
                this.i++;
                continue;
            }
            if (t.kind !== 'ident') {
                this.issues.push({ line: t.line, message: `unexpected ${describe(t)}` });
                this.skipValue(0);
                if (this.i < tokens.length && tokens[this.i]?.kind === 'rbrace') {
                    this.i++;
                }
                continue;
            }
            const item = this.item(0);
            if (this.resync) {
                this.resync = false;
                const here = this.tokens[this.i];
                this.issues.push({
                    line: t.line,
                    message: `${t.value} block not closed before line ${here?.line ?? '?'}`
                });
                continue;
            }
            if (item?.children !== undefined)
                this.blocks.push(this.block(item));
        }
    }
    block(item) {
        const { child } = item;
        const children = item.children ?? [];
        const block = {
            type: child.name,
            labels: child.labels,
            startLine: child.startLine,
            endLine: child.endLine,
            children
        };
        if (['moved', 'removed', 'import'].includes(child.name)) {
            for (const key of ['from', 'to']) {
                const raw = this.traversal(item, key);
                if (raw !== undefined)
                    block[key] = raw;
            }
        }
        return block;
    }
    values = new Map();
    traversal(item, key) {
        const child = item.children?.find((c) => c.kind === 'attribute' && c.name === key);
        const range = child && this.values.get(child);
        if (range === undefined)
            return undefined;
        const first = this.tokens[range[0]];
        const last = this.tokens[range[1]];
        if (first === undefined || last === undefined)
            return undefined;
        const raw = this.text.slice(first.start, last.end).trim();
        return parseTraversal(raw) === undefined ? undefined : raw;
    }
    /** An attribute or a block starting at an identifier. */
    item(depth) {
        const tokens = this.tokens;
        const head = tokens[this.i];
        if (head === undefined)
            return undefined;
        let j = this.i + 1;
        if (tokens[j]?.kind === 'eq') {
            this.i = j + 1;
            const from = this.i;
            const last = this.skipValue(depth);
            const end = last === undefined ? head.endLine : tokens[last]?.endLine;
            const child = {
                name: head.value,
                kind: 'attribute',
                labels: [],
                startLine: head.line,
                endLine: end ?? head.line
            };
            if (last !== undefined)
                this.values.set(child, [from, last]);
            return { child };
        }
        const labels = [];
        for (let t = tokens[j]; t?.kind === 'string' || t?.kind === 'ident';) {
            labels.push(t.value);
            t = tokens[++j];
        }
        if (tokens[j]?.kind !== 'lbrace') {
            this.issues.push({
                line: head.line,
                message: `expected "=" or "{" after ${head.value}`
            });
            this.skipValue(depth);
            return undefined;
        }
        this.i = j + 1;
        const children = [];
        // Only a top-level block's own children are kept; deeper blocks are
        // skipped iteratively, however deep they nest.
        const close = depth === 0
            ? this.body(depth + 1, head.value, children)
            : this.skipBody(head);
        if (close === undefined) {
            if (!this.resync) {
                this.issues.push({
                    line: head.line,
                    message: `${head.value} block not closed`
                });
            }
            return undefined;
        }
        return {
            child: {
                name: head.value,
                kind: 'block',
                labels,
                startLine: head.line,
                endLine: close.line
            },
            children
        };
    }
    /** A block body after `{`; returns the closing brace. */
    body(depth, type, children) {
        const tokens = this.tokens;
        for (;;) {
            const t = tokens[this.i];
            if (t === undefined)
                return undefined;
            if (t.kind === 'newline') {
                this.i++;
                continue;
            }
            if (t.kind === 'rbrace') {
                this.i++;
                return t;
            }
            if (this.startsTopLevel(this.i, type)) {
                this.resync = true;
                return undefined;
            }
            if (t.kind === 'ident') {
                const item = this.item(depth);
                if (this.resync)
                    return undefined;
                if (item !== undefined)
                    children.push(item.child);
                continue;
            }
            this.issues.push({ line: t.line, message: `unexpected ${describe(t)}` });
            this.skipValue(depth);
        }
    }
    /**
     * The body of a nested block after `{`, read as `body` reads it but on an
     * explicit stack of open blocks, since nothing inside is kept: returns
     * the closing brace, or undefined at the end of the file or a resync.
     */
    skipBody(head) {
        const tokens = this.tokens;
        const open = [head];
        for (;;) {
            const t = tokens[this.i];
            const inner = open.at(-1);
            if (t === undefined || inner === undefined) {
                // Each unclosed block inside says so; the caller reports `head`.
                for (const block of open.slice(1).reverse()) {
                    if (!this.resync) {
                        this.issues.push({
                            line: block.line,
                            message: `${block.value} block not closed`
                        });
                    }
                }
                return undefined;
            }
            if (t.kind === 'newline') {
                this.i++;
                continue;
            }
            if (t.kind === 'rbrace') {
                this.i++;
                open.pop();
                if (open.length === 0)
                    return t;
                continue;
            }
            if (this.startsTopLevel(this.i, inner.value)) {
                this.resync = true;
                return undefined;
            }
            if (t.kind !== 'ident') {
                this.issues.push({ line: t.line, message: `unexpected ${describe(t)}` });
                this.skipValue(open.length);
                continue;
            }
            let j = this.i + 1;
            if (tokens[j]?.kind === 'eq') {
                this.i = j + 1;
                this.skipValue(open.length);
                if (this.resync)
                    return undefined;
                continue;
            }
            while (tokens[j]?.kind === 'string' || tokens[j]?.kind === 'ident')
                j++;
            if (tokens[j]?.kind !== 'lbrace') {
                this.issues.push({
                    line: t.line,
                    message: `expected "=" or "{" after ${t.value}`
                });
                this.skipValue(open.length);
                if (this.resync)
                    return undefined;
                continue;
            }
            this.i = j + 1;
            open.push(t);
        }
    }
    /**
     * Skips an expression (or junk) up to the end of its line, with brackets
     * balanced across lines; stops before a newline or an unmatched `}`.
     * Returns the index of the last token consumed.
     */
    skipValue(depth) {
        const tokens = this.tokens;
        const stack = [];
        let last;
        for (;;) {
            const t = tokens[this.i];
            if (t === undefined) {
                if (stack.length > 0) {
                    this.issues.push({
                        line: this.lastLine(),
                        message: 'unclosed bracket'
                    });
                }
                return last;
            }
            if (stack.length === 0 && (t.kind === 'newline' || t.kind === 'rbrace')) {
                return last;
            }
            if (depth > 0 && this.startsTopLevel(this.i, undefined)) {
                this.resync = true;
                return last;
            }
            const opener = CLOSERS[t.kind];
            if (t.kind === 'lbrace' || t.kind === 'lbrack' || t.kind === 'lparen') {
                stack.push(t.kind);
            }
            else if (opener !== undefined) {
                const at = stack.lastIndexOf(opener);
                if (at === -1) {
                    this.issues.push({
                        line: t.line,
                        message: `unmatched ${describe(t)}`
                    });
                }
                else {
                    if (at !== stack.length - 1) {
                        this.issues.push({
                            line: t.line,
                            message: `mismatched ${describe(t)}`
                        });
                    }
                    stack.length = at;
                }
            }
            last = this.i;
            this.i++;
        }
    }
    lastLine() {
        return this.tokens[this.tokens.length - 1]?.endLine ?? 1;
    }
    /**
     * True when token `at` begins a line in column 0 with what can only be a
     * top-level block header (right label count, then `{`): inside an open
     * block or bracket this means the enclosing block lost its closing brace.
     * `data` blocks nested in a `check` block are legal and excluded.
     */
    startsTopLevel(at, enclosing) {
        const tokens = this.tokens;
        const t = tokens[at];
        if (t?.kind !== 'ident' || t.col !== 0)
            return false;
        const previous = tokens[at - 1];
        if (previous !== undefined && previous.kind !== 'newline')
            return false;
        const expected = TOP_LEVEL_LABELS[t.value];
        if (expected === undefined)
            return false;
        if (t.value === 'data' && enclosing === 'check')
            return false;
        let j = at + 1;
        for (let k = 0; k < expected; k++, j++) {
            const label = tokens[j];
            if (label?.kind !== 'string' && label?.kind !== 'ident')
                return false;
        }
        return tokens[j]?.kind === 'lbrace';
    }
}
function describe(t) {
    switch (t.kind) {
        case 'string':
        case 'heredoc':
        case 'ident':
        case 'other':
            return `${t.kind} ${JSON.stringify(t.value === '' ? t.kind : t.value).slice(0, 40)}`;
        default:
            return t.kind;
    }
}
/** Blocks of one file plus the syntax problems met; never throws. */
function scanBlocks(text) {
    const lexer = new Lexer(text);
    const tokens = lexer.tokenize();
    const scanner = new Scanner(text, tokens, lexer.issues);
    scanner.scan();
    const issues = [...scanner.issues].sort((a, b) => a.line - b.line);
    return { blocks: scanner.blocks, issues };
}
/** Top-level blocks of one `.tf` file with exact line ranges, for diff matching. */
function findBlocks(text) {
    return [...scanBlocks(text).blocks];
}
/**
 * Parses `a.b["k"][0].c` into steps; string keys are normalised to their JSON
 * form, numbers to decimals, and references (`each.key`) to `*`.
 */
function parseTraversal(s) {
    const steps = [];
    let pos = 0;
    const ident = () => {
        IDENT_RE.lastIndex = pos;
        const m = IDENT_RE.exec(s);
        if (m === null)
            return undefined;
        pos += m[0].length;
        return m[0];
    };
    const first = ident();
    if (first === undefined)
        return undefined;
    steps.push({ kind: 'name', name: first });
    while (pos < s.length) {
        const c = s[pos];
        if (c === '.') {
            pos++;
            const name = ident();
            if (name === undefined)
                return undefined;
            steps.push({ kind: 'name', name });
            continue;
        }
        if (c !== '[')
            return undefined;
        pos++;
        while (s[pos] === ' ')
            pos++;
        let key;
        if (s[pos] === '"') {
            let value = '';
            pos++;
            for (;;) {
                const d = s[pos];
                if (d === undefined || d === '\n')
                    return undefined;
                if (d === '"')
                    break;
                if (d === '\\') {
                    const [decoded, length] = decodeEscape(s, pos);
                    value += decoded;
                    pos += length;
                }
                else {
                    value += d;
                    pos++;
                }
            }
            pos++;
            key = JSON.stringify(value);
        }
        else {
            const m = /-?\d+|[\p{ID_Start}_][\p{ID_Continue}\-.]*/uy;
            m.lastIndex = pos;
            const found = m.exec(s);
            if (found === null)
                return undefined;
            pos += found[0].length;
            key = /^-?\d+$/.test(found[0]) ? String(Number(found[0])) : '*';
        }
        while (s[pos] === ' ')
            pos++;
        if (s[pos] !== ']')
            return undefined;
        pos++;
        steps.push({ kind: 'index', key });
    }
    return steps;
}
/**
 * Reduces a plan address to its configuration address, because blocks are
 * declared once per module and resource, not per instance.
 */
function configAddress(address) {
    const steps = parseTraversal(address);
    if (steps === undefined) {
        throw new ResourceAddressError(address, 'not a traversal');
    }
    const modulePath = [];
    let k = 0;
    const nameAt = (at) => {
        const step = steps[at];
        return step?.kind === 'name' ? step.name : undefined;
    };
    while (nameAt(k) === 'module' &&
        nameAt(k + 1) !== undefined &&
        steps.length > k + 3) {
        modulePath.push(nameAt(k + 1) ?? '');
        k += 2;
        if (steps[k]?.kind === 'index')
            k++;
    }
    let mode = 'managed';
    if (nameAt(k) === 'data' && steps.length >= k + 3) {
        mode = 'data';
        k++;
    }
    const type = nameAt(k);
    const name = nameAt(k + 1);
    if (type === undefined || name === undefined || type === 'module') {
        throw new ResourceAddressError(address, 'expected [data.]TYPE.NAME');
    }
    k += 2;
    if (steps[k]?.kind === 'index')
        k++;
    if (k !== steps.length) {
        throw new ResourceAddressError(address, 'unexpected steps after the resource name');
    }
    return { modulePath, mode, type, name };
}

/**
 * Which commits caused each destructive change: for a Terraform resource,
 * the commits whose diffs touched its block (or removed it), the `moved`,
 * `removed` and `import` blocks naming it, the module calls above it, and
 * the variables, locals and resources it refers to. Pure: the shell hands
 * over every file version it needs.
 */
/** Key of `AttributionInput.versions`. */
function versionKey(sha, path) {
    return `${sha}\u0000${path}`;
}
/**
 * Attributes every destructive change of every plan to the commits that
 * caused it. For formats without a source map (CloudFormation, template
 * diffs, Pulumi), only CDK construct ids found in changed source lines can
 * pin a change; the rest stay unpinned for the gate to treat
 * conservatively.
 */
function attributeChanges(input) {
    const result = new Map();
    // Every destructive change looks at the same file versions: parse each once.
    const blocks = new Map();
    const blocksOf = (key, text) => {
        if (text === undefined)
            return [];
        let found = blocks.get(key);
        if (found === undefined) {
            found = findBlocks(text);
            blocks.set(key, found);
        }
        return found;
    };
    for (const plan of input.plans) {
        const root = input.rootDirs.get(plan.source);
        for (const change of plan.changes) {
            if (!change.destructive)
                continue;
            if (plan.sourceMap === undefined || root === undefined) {
                const byConstruct = constructCauses(change, input.commits);
                const causes = byConstruct.length > 0
                    ? byConstruct
                    : stackDirCauses(plan.stack, input.stackDirs, input.commits);
                result.set(change, { causes, pinned: causes.length > 0 });
                continue;
            }
            let targets;
            try {
                targets = targetsOf(change, plan, root);
            }
            catch (error) {
                // An address plangate cannot map to configuration: unpinned, which
                // the gate treats conservatively.
                if (error instanceof ResourceAddressError) {
                    result.set(change, { causes: [], pinned: false });
                    continue;
                }
                throw error;
            }
            const causes = causesOf(targets, input, blocksOf);
            result.set(change, { causes, pinned: causes.length > 0 });
        }
    }
    return result;
}
function targetsOf(change, plan, root) {
    const map = plan.sourceMap;
    if (map === undefined)
        return [];
    const address = configAddress(change.address);
    const modulePath = address.modulePath;
    const dirOf = (path) => {
        const dir = map.moduleDirs[path.join('.')];
        return dir === undefined ? undefined : posix.join(root, dir);
    };
    const targets = [];
    const dir = dirOf(modulePath);
    const configAddr = modulePath.map((name) => `module.${name}.`).join('') +
        (address.mode === 'data' ? 'data.' : '') +
        `${address.type}.${address.name}`;
    const localAddr = `${address.mode === 'data' ? 'data.' : ''}${address.type}.${address.name}`;
    if (dir !== undefined) {
        const kind = address.mode === 'data' ? 'data' : 'resource';
        targets.push({
            dir,
            label: `${kind} "${address.type}" "${address.name}"`,
            matches: (block) => block.type === kind &&
                block.labels[0] === address.type &&
                block.labels[1] === address.name
        });
        // moved/removed/import blocks live in the module that declares them.
        const names = new Set([localAddr]);
        const from = change.movedFrom === undefined ? undefined : stripKeys(change.movedFrom);
        if (from !== undefined)
            names.add(from);
        targets.push({
            dir,
            label: `moved/removed/import block for ${localAddr}`,
            matches: (block) => (block.type === 'moved' ||
                block.type === 'removed' ||
                block.type === 'import') &&
                [block.from, block.to].some((value) => {
                    const name = value === undefined ? undefined : stripKeys(value);
                    return name !== undefined && names.has(name);
                })
        });
        for (const reference of map.references[configAddr] ?? []) {
            const target = referenceTarget(reference, dir);
            if (target !== undefined)
                targets.push(target);
        }
    }
    // Every module call above the resource: its count, for_each, arguments
    // and its removal all reach the resource.
    for (let depth = modulePath.length; depth > 0; depth--) {
        const parentDir = dirOf(modulePath.slice(0, depth - 1));
        const name = modulePath[depth - 1];
        if (parentDir === undefined || name === undefined)
            continue;
        targets.push({
            dir: parentDir,
            label: `module "${name}"`,
            matches: (block) => block.type === 'module' && block.labels[0] === name
        });
    }
    return targets;
}
/** `var.x`, `local.y`, `aws_vpc.main` (a replace_triggered_by, say) → the block that sets it. */
function referenceTarget(reference, dir) {
    const parts = reference.split('.');
    const [head, second] = parts;
    if (head === undefined || second === undefined)
        return undefined;
    if (head === 'var') {
        return {
            dir,
            label: `variable "${second}"`,
            matches: (block) => block.type === 'variable' && block.labels[0] === second
        };
    }
    if (head === 'local') {
        return {
            dir,
            label: `local.${second}`,
            matches: (block) => block.type === 'locals' &&
                block.children.some((child) => child.name === second)
        };
    }
    if (head === 'module' ||
        head === 'each' ||
        head === 'count' ||
        head === 'path' ||
        head === 'terraform' ||
        head === 'self')
        return undefined;
    const [type, name] = head === 'data' ? [second, parts[2]] : [head, second];
    if (name === undefined)
        return undefined;
    const kind = head === 'data' ? 'data' : 'resource';
    return {
        dir,
        label: `${kind} "${type}" "${name}" (referenced)`,
        matches: (block) => block.type === kind &&
            block.labels[0] === type &&
            block.labels[1] === name
    };
}
/**
 * `aws_s3_bucket.logs["a"]` → `aws_s3_bucket.logs`; undefined for what is not
 * a resource address (a `moved` block between modules: `from = module.old`).
 */
function stripKeys(address) {
    try {
        const parsed = configAddress(address);
        return `${parsed.mode === 'data' ? 'data.' : ''}${parsed.type}.${parsed.name}`;
    }
    catch (error) {
        if (error instanceof ResourceAddressError)
            return undefined;
        throw error;
    }
}
/**
 * Walks the commits and keeps those whose hunks touch a target block in the
 * file version around that commit: added lines inside the block after the
 * commit, removed lines inside it before, or the block appearing or going.
 */
function causesOf(targets, input, blocksOf) {
    const causes = [];
    // Hot: 500 changes × 1,000 commits × their files. Group targets by directory once.
    const byDir = new Map();
    for (const target of targets) {
        const dir = normalizeDir(target.dir);
        byDir.set(dir, [...(byDir.get(dir) ?? []), target]);
    }
    for (const commit of input.commits) {
        let how;
        for (const file of commit.files) {
            if (!isTerraformFile(file.path))
                continue;
            const relevant = byDir.get(dirOfFile(file.path));
            if (relevant === undefined)
                continue;
            const key = versionKey(commit.sha, file.path);
            const versions = input.versions.get(key);
            const before = blocksOf(`${key}\u0000before`, versions?.before);
            const after = blocksOf(`${key}\u0000after`, versions?.after);
            for (const target of relevant) {
                const old = before.find(target.matches);
                const now = after.find(target.matches);
                if (old === undefined && now === undefined)
                    continue;
                const touched = (old === undefined) !== (now === undefined) ||
                    file.hunks.some((hunk) => (now !== undefined && addsWithin(hunk, now)) ||
                        (old !== undefined && removesWithin(hunk, old)));
                if (!touched)
                    continue;
                const block = now ?? old;
                const verb = now === undefined ? 'removed' : old === undefined ? 'added' : 'edited';
                how = `${verb} ${target.label} (${file.path}:${block?.startLine ?? '?'}-${block?.endLine ?? '?'})`;
                break;
            }
            if (how !== undefined)
                break;
        }
        if (how !== undefined)
            causes.push({ sha: commit.sha, how });
    }
    return causes;
}
/** Construct path segments CDK adds below the construct a user names. */
const CDK_INNER_IDS = new Set(['Resource', 'Default']);
/** Source files a CDK app (or a Pulumi program) is written in. */
const APP_SOURCE = /\.(ts|tsx|js|mjs|cjs|py|java|go|cs|fs|kt)$/;
/**
 * CDK: the construct path (`Stack/Orders/Table/Resource`) names the
 * construct the app declares (`new Table(this, 'Table')`). The commits whose
 * changed lines quote that id in the app's source are taken as its cause;
 * nothing else ties a CloudFormation resource to source code.
 */
function constructCauses(change, commits) {
    if (change.label === undefined)
        return [];
    const ids = change.label
        .split('/')
        .filter((id) => id !== '' && !CDK_INNER_IDS.has(id));
    const id = ids[ids.length - 1];
    // The first segment is the stack: a stack-level id is too broad to mean this resource.
    if (id === undefined || ids.length < 2)
        return [];
    const quoted = [`'${id}'`, `"${id}"`, `\`${id}\``];
    const causes = [];
    for (const commit of commits) {
        const hit = commit.files.find((file) => APP_SOURCE.test(file.path) &&
            file.hunks.some((hunk) => [...hunk.added, ...hunk.removed].some((line) => quoted.some((q) => line.includes(q)))));
        if (hit !== undefined)
            causes.push({
                sha: commit.sha,
                how: `changed a line naming construct '${id}' (${hit.path})`
            });
    }
    return causes;
}
/** Fallback for stacks: the commits that touched the stack's source directory (config `stack-dirs`). */
function stackDirCauses(stack, stackDirs, commits) {
    const dir = stack === undefined ? undefined : stackDirs?.[stack];
    if (dir === undefined)
        return [];
    const prefix = `${normalizeDir(dir)}/`;
    const causes = [];
    for (const commit of commits) {
        const hit = commit.files.find((file) => file.path.startsWith(prefix));
        if (hit !== undefined)
            causes.push({
                sha: commit.sha,
                how: `changed ${hit.path} in the directory of stack ${stack ?? ''} (no line names the resource)`
            });
    }
    return causes;
}
function addsWithin(hunk, block) {
    if (hunk.newLines === 0)
        return false;
    const last = hunk.newStart + hunk.newLines - 1;
    return hunk.newStart <= block.endLine && last >= block.startLine;
}
function removesWithin(hunk, block) {
    if (hunk.oldLines === 0)
        return false;
    const last = hunk.oldStart + hunk.oldLines - 1;
    return hunk.oldStart <= block.endLine && last >= block.startLine;
}
/** Blocks live in `.tf` files (`.tf.json` and `.tfvars` are not read yet). */
function isTerraformFile(path) {
    return path.endsWith('.tf');
}
const FILE_DIRS = new Map();
/** The directory of a repository path (`''` at the root), remembered: paths repeat across changes. */
function dirOfFile(path) {
    let dir = FILE_DIRS.get(path);
    if (dir === undefined) {
        const parent = posix.dirname(path);
        dir = parent === '.' ? '' : parent;
        if (FILE_DIRS.size < 100_000)
            FILE_DIRS.set(path, dir);
    }
    return dir;
}
function normalizeDir(dir) {
    const normalized = posix.normalize(dir);
    return normalized === '.' ? '' : normalized.replace(/\/$/, '');
}

var dist = {};

var composer = {};

var directives = {};

var identity = {};

var hasRequiredIdentity;

function requireIdentity () {
	if (hasRequiredIdentity) return identity;
	hasRequiredIdentity = 1;

	const ALIAS = Symbol.for('yaml.alias');
	const DOC = Symbol.for('yaml.document');
	const MAP = Symbol.for('yaml.map');
	const PAIR = Symbol.for('yaml.pair');
	const SCALAR = Symbol.for('yaml.scalar');
	const SEQ = Symbol.for('yaml.seq');
	const NODE_TYPE = Symbol.for('yaml.node.type');
	const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
	const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
	const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
	const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
	const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
	const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
	function isCollection(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case MAP:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	function isNode(node) {
	    if (node && typeof node === 'object')
	        switch (node[NODE_TYPE]) {
	            case ALIAS:
	            case MAP:
	            case SCALAR:
	            case SEQ:
	                return true;
	        }
	    return false;
	}
	const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

	identity.ALIAS = ALIAS;
	identity.DOC = DOC;
	identity.MAP = MAP;
	identity.NODE_TYPE = NODE_TYPE;
	identity.PAIR = PAIR;
	identity.SCALAR = SCALAR;
	identity.SEQ = SEQ;
	identity.hasAnchor = hasAnchor;
	identity.isAlias = isAlias;
	identity.isCollection = isCollection;
	identity.isDocument = isDocument;
	identity.isMap = isMap;
	identity.isNode = isNode;
	identity.isPair = isPair;
	identity.isScalar = isScalar;
	identity.isSeq = isSeq;
	return identity;
}

var visit = {};

var hasRequiredVisit;

function requireVisit () {
	if (hasRequiredVisit) return visit;
	hasRequiredVisit = 1;

	var identity = requireIdentity();

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove node');
	/**
	 * Apply a visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	function visit$1(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        visit_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit$1.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visit$1.SKIP = SKIP;
	/** Remove the current node */
	visit$1.REMOVE = REMOVE;
	function visit_(key, node, visitor, path) {
	    const ctrl = callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visit_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = visit_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = visit_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = visit_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	/**
	 * Apply an async visitor to an AST node or document.
	 *
	 * Walks through the tree (depth-first) starting from `node`, calling a
	 * `visitor` function with three arguments:
	 *   - `key`: For sequence values and map `Pair`, the node's index in the
	 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
	 *     `null` for the root node.
	 *   - `node`: The current node.
	 *   - `path`: The ancestry of the current node.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `Promise`: Must resolve to one of the following values
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
	 *     sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
	 *   - `Node`: Replace the current node, then continue by visiting it
	 *   - `number`: While iterating the items of a sequence or map, set the index
	 *     of the next step. This is useful especially if the index of the current
	 *     node has changed.
	 *
	 * If `visitor` is a single function, it will be called with all values
	 * encountered in the tree, including e.g. `null` values. Alternatively,
	 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
	 * `Alias` and `Scalar` node. To define the same visitor function for more than
	 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
	 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
	 * specific defined one will be used for each node.
	 */
	async function visitAsync(node, visitor) {
	    const visitor_ = initVisitor(visitor);
	    if (identity.isDocument(node)) {
	        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
	        if (cd === REMOVE)
	            node.contents = null;
	    }
	    else
	        await visitAsync_(null, node, visitor_, Object.freeze([]));
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visitAsync.BREAK = BREAK;
	/** Do not visit the children of the current node */
	visitAsync.SKIP = SKIP;
	/** Remove the current node */
	visitAsync.REMOVE = REMOVE;
	async function visitAsync_(key, node, visitor, path) {
	    const ctrl = await callVisitor(key, node, visitor, path);
	    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
	        replaceNode(key, path, ctrl);
	        return visitAsync_(key, ctrl, visitor, path);
	    }
	    if (typeof ctrl !== 'symbol') {
	        if (identity.isCollection(node)) {
	            path = Object.freeze(path.concat(node));
	            for (let i = 0; i < node.items.length; ++i) {
	                const ci = await visitAsync_(i, node.items[i], visitor, path);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    node.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	        }
	        else if (identity.isPair(node)) {
	            path = Object.freeze(path.concat(node));
	            const ck = await visitAsync_('key', node.key, visitor, path);
	            if (ck === BREAK)
	                return BREAK;
	            else if (ck === REMOVE)
	                node.key = null;
	            const cv = await visitAsync_('value', node.value, visitor, path);
	            if (cv === BREAK)
	                return BREAK;
	            else if (cv === REMOVE)
	                node.value = null;
	        }
	    }
	    return ctrl;
	}
	function initVisitor(visitor) {
	    if (typeof visitor === 'object' &&
	        (visitor.Collection || visitor.Node || visitor.Value)) {
	        return Object.assign({
	            Alias: visitor.Node,
	            Map: visitor.Node,
	            Scalar: visitor.Node,
	            Seq: visitor.Node
	        }, visitor.Value && {
	            Map: visitor.Value,
	            Scalar: visitor.Value,
	            Seq: visitor.Value
	        }, visitor.Collection && {
	            Map: visitor.Collection,
	            Seq: visitor.Collection
	        }, visitor);
	    }
	    return visitor;
	}
	function callVisitor(key, node, visitor, path) {
	    if (typeof visitor === 'function')
	        return visitor(key, node, path);
	    if (identity.isMap(node))
	        return visitor.Map?.(key, node, path);
	    if (identity.isSeq(node))
	        return visitor.Seq?.(key, node, path);
	    if (identity.isPair(node))
	        return visitor.Pair?.(key, node, path);
	    if (identity.isScalar(node))
	        return visitor.Scalar?.(key, node, path);
	    if (identity.isAlias(node))
	        return visitor.Alias?.(key, node, path);
	    return undefined;
	}
	function replaceNode(key, path, node) {
	    const parent = path[path.length - 1];
	    if (identity.isCollection(parent)) {
	        parent.items[key] = node;
	    }
	    else if (identity.isPair(parent)) {
	        if (key === 'key')
	            parent.key = node;
	        else
	            parent.value = node;
	    }
	    else if (identity.isDocument(parent)) {
	        parent.contents = node;
	    }
	    else {
	        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
	        throw new Error(`Cannot replace node with ${pt} parent`);
	    }
	}

	visit.visit = visit$1;
	visit.visitAsync = visitAsync;
	return visit;
}

var hasRequiredDirectives;

function requireDirectives () {
	if (hasRequiredDirectives) return directives;
	hasRequiredDirectives = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	const escapeChars = {
	    '!': '%21',
	    ',': '%2C',
	    '[': '%5B',
	    ']': '%5D',
	    '{': '%7B',
	    '}': '%7D'
	};
	const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
	class Directives {
	    constructor(yaml, tags) {
	        /**
	         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
	         * included in the document's stringified representation.
	         */
	        this.docStart = null;
	        /** The doc-end marker `...`.  */
	        this.docEnd = false;
	        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
	        this.tags = Object.assign({}, Directives.defaultTags, tags);
	    }
	    clone() {
	        const copy = new Directives(this.yaml, this.tags);
	        copy.docStart = this.docStart;
	        return copy;
	    }
	    /**
	     * During parsing, get a Directives instance for the current document and
	     * update the stream state according to the current version's spec.
	     */
	    atDocument() {
	        const res = new Directives(this.yaml, this.tags);
	        switch (this.yaml.version) {
	            case '1.1':
	                this.atNextDocument = true;
	                break;
	            case '1.2':
	                this.atNextDocument = false;
	                this.yaml = {
	                    explicit: Directives.defaultYaml.explicit,
	                    version: '1.2'
	                };
	                this.tags = Object.assign({}, Directives.defaultTags);
	                break;
	        }
	        return res;
	    }
	    /**
	     * @param onError - May be called even if the action was successful
	     * @returns `true` on success
	     */
	    add(line, onError) {
	        if (this.atNextDocument) {
	            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
	            this.tags = Object.assign({}, Directives.defaultTags);
	            this.atNextDocument = false;
	        }
	        const parts = line.trim().split(/[ \t]+/);
	        const name = parts.shift();
	        switch (name) {
	            case '%TAG': {
	                if (parts.length !== 2) {
	                    onError(0, '%TAG directive should contain exactly two parts');
	                    if (parts.length < 2)
	                        return false;
	                }
	                const [handle, prefix] = parts;
	                this.tags[handle] = prefix;
	                return true;
	            }
	            case '%YAML': {
	                this.yaml.explicit = true;
	                if (parts.length !== 1) {
	                    onError(0, '%YAML directive should contain exactly one part');
	                    return false;
	                }
	                const [version] = parts;
	                if (version === '1.1' || version === '1.2') {
	                    this.yaml.version = version;
	                    return true;
	                }
	                else {
	                    const isValid = /^\d+\.\d+$/.test(version);
	                    onError(6, `Unsupported YAML version ${version}`, isValid);
	                    return false;
	                }
	            }
	            default:
	                onError(0, `Unknown directive ${name}`, true);
	                return false;
	        }
	    }
	    /**
	     * Resolves a tag, matching handles to those defined in %TAG directives.
	     *
	     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
	     *   `'!local'` tag, or `null` if unresolvable.
	     */
	    tagName(source, onError) {
	        if (source === '!')
	            return '!'; // non-specific tag
	        if (source[0] !== '!') {
	            onError(`Not a valid tag: ${source}`);
	            return null;
	        }
	        if (source[1] === '<') {
	            const verbatim = source.slice(2, -1);
	            if (verbatim === '!' || verbatim === '!!') {
	                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
	                return null;
	            }
	            if (source[source.length - 1] !== '>')
	                onError('Verbatim tags must end with a >');
	            return verbatim;
	        }
	        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
	        if (!suffix)
	            onError(`The ${source} tag has no suffix`);
	        const prefix = this.tags[handle];
	        if (prefix) {
	            try {
	                return prefix + decodeURIComponent(suffix);
	            }
	            catch (error) {
	                onError(String(error));
	                return null;
	            }
	        }
	        if (handle === '!')
	            return source; // local tag
	        onError(`Could not resolve tag: ${source}`);
	        return null;
	    }
	    /**
	     * Given a fully resolved tag, returns its printable string form,
	     * taking into account current tag prefixes and defaults.
	     */
	    tagString(tag) {
	        for (const [handle, prefix] of Object.entries(this.tags)) {
	            if (tag.startsWith(prefix))
	                return handle + escapeTagName(tag.substring(prefix.length));
	        }
	        return tag[0] === '!' ? tag : `!<${tag}>`;
	    }
	    toString(doc) {
	        const lines = this.yaml.explicit
	            ? [`%YAML ${this.yaml.version || '1.2'}`]
	            : [];
	        const tagEntries = Object.entries(this.tags);
	        let tagNames;
	        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
	            const tags = {};
	            visit.visit(doc.contents, (_key, node) => {
	                if (identity.isNode(node) && node.tag)
	                    tags[node.tag] = true;
	            });
	            tagNames = Object.keys(tags);
	        }
	        else
	            tagNames = [];
	        for (const [handle, prefix] of tagEntries) {
	            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
	                continue;
	            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
	                lines.push(`%TAG ${handle} ${prefix}`);
	        }
	        return lines.join('\n');
	    }
	}
	Directives.defaultYaml = { explicit: false, version: '1.2' };
	Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

	directives.Directives = Directives;
	return directives;
}

var Document = {};

var Alias = {};

var anchors = {};

var hasRequiredAnchors;

function requireAnchors () {
	if (hasRequiredAnchors) return anchors;
	hasRequiredAnchors = 1;

	var identity = requireIdentity();
	var visit = requireVisit();

	/**
	 * Verify that the input string is a valid anchor.
	 *
	 * Will throw on errors.
	 */
	function anchorIsValid(anchor) {
	    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
	        const sa = JSON.stringify(anchor);
	        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
	        throw new Error(msg);
	    }
	    return true;
	}
	function anchorNames(root) {
	    const anchors = new Set();
	    visit.visit(root, {
	        Value(_key, node) {
	            if (node.anchor)
	                anchors.add(node.anchor);
	        }
	    });
	    return anchors;
	}
	/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
	function findNewAnchor(prefix, exclude) {
	    for (let i = 1; true; ++i) {
	        const name = `${prefix}${i}`;
	        if (!exclude.has(name))
	            return name;
	    }
	}
	function createNodeAnchors(doc, prefix) {
	    const aliasObjects = [];
	    const sourceObjects = new Map();
	    let prevAnchors = null;
	    return {
	        onAnchor: (source) => {
	            aliasObjects.push(source);
	            prevAnchors ?? (prevAnchors = anchorNames(doc));
	            const anchor = findNewAnchor(prefix, prevAnchors);
	            prevAnchors.add(anchor);
	            return anchor;
	        },
	        /**
	         * With circular references, the source node is only resolved after all
	         * of its child nodes are. This is why anchors are set only after all of
	         * the nodes have been created.
	         */
	        setAnchors: () => {
	            for (const source of aliasObjects) {
	                const ref = sourceObjects.get(source);
	                if (typeof ref === 'object' &&
	                    ref.anchor &&
	                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
	                    ref.node.anchor = ref.anchor;
	                }
	                else {
	                    const error = new Error('Failed to resolve repeated object (this should not happen)');
	                    error.source = source;
	                    throw error;
	                }
	            }
	        },
	        sourceObjects
	    };
	}

	anchors.anchorIsValid = anchorIsValid;
	anchors.anchorNames = anchorNames;
	anchors.createNodeAnchors = createNodeAnchors;
	anchors.findNewAnchor = findNewAnchor;
	return anchors;
}

var Node = {};

var applyReviver = {};

var hasRequiredApplyReviver;

function requireApplyReviver () {
	if (hasRequiredApplyReviver) return applyReviver;
	hasRequiredApplyReviver = 1;

	/**
	 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
	 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
	 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
	 *
	 * Includes extensions for handling Map and Set objects.
	 */
	function applyReviver$1(reviver, obj, key, val) {
	    if (val && typeof val === 'object') {
	        if (Array.isArray(val)) {
	            for (let i = 0, len = val.length; i < len; ++i) {
	                const v0 = val[i];
	                const v1 = applyReviver$1(reviver, val, String(i), v0);
	                // eslint-disable-next-line @typescript-eslint/no-array-delete
	                if (v1 === undefined)
	                    delete val[i];
	                else if (v1 !== v0)
	                    val[i] = v1;
	            }
	        }
	        else if (val instanceof Map) {
	            for (const k of Array.from(val.keys())) {
	                const v0 = val.get(k);
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    val.delete(k);
	                else if (v1 !== v0)
	                    val.set(k, v1);
	            }
	        }
	        else if (val instanceof Set) {
	            for (const v0 of Array.from(val)) {
	                const v1 = applyReviver$1(reviver, val, v0, v0);
	                if (v1 === undefined)
	                    val.delete(v0);
	                else if (v1 !== v0) {
	                    val.delete(v0);
	                    val.add(v1);
	                }
	            }
	        }
	        else {
	            for (const [k, v0] of Object.entries(val)) {
	                const v1 = applyReviver$1(reviver, val, k, v0);
	                if (v1 === undefined)
	                    delete val[k];
	                else if (v1 !== v0)
	                    val[k] = v1;
	            }
	        }
	    }
	    return reviver.call(obj, key, val);
	}

	applyReviver.applyReviver = applyReviver$1;
	return applyReviver;
}

var toJS = {};

var hasRequiredToJS;

function requireToJS () {
	if (hasRequiredToJS) return toJS;
	hasRequiredToJS = 1;

	var identity = requireIdentity();

	/**
	 * Recursively convert any node or its contents to native JavaScript
	 *
	 * @param value - The input value
	 * @param arg - If `value` defines a `toJSON()` method, use this
	 *   as its first argument
	 * @param ctx - Conversion context, originally set in Document#toJS(). If
	 *   `{ keep: true }` is not set, output should be suitable for JSON
	 *   stringification.
	 */
	function toJS$1(value, arg, ctx) {
	    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
	    if (Array.isArray(value))
	        return value.map((v, i) => toJS$1(v, String(i), ctx));
	    if (value && typeof value.toJSON === 'function') {
	        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	        if (!ctx || !identity.hasAnchor(value))
	            return value.toJSON(arg, ctx);
	        const data = { aliasCount: 0, count: 1, res: undefined };
	        ctx.anchors.set(value, data);
	        ctx.onCreate = res => {
	            data.res = res;
	            delete ctx.onCreate;
	        };
	        const res = value.toJSON(arg, ctx);
	        if (ctx.onCreate)
	            ctx.onCreate(res);
	        return res;
	    }
	    if (typeof value === 'bigint' && !ctx?.keep)
	        return Number(value);
	    return value;
	}

	toJS.toJS = toJS$1;
	return toJS;
}

var hasRequiredNode;

function requireNode () {
	if (hasRequiredNode) return Node;
	hasRequiredNode = 1;

	var applyReviver = requireApplyReviver();
	var identity = requireIdentity();
	var toJS = requireToJS();

	class NodeBase {
	    constructor(type) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
	    }
	    /** Create a copy of this node.  */
	    clone() {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** A plain JavaScript representation of this node. */
	    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        if (!identity.isDocument(doc))
	            throw new TypeError('A document argument is required');
	        const ctx = {
	            anchors: new Map(),
	            doc,
	            keep: true,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this, '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	}

	Node.NodeBase = NodeBase;
	return Node;
}

var hasRequiredAlias;

function requireAlias () {
	if (hasRequiredAlias) return Alias;
	hasRequiredAlias = 1;

	var anchors = requireAnchors();
	var visit = requireVisit();
	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	let Alias$1 = class Alias extends Node.NodeBase {
	    constructor(source) {
	        super(identity.ALIAS);
	        this.source = source;
	        Object.defineProperty(this, 'tag', {
	            set() {
	                throw new Error('Alias nodes cannot have tags');
	            }
	        });
	    }
	    /**
	     * Resolve the value of this alias within `doc`, finding the last
	     * instance of the `source` anchor before this node.
	     */
	    resolve(doc, ctx) {
	        if (ctx?.maxAliasCount === 0)
	            throw new ReferenceError('Alias resolution is disabled');
	        let nodes;
	        if (ctx?.aliasResolveCache) {
	            nodes = ctx.aliasResolveCache;
	        }
	        else {
	            nodes = [];
	            visit.visit(doc, {
	                Node: (_key, node) => {
	                    if (identity.isAlias(node) || identity.hasAnchor(node))
	                        nodes.push(node);
	                }
	            });
	            if (ctx)
	                ctx.aliasResolveCache = nodes;
	        }
	        let found = undefined;
	        for (const node of nodes) {
	            if (node === this)
	                break;
	            if (node.anchor === this.source)
	                found = node;
	        }
	        if (found && ctx) {
	            const { anchors, doc, maxAliasCount } = ctx;
	            let data = anchors.get(found);
	            if (!data) {
	                // Resolve anchors for Node.prototype.toJS()
	                toJS.toJS(found, null, ctx);
	                data = anchors.get(found);
	            }
	            /* istanbul ignore if */
	            if (data?.res === undefined) {
	                const msg = 'This should not happen: Alias anchor was not resolved?';
	                throw new ReferenceError(msg);
	            }
	            if (maxAliasCount >= 0) {
	                data.count += 1;
	                if (data.aliasCount === 0)
	                    data.aliasCount = getAliasCount(doc, found, anchors);
	                if (data.count * data.aliasCount > maxAliasCount) {
	                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
	                    throw new ReferenceError(msg);
	                }
	            }
	        }
	        return found;
	    }
	    toJSON(_arg, ctx) {
	        if (!ctx)
	            return { source: this.source };
	        const source = this.resolve(ctx.doc, ctx);
	        if (!source) {
	            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	            throw new ReferenceError(msg);
	        }
	        return ctx.anchors.get(source).res;
	    }
	    toString(ctx, _onComment, _onChompKeep) {
	        const src = `*${this.source}`;
	        if (ctx) {
	            anchors.anchorIsValid(this.source);
	            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
	                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
	                throw new Error(msg);
	            }
	            if (ctx.implicitKey)
	                return `${src} `;
	        }
	        return src;
	    }
	};
	function getAliasCount(doc, node, anchors) {
	    if (identity.isAlias(node)) {
	        const source = node.resolve(doc);
	        const anchor = anchors && source && anchors.get(source);
	        return anchor ? anchor.count * anchor.aliasCount : 0;
	    }
	    else if (identity.isCollection(node)) {
	        let count = 0;
	        for (const item of node.items) {
	            const c = getAliasCount(doc, item, anchors);
	            if (c > count)
	                count = c;
	        }
	        return count;
	    }
	    else if (identity.isPair(node)) {
	        const kc = getAliasCount(doc, node.key, anchors);
	        const vc = getAliasCount(doc, node.value, anchors);
	        return Math.max(kc, vc);
	    }
	    return 1;
	}

	Alias.Alias = Alias$1;
	return Alias;
}

var Collection = {};

var createNode = {};

var Scalar = {};

var hasRequiredScalar;

function requireScalar () {
	if (hasRequiredScalar) return Scalar;
	hasRequiredScalar = 1;

	var identity = requireIdentity();
	var Node = requireNode();
	var toJS = requireToJS();

	const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
	let Scalar$1 = class Scalar extends Node.NodeBase {
	    constructor(value) {
	        super(identity.SCALAR);
	        this.value = value;
	    }
	    toJSON(arg, ctx) {
	        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
	    }
	    toString() {
	        return String(this.value);
	    }
	};
	Scalar$1.BLOCK_FOLDED = 'BLOCK_FOLDED';
	Scalar$1.BLOCK_LITERAL = 'BLOCK_LITERAL';
	Scalar$1.PLAIN = 'PLAIN';
	Scalar$1.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
	Scalar$1.QUOTE_SINGLE = 'QUOTE_SINGLE';

	Scalar.Scalar = Scalar$1;
	Scalar.isScalarValue = isScalarValue;
	return Scalar;
}

var hasRequiredCreateNode;

function requireCreateNode () {
	if (hasRequiredCreateNode) return createNode;
	hasRequiredCreateNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var Scalar = requireScalar();

	const defaultTagPrefix = 'tag:yaml.org,2002:';
	function findTagObject(value, tagName, tags) {
	    if (tagName) {
	        const match = tags.filter(t => t.tag === tagName);
	        const tagObj = match.find(t => !t.format) ?? match[0];
	        if (!tagObj)
	            throw new Error(`Tag ${tagName} not found`);
	        return tagObj;
	    }
	    return tags.find(t => t.identify?.(value) && !t.format);
	}
	function createNode$1(value, tagName, ctx) {
	    if (identity.isDocument(value))
	        value = value.contents;
	    if (identity.isNode(value))
	        return value;
	    if (identity.isPair(value)) {
	        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
	        map.items.push(value);
	        return map;
	    }
	    if (value instanceof String ||
	        value instanceof Number ||
	        value instanceof Boolean ||
	        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
	    ) {
	        // https://tc39.es/ecma262/#sec-serializejsonproperty
	        value = value.valueOf();
	    }
	    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
	    // Detect duplicate references to the same object & use Alias nodes for all
	    // after first. The `ref` wrapper allows for circular references to resolve.
	    let ref = undefined;
	    if (aliasDuplicateObjects && value && typeof value === 'object') {
	        ref = sourceObjects.get(value);
	        if (ref) {
	            ref.anchor ?? (ref.anchor = onAnchor(value));
	            return new Alias.Alias(ref.anchor);
	        }
	        else {
	            ref = { anchor: null, node: null };
	            sourceObjects.set(value, ref);
	        }
	    }
	    if (tagName?.startsWith('!!'))
	        tagName = defaultTagPrefix + tagName.slice(2);
	    let tagObj = findTagObject(value, tagName, schema.tags);
	    if (!tagObj) {
	        if (value && typeof value.toJSON === 'function') {
	            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
	            value = value.toJSON();
	        }
	        if (!value || typeof value !== 'object') {
	            const node = new Scalar.Scalar(value);
	            if (ref)
	                ref.node = node;
	            return node;
	        }
	        tagObj =
	            value instanceof Map
	                ? schema[identity.MAP]
	                : Symbol.iterator in Object(value)
	                    ? schema[identity.SEQ]
	                    : schema[identity.MAP];
	    }
	    if (onTagObj) {
	        onTagObj(tagObj);
	        delete ctx.onTagObj;
	    }
	    const node = tagObj?.createNode
	        ? tagObj.createNode(ctx.schema, value, ctx)
	        : typeof tagObj?.nodeClass?.from === 'function'
	            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
	            : new Scalar.Scalar(value);
	    if (tagName)
	        node.tag = tagName;
	    else if (!tagObj.default)
	        node.tag = tagObj.tag;
	    if (ref)
	        ref.node = node;
	    return node;
	}

	createNode.createNode = createNode$1;
	return createNode;
}

var hasRequiredCollection;

function requireCollection () {
	if (hasRequiredCollection) return Collection;
	hasRequiredCollection = 1;

	var createNode = requireCreateNode();
	var identity = requireIdentity();
	var Node = requireNode();

	function collectionFromPath(schema, path, value) {
	    let v = value;
	    for (let i = path.length - 1; i >= 0; --i) {
	        const k = path[i];
	        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
	            const a = [];
	            a[k] = v;
	            v = a;
	        }
	        else {
	            v = new Map([[k, v]]);
	        }
	    }
	    return createNode.createNode(v, undefined, {
	        aliasDuplicateObjects: false,
	        keepUndefined: false,
	        onAnchor: () => {
	            throw new Error('This should not happen, please report a bug.');
	        },
	        schema,
	        sourceObjects: new Map()
	    });
	}
	// Type guard is intentionally a little wrong so as to be more useful,
	// as it does not cover untypable empty non-string iterables (e.g. []).
	const isEmptyPath = (path) => path == null ||
	    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
	let Collection$1 = class Collection extends Node.NodeBase {
	    constructor(type, schema) {
	        super(type);
	        Object.defineProperty(this, 'schema', {
	            value: schema,
	            configurable: true,
	            enumerable: false,
	            writable: true
	        });
	    }
	    /**
	     * Create a copy of this collection.
	     *
	     * @param schema - If defined, overwrites the original's schema
	     */
	    clone(schema) {
	        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
	        if (schema)
	            copy.schema = schema;
	        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /**
	     * Adds a value to the collection. For `!!map` and `!!omap` the value must
	     * be a Pair instance or a `{ key, value }` object, which may not have a key
	     * that already exists in the map.
	     */
	    addIn(path, value) {
	        if (isEmptyPath(path))
	            this.add(value);
	        else {
	            const [key, ...rest] = path;
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.addIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	    /**
	     * Removes a value from the collection.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.delete(key);
	        const node = this.get(key, true);
	        if (identity.isCollection(node))
	            return node.deleteIn(rest);
	        else
	            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        const [key, ...rest] = path;
	        const node = this.get(key, true);
	        if (rest.length === 0)
	            return !keepScalar && identity.isScalar(node) ? node.value : node;
	        else
	            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
	    }
	    hasAllNullValues(allowScalar) {
	        return this.items.every(node => {
	            if (!identity.isPair(node))
	                return false;
	            const n = node.value;
	            return (n == null ||
	                (allowScalar &&
	                    identity.isScalar(n) &&
	                    n.value == null &&
	                    !n.commentBefore &&
	                    !n.comment &&
	                    !n.tag));
	        });
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     */
	    hasIn(path) {
	        const [key, ...rest] = path;
	        if (rest.length === 0)
	            return this.has(key);
	        const node = this.get(key, true);
	        return identity.isCollection(node) ? node.hasIn(rest) : false;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        const [key, ...rest] = path;
	        if (rest.length === 0) {
	            this.set(key, value);
	        }
	        else {
	            const node = this.get(key, true);
	            if (identity.isCollection(node))
	                node.setIn(rest, value);
	            else if (node === undefined && this.schema)
	                this.set(key, collectionFromPath(this.schema, rest, value));
	            else
	                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
	        }
	    }
	};

	Collection.Collection = Collection$1;
	Collection.collectionFromPath = collectionFromPath;
	Collection.isEmptyPath = isEmptyPath;
	return Collection;
}

var Pair = {};

var stringifyPair = {};

var stringify = {};

var stringifyComment = {};

var hasRequiredStringifyComment;

function requireStringifyComment () {
	if (hasRequiredStringifyComment) return stringifyComment;
	hasRequiredStringifyComment = 1;

	/**
	 * Stringifies a comment.
	 *
	 * Empty comment lines are left empty,
	 * lines consisting of a single space are replaced by `#`,
	 * and all other lines are prefixed with a `#`.
	 */
	const stringifyComment$1 = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
	function indentComment(comment, indent) {
	    if (/^\n+$/.test(comment))
	        return comment.substring(1);
	    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
	}
	const lineComment = (str, indent, comment) => str.endsWith('\n')
	    ? indentComment(comment, indent)
	    : comment.includes('\n')
	        ? '\n' + indentComment(comment, indent)
	        : (str.endsWith(' ') ? '' : ' ') + comment;

	stringifyComment.indentComment = indentComment;
	stringifyComment.lineComment = lineComment;
	stringifyComment.stringifyComment = stringifyComment$1;
	return stringifyComment;
}

var stringifyString = {};

var foldFlowLines = {};

var hasRequiredFoldFlowLines;

function requireFoldFlowLines () {
	if (hasRequiredFoldFlowLines) return foldFlowLines;
	hasRequiredFoldFlowLines = 1;

	const FOLD_FLOW = 'flow';
	const FOLD_BLOCK = 'block';
	const FOLD_QUOTED = 'quoted';
	/**
	 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
	 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
	 * terminated with `\n` and started with `indent`.
	 */
	function foldFlowLines$1(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
	    if (!lineWidth || lineWidth < 0)
	        return text;
	    if (lineWidth < minContentWidth)
	        minContentWidth = 0;
	    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
	    if (text.length <= endStep)
	        return text;
	    const folds = [];
	    const escapedFolds = {};
	    let end = lineWidth - indent.length;
	    if (typeof indentAtStart === 'number') {
	        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
	            folds.push(0);
	        else
	            end = lineWidth - indentAtStart;
	    }
	    let split = undefined;
	    let prev = undefined;
	    let overflow = false;
	    let i = -1;
	    let escStart = -1;
	    let escEnd = -1;
	    if (mode === FOLD_BLOCK) {
	        i = consumeMoreIndentedLines(text, i, indent.length);
	        if (i !== -1)
	            end = i + endStep;
	    }
	    for (let ch; (ch = text[(i += 1)]);) {
	        if (mode === FOLD_QUOTED && ch === '\\') {
	            escStart = i;
	            switch (text[i + 1]) {
	                case 'x':
	                    i += 3;
	                    break;
	                case 'u':
	                    i += 5;
	                    break;
	                case 'U':
	                    i += 9;
	                    break;
	                default:
	                    i += 1;
	            }
	            escEnd = i;
	        }
	        if (ch === '\n') {
	            if (mode === FOLD_BLOCK)
	                i = consumeMoreIndentedLines(text, i, indent.length);
	            end = i + indent.length + endStep;
	            split = undefined;
	        }
	        else {
	            if (ch === ' ' &&
	                prev &&
	                prev !== ' ' &&
	                prev !== '\n' &&
	                prev !== '\t') {
	                // space surrounded by non-space can be replaced with newline + indent
	                const next = text[i + 1];
	                if (next && next !== ' ' && next !== '\n' && next !== '\t')
	                    split = i;
	            }
	            if (i >= end) {
	                if (split) {
	                    folds.push(split);
	                    end = split + endStep;
	                    split = undefined;
	                }
	                else if (mode === FOLD_QUOTED) {
	                    // white-space collected at end may stretch past lineWidth
	                    while (prev === ' ' || prev === '\t') {
	                        prev = ch;
	                        ch = text[(i += 1)];
	                        overflow = true;
	                    }
	                    // Account for newline escape, but don't break preceding escape
	                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
	                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
	                    if (escapedFolds[j])
	                        return text;
	                    folds.push(j);
	                    escapedFolds[j] = true;
	                    end = j + endStep;
	                    split = undefined;
	                }
	                else {
	                    overflow = true;
	                }
	            }
	        }
	        prev = ch;
	    }
	    if (overflow && onOverflow)
	        onOverflow();
	    if (folds.length === 0)
	        return text;
	    if (onFold)
	        onFold();
	    let res = text.slice(0, folds[0]);
	    for (let i = 0; i < folds.length; ++i) {
	        const fold = folds[i];
	        const end = folds[i + 1] || text.length;
	        if (fold === 0)
	            res = `\n${indent}${text.slice(0, end)}`;
	        else {
	            if (mode === FOLD_QUOTED && escapedFolds[fold])
	                res += `${text[fold]}\\`;
	            res += `\n${indent}${text.slice(fold + 1, end)}`;
	        }
	    }
	    return res;
	}
	/**
	 * Presumes `i + 1` is at the start of a line
	 * @returns index of last newline in more-indented block
	 */
	function consumeMoreIndentedLines(text, i, indent) {
	    let end = i;
	    let start = i + 1;
	    let ch = text[start];
	    while (ch === ' ' || ch === '\t') {
	        if (i < start + indent) {
	            ch = text[++i];
	        }
	        else {
	            do {
	                ch = text[++i];
	            } while (ch && ch !== '\n');
	            end = i;
	            start = i + 1;
	            ch = text[start];
	        }
	    }
	    return end;
	}

	foldFlowLines.FOLD_BLOCK = FOLD_BLOCK;
	foldFlowLines.FOLD_FLOW = FOLD_FLOW;
	foldFlowLines.FOLD_QUOTED = FOLD_QUOTED;
	foldFlowLines.foldFlowLines = foldFlowLines$1;
	return foldFlowLines;
}

var hasRequiredStringifyString;

function requireStringifyString () {
	if (hasRequiredStringifyString) return stringifyString;
	hasRequiredStringifyString = 1;

	var Scalar = requireScalar();
	var foldFlowLines = requireFoldFlowLines();

	const getFoldOptions = (ctx, isBlock) => ({
	    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
	    lineWidth: ctx.options.lineWidth,
	    minContentWidth: ctx.options.minContentWidth
	});
	// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
	// presume that's starting a new document.
	const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
	function lineLengthOverLimit(str, lineWidth, indentLength) {
	    if (!lineWidth || lineWidth < 0)
	        return false;
	    const limit = lineWidth - indentLength;
	    const strLen = str.length;
	    if (strLen <= limit)
	        return false;
	    for (let i = 0, start = 0; i < strLen; ++i) {
	        if (str[i] === '\n') {
	            if (i - start > limit)
	                return true;
	            start = i + 1;
	            if (strLen - start <= limit)
	                return false;
	        }
	    }
	    return true;
	}
	function doubleQuotedString(value, ctx) {
	    const json = JSON.stringify(value);
	    if (ctx.options.doubleQuotedAsJSON)
	        return json;
	    const { implicitKey } = ctx;
	    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    let str = '';
	    let start = 0;
	    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
	        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
	            // space before newline needs to be escaped to not be folded
	            str += json.slice(start, i) + '\\ ';
	            i += 1;
	            start = i;
	            ch = '\\';
	        }
	        if (ch === '\\')
	            switch (json[i + 1]) {
	                case 'u':
	                    {
	                        str += json.slice(start, i);
	                        const code = json.substr(i + 2, 4);
	                        switch (code) {
	                            case '0000':
	                                str += '\\0';
	                                break;
	                            case '0007':
	                                str += '\\a';
	                                break;
	                            case '000b':
	                                str += '\\v';
	                                break;
	                            case '001b':
	                                str += '\\e';
	                                break;
	                            case '0085':
	                                str += '\\N';
	                                break;
	                            case '00a0':
	                                str += '\\_';
	                                break;
	                            case '2028':
	                                str += '\\L';
	                                break;
	                            case '2029':
	                                str += '\\P';
	                                break;
	                            default:
	                                if (code.substr(0, 2) === '00')
	                                    str += '\\x' + code.substr(2);
	                                else
	                                    str += json.substr(i, 6);
	                        }
	                        i += 5;
	                        start = i + 1;
	                    }
	                    break;
	                case 'n':
	                    if (implicitKey ||
	                        json[i + 2] === '"' ||
	                        json.length < minMultiLineLength) {
	                        i += 1;
	                    }
	                    else {
	                        // folding will eat first newline
	                        str += json.slice(start, i) + '\n\n';
	                        while (json[i + 2] === '\\' &&
	                            json[i + 3] === 'n' &&
	                            json[i + 4] !== '"') {
	                            str += '\n';
	                            i += 2;
	                        }
	                        str += indent;
	                        // space after newline needs to be escaped to not be folded
	                        if (json[i + 2] === ' ')
	                            str += '\\';
	                        i += 1;
	                        start = i + 1;
	                    }
	                    break;
	                default:
	                    i += 1;
	            }
	    }
	    str = start ? str + json.slice(start) : json;
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
	}
	function singleQuotedString(value, ctx) {
	    if (ctx.options.singleQuote === false ||
	        (ctx.implicitKey && value.includes('\n')) ||
	        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
	    )
	        return doubleQuotedString(value, ctx);
	    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
	    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
	    return ctx.implicitKey
	        ? res
	        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function quotedString(value, ctx) {
	    const { singleQuote } = ctx.options;
	    let qs;
	    if (singleQuote === false)
	        qs = doubleQuotedString;
	    else {
	        const hasDouble = value.includes('"');
	        const hasSingle = value.includes("'");
	        if (hasDouble && !hasSingle)
	            qs = singleQuotedString;
	        else if (hasSingle && !hasDouble)
	            qs = doubleQuotedString;
	        else
	            qs = singleQuote ? singleQuotedString : doubleQuotedString;
	    }
	    return qs(value, ctx);
	}
	// The negative lookbehind avoids a polynomial search,
	// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
	let blockEndNewlines;
	try {
	    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
	}
	catch {
	    blockEndNewlines = /\n+(?!\n|$)/g;
	}
	function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
	    const { blockQuote, commentString, lineWidth } = ctx.options;
	    // 1. Block can't end in whitespace unless the last line is non-empty.
	    // 2. Strings consisting of only whitespace are best rendered explicitly.
	    if (!blockQuote || /\n[\t ]+$/.test(value)) {
	        return quotedString(value, ctx);
	    }
	    const indent = ctx.indent ||
	        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
	    const literal = blockQuote === 'literal'
	        ? true
	        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
	            ? false
	            : type === Scalar.Scalar.BLOCK_LITERAL
	                ? true
	                : !lineLengthOverLimit(value, lineWidth, indent.length);
	    if (!value)
	        return literal ? '|\n' : '>\n';
	    // determine chomping from whitespace at value end
	    let chomp;
	    let endStart;
	    for (endStart = value.length; endStart > 0; --endStart) {
	        const ch = value[endStart - 1];
	        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
	            break;
	    }
	    let end = value.substring(endStart);
	    const endNlPos = end.indexOf('\n');
	    if (endNlPos === -1) {
	        chomp = '-'; // strip
	    }
	    else if (value === end || endNlPos !== end.length - 1) {
	        chomp = '+'; // keep
	        if (onChompKeep)
	            onChompKeep();
	    }
	    else {
	        chomp = ''; // clip
	    }
	    if (end) {
	        value = value.slice(0, -end.length);
	        if (end[end.length - 1] === '\n')
	            end = end.slice(0, -1);
	        end = end.replace(blockEndNewlines, `$&${indent}`);
	    }
	    // determine indent indicator from whitespace at value start
	    let startWithSpace = false;
	    let startEnd;
	    let startNlPos = -1;
	    for (startEnd = 0; startEnd < value.length; ++startEnd) {
	        const ch = value[startEnd];
	        if (ch === ' ')
	            startWithSpace = true;
	        else if (ch === '\n')
	            startNlPos = startEnd;
	        else
	            break;
	    }
	    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
	    if (start) {
	        value = value.substring(start.length);
	        start = start.replace(/\n+/g, `$&${indent}`);
	    }
	    const indentSize = indent ? '2' : '1'; // root is at -1
	    // Leading | or > is added later
	    let header = (startWithSpace ? indentSize : '') + chomp;
	    if (comment) {
	        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
	        if (onComment)
	            onComment();
	    }
	    if (!literal) {
	        const foldedValue = value
	            .replace(/\n+/g, '\n$&')
	            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
	            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
	            .replace(/\n+/g, `$&${indent}`);
	        let literalFallback = false;
	        const foldOptions = getFoldOptions(ctx, true);
	        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
	            foldOptions.onOverflow = () => {
	                literalFallback = true;
	            };
	        }
	        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
	        if (!literalFallback)
	            return `>${header}\n${indent}${body}`;
	    }
	    value = value.replace(/\n+/g, `$&${indent}`);
	    return `|${header}\n${indent}${start}${value}${end}`;
	}
	function plainString(item, ctx, onComment, onChompKeep) {
	    const { type, value } = item;
	    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
	    if ((implicitKey && value.includes('\n')) ||
	        (inFlow && /[[\]{},]/.test(value))) {
	        return quotedString(value, ctx);
	    }
	    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
	        // not allowed:
	        // - '-' or '?'
	        // - start with an indicator character (except [?:-]) or /[?-] /
	        // - '\n ', ': ' or ' \n' anywhere
	        // - '#' not preceded by a non-space char
	        // - end with ' ' or ':'
	        return implicitKey || inFlow || !value.includes('\n')
	            ? quotedString(value, ctx)
	            : blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (!implicitKey &&
	        !inFlow &&
	        type !== Scalar.Scalar.PLAIN &&
	        value.includes('\n')) {
	        // Where allowed & type not set explicitly, prefer block style for multiline strings
	        return blockString(item, ctx, onComment, onChompKeep);
	    }
	    if (containsDocumentMarker(value)) {
	        if (indent === '') {
	            ctx.forceBlockIndent = true;
	            return blockString(item, ctx, onComment, onChompKeep);
	        }
	        else if (implicitKey && indent === indentStep) {
	            return quotedString(value, ctx);
	        }
	    }
	    const str = value.replace(/\n+/g, `$&\n${indent}`);
	    // Verify that output will be parsed as a string, as e.g. plain numbers and
	    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
	    // and others in v1.1.
	    if (actualString) {
	        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
	        const { compat, tags } = ctx.doc.schema;
	        if (tags.some(test) || compat?.some(test))
	            return quotedString(value, ctx);
	    }
	    return implicitKey
	        ? str
	        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
	}
	function stringifyString$1(item, ctx, onComment, onChompKeep) {
	    const { implicitKey, inFlow } = ctx;
	    const ss = typeof item.value === 'string'
	        ? item
	        : Object.assign({}, item, { value: String(item.value) });
	    let { type } = item;
	    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	        // force double quotes on control characters & unpaired surrogates
	        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
	            type = Scalar.Scalar.QUOTE_DOUBLE;
	    }
	    const _stringify = (_type) => {
	        switch (_type) {
	            case Scalar.Scalar.BLOCK_FOLDED:
	            case Scalar.Scalar.BLOCK_LITERAL:
	                return implicitKey || inFlow
	                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
	                    : blockString(ss, ctx, onComment, onChompKeep);
	            case Scalar.Scalar.QUOTE_DOUBLE:
	                return doubleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.QUOTE_SINGLE:
	                return singleQuotedString(ss.value, ctx);
	            case Scalar.Scalar.PLAIN:
	                return plainString(ss, ctx, onComment, onChompKeep);
	            default:
	                return null;
	        }
	    };
	    let res = _stringify(type);
	    if (res === null) {
	        const { defaultKeyType, defaultStringType } = ctx.options;
	        const t = (implicitKey && defaultKeyType) || defaultStringType;
	        res = _stringify(t);
	        if (res === null)
	            throw new Error(`Unsupported default string type ${t}`);
	    }
	    return res;
	}

	stringifyString.stringifyString = stringifyString$1;
	return stringifyString;
}

var hasRequiredStringify;

function requireStringify () {
	if (hasRequiredStringify) return stringify;
	hasRequiredStringify = 1;

	var anchors = requireAnchors();
	var identity = requireIdentity();
	var stringifyComment = requireStringifyComment();
	var stringifyString = requireStringifyString();

	function createStringifyContext(doc, options) {
	    const opt = Object.assign({
	        blockQuote: true,
	        commentString: stringifyComment.stringifyComment,
	        defaultKeyType: null,
	        defaultStringType: 'PLAIN',
	        directives: null,
	        doubleQuotedAsJSON: false,
	        doubleQuotedMinMultiLineLength: 40,
	        falseStr: 'false',
	        flowCollectionPadding: true,
	        indentSeq: true,
	        lineWidth: 80,
	        minContentWidth: 20,
	        nullStr: 'null',
	        simpleKeys: false,
	        singleQuote: null,
	        trailingComma: false,
	        trueStr: 'true',
	        verifyAliasOrder: true
	    }, doc.schema.toStringOptions, options);
	    let inFlow;
	    switch (opt.collectionStyle) {
	        case 'block':
	            inFlow = false;
	            break;
	        case 'flow':
	            inFlow = true;
	            break;
	        default:
	            inFlow = null;
	    }
	    return {
	        anchors: new Set(),
	        doc,
	        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
	        indent: '',
	        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
	        inFlow,
	        options: opt
	    };
	}
	function getTagObject(tags, item) {
	    if (item.tag) {
	        const match = tags.filter(t => t.tag === item.tag);
	        if (match.length > 0)
	            return match.find(t => t.format === item.format) ?? match[0];
	    }
	    let tagObj = undefined;
	    let obj;
	    if (identity.isScalar(item)) {
	        obj = item.value;
	        let match = tags.filter(t => t.identify?.(obj));
	        if (match.length > 1) {
	            const testMatch = match.filter(t => t.test);
	            if (testMatch.length > 0)
	                match = testMatch;
	        }
	        tagObj =
	            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
	    }
	    else {
	        obj = item;
	        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
	    }
	    if (!tagObj) {
	        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
	        throw new Error(`Tag not resolved for ${name} value`);
	    }
	    return tagObj;
	}
	// needs to be called before value stringifier to allow for circular anchor refs
	function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
	    if (!doc.directives)
	        return '';
	    const props = [];
	    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
	    if (anchor && anchors.anchorIsValid(anchor)) {
	        anchors$1.add(anchor);
	        props.push(`&${anchor}`);
	    }
	    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
	    if (tag)
	        props.push(doc.directives.tagString(tag));
	    return props.join(' ');
	}
	function stringify$1(item, ctx, onComment, onChompKeep) {
	    if (identity.isPair(item))
	        return item.toString(ctx, onComment, onChompKeep);
	    if (identity.isAlias(item)) {
	        if (ctx.doc.directives)
	            return item.toString(ctx);
	        if (ctx.resolvedAliases?.has(item)) {
	            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
	        }
	        else {
	            if (ctx.resolvedAliases)
	                ctx.resolvedAliases.add(item);
	            else
	                ctx.resolvedAliases = new Set([item]);
	            item = item.resolve(ctx.doc);
	        }
	    }
	    let tagObj = undefined;
	    const node = identity.isNode(item)
	        ? item
	        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
	    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
	    const props = stringifyProps(node, tagObj, ctx);
	    if (props.length > 0)
	        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
	    const str = typeof tagObj.stringify === 'function'
	        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
	        : identity.isScalar(node)
	            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
	            : node.toString(ctx, onComment, onChompKeep);
	    if (!props)
	        return str;
	    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
	        ? `${props} ${str}`
	        : `${props}\n${ctx.indent}${str}`;
	}

	stringify.createStringifyContext = createStringifyContext;
	stringify.stringify = stringify$1;
	return stringify;
}

var hasRequiredStringifyPair;

function requireStringifyPair () {
	if (hasRequiredStringifyPair) return stringifyPair;
	hasRequiredStringifyPair = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyPair$1({ key, value }, ctx, onComment, onChompKeep) {
	    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
	    let keyComment = (identity.isNode(key) && key.comment) || null;
	    if (simpleKeys) {
	        if (keyComment) {
	            throw new Error('With simple keys, key nodes cannot have comments');
	        }
	        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
	            const msg = 'With simple keys, collection cannot be used as a key value';
	            throw new Error(msg);
	        }
	    }
	    let explicitKey = !simpleKeys &&
	        (!key ||
	            (keyComment && value == null && !ctx.inFlow) ||
	            identity.isCollection(key) ||
	            (identity.isScalar(key)
	                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
	                : typeof key === 'object'));
	    ctx = Object.assign({}, ctx, {
	        allNullValues: false,
	        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
	        indent: indent + indentStep
	    });
	    let keyCommentDone = false;
	    let chompKeep = false;
	    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
	    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
	        if (simpleKeys)
	            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
	        explicitKey = true;
	    }
	    if (ctx.inFlow) {
	        if (allNullValues || value == null) {
	            if (keyCommentDone && onComment)
	                onComment();
	            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
	        }
	    }
	    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
	        str = `? ${str}`;
	        if (keyComment && !keyCommentDone) {
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        }
	        else if (chompKeep && onChompKeep)
	            onChompKeep();
	        return str;
	    }
	    if (keyCommentDone)
	        keyComment = null;
	    if (explicitKey) {
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	        str = `? ${str}\n${indent}:`;
	    }
	    else {
	        str = `${str}:`;
	        if (keyComment)
	            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
	    }
	    let vsb, vcb, valueComment;
	    if (identity.isNode(value)) {
	        vsb = !!value.spaceBefore;
	        vcb = value.commentBefore;
	        valueComment = value.comment;
	    }
	    else {
	        vsb = false;
	        vcb = null;
	        valueComment = null;
	        if (value && typeof value === 'object')
	            value = doc.createNode(value);
	    }
	    ctx.implicitKey = false;
	    if (!explicitKey && !keyComment && identity.isScalar(value))
	        ctx.indentAtStart = str.length + 1;
	    chompKeep = false;
	    if (!indentSeq &&
	        indentStep.length >= 2 &&
	        !ctx.inFlow &&
	        !explicitKey &&
	        identity.isSeq(value) &&
	        !value.flow &&
	        !value.tag &&
	        !value.anchor) {
	        // If indentSeq === false, consider '- ' as part of indentation where possible
	        ctx.indent = ctx.indent.substring(2);
	    }
	    let valueCommentDone = false;
	    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
	    let ws = ' ';
	    if (keyComment || vsb || vcb) {
	        ws = vsb ? '\n' : '';
	        if (vcb) {
	            const cs = commentString(vcb);
	            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
	        }
	        if (valueStr === '' && !ctx.inFlow) {
	            if (ws === '\n' && valueComment)
	                ws = '\n\n';
	        }
	        else {
	            ws += `\n${ctx.indent}`;
	        }
	    }
	    else if (!explicitKey && identity.isCollection(value)) {
	        const vs0 = valueStr[0];
	        const nl0 = valueStr.indexOf('\n');
	        const hasNewline = nl0 !== -1;
	        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
	        if (hasNewline || !flow) {
	            let hasPropsLine = false;
	            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
	                let sp0 = valueStr.indexOf(' ');
	                if (vs0 === '&' &&
	                    sp0 !== -1 &&
	                    sp0 < nl0 &&
	                    valueStr[sp0 + 1] === '!') {
	                    sp0 = valueStr.indexOf(' ', sp0 + 1);
	                }
	                if (sp0 === -1 || nl0 < sp0)
	                    hasPropsLine = true;
	            }
	            if (!hasPropsLine)
	                ws = `\n${ctx.indent}`;
	        }
	    }
	    else if (valueStr === '' || valueStr[0] === '\n') {
	        ws = '';
	    }
	    str += ws + valueStr;
	    if (ctx.inFlow) {
	        if (valueCommentDone && onComment)
	            onComment();
	    }
	    else if (valueComment && !valueCommentDone) {
	        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
	    }
	    else if (chompKeep && onChompKeep) {
	        onChompKeep();
	    }
	    return str;
	}

	stringifyPair.stringifyPair = stringifyPair$1;
	return stringifyPair;
}

var addPairToJSMap = {};

var log = {};

var hasRequiredLog;

function requireLog () {
	if (hasRequiredLog) return log;
	hasRequiredLog = 1;

	var node_process = require$$0;

	function debug(logLevel, ...messages) {
	    if (logLevel === 'debug')
	        console.log(...messages);
	}
	function warn(logLevel, warning) {
	    if (logLevel === 'debug' || logLevel === 'warn') {
	        if (typeof node_process.emitWarning === 'function')
	            node_process.emitWarning(warning);
	        else
	            console.warn(warning);
	    }
	}

	log.debug = debug;
	log.warn = warn;
	return log;
}

var merge = {};

var hasRequiredMerge;

function requireMerge () {
	if (hasRequiredMerge) return merge;
	hasRequiredMerge = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();

	// If the value associated with a merge key is a single mapping node, each of
	// its key/value pairs is inserted into the current mapping, unless the key
	// already exists in it. If the value associated with the merge key is a
	// sequence, then this sequence is expected to contain mapping nodes and each
	// of these nodes is merged in turn according to its order in the sequence.
	// Keys in mapping nodes earlier in the sequence override keys specified in
	// later mapping nodes. -- http://yaml.org/type/merge.html
	const MERGE_KEY = '<<';
	const merge$1 = {
	    identify: value => value === MERGE_KEY ||
	        (typeof value === 'symbol' && value.description === MERGE_KEY),
	    default: 'key',
	    tag: 'tag:yaml.org,2002:merge',
	    test: /^<<$/,
	    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
	        addToJSMap: addMergeToJSMap
	    }),
	    stringify: () => MERGE_KEY
	};
	const isMergeKey = (ctx, key) => (merge$1.identify(key) ||
	    (identity.isScalar(key) &&
	        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
	        merge$1.identify(key.value))) &&
	    ctx?.doc.schema.tags.some(tag => tag.tag === merge$1.tag && tag.default);
	function addMergeToJSMap(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (identity.isSeq(source))
	        for (const it of source.items)
	            mergeValue(ctx, map, it);
	    else if (Array.isArray(source))
	        for (const it of source)
	            mergeValue(ctx, map, it);
	    else
	        mergeValue(ctx, map, source);
	}
	function mergeValue(ctx, map, value) {
	    const source = resolveAliasValue(ctx, value);
	    if (!identity.isMap(source))
	        throw new Error('Merge sources must be maps or map aliases');
	    const srcMap = source.toJSON(null, ctx, Map);
	    for (const [key, value] of srcMap) {
	        if (map instanceof Map) {
	            if (!map.has(key))
	                map.set(key, value);
	        }
	        else if (map instanceof Set) {
	            map.add(key);
	        }
	        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
	            Object.defineProperty(map, key, {
	                value,
	                writable: true,
	                enumerable: true,
	                configurable: true
	            });
	        }
	    }
	    return map;
	}
	function resolveAliasValue(ctx, value) {
	    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
	}

	merge.addMergeToJSMap = addMergeToJSMap;
	merge.isMergeKey = isMergeKey;
	merge.merge = merge$1;
	return merge;
}

var hasRequiredAddPairToJSMap;

function requireAddPairToJSMap () {
	if (hasRequiredAddPairToJSMap) return addPairToJSMap;
	hasRequiredAddPairToJSMap = 1;

	var log = requireLog();
	var merge = requireMerge();
	var stringify = requireStringify();
	var identity = requireIdentity();
	var toJS = requireToJS();

	function addPairToJSMap$1(ctx, map, { key, value }) {
	    if (identity.isNode(key) && key.addToJSMap)
	        key.addToJSMap(ctx, map, value);
	    // TODO: Should drop this special case for bare << handling
	    else if (merge.isMergeKey(ctx, key))
	        merge.addMergeToJSMap(ctx, map, value);
	    else {
	        const jsKey = toJS.toJS(key, '', ctx);
	        if (map instanceof Map) {
	            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
	        }
	        else if (map instanceof Set) {
	            map.add(jsKey);
	        }
	        else {
	            const stringKey = stringifyKey(key, jsKey, ctx);
	            const jsValue = toJS.toJS(value, stringKey, ctx);
	            if (stringKey in map)
	                Object.defineProperty(map, stringKey, {
	                    value: jsValue,
	                    writable: true,
	                    enumerable: true,
	                    configurable: true
	                });
	            else
	                map[stringKey] = jsValue;
	        }
	    }
	    return map;
	}
	function stringifyKey(key, jsKey, ctx) {
	    if (jsKey === null)
	        return '';
	    // eslint-disable-next-line @typescript-eslint/no-base-to-string
	    if (typeof jsKey !== 'object')
	        return String(jsKey);
	    if (identity.isNode(key) && ctx?.doc) {
	        const strCtx = stringify.createStringifyContext(ctx.doc, {});
	        strCtx.anchors = new Set();
	        for (const node of ctx.anchors.keys())
	            strCtx.anchors.add(node.anchor);
	        strCtx.inFlow = true;
	        strCtx.inStringifyKey = true;
	        const strKey = key.toString(strCtx);
	        if (!ctx.mapKeyWarned) {
	            let jsonStr = JSON.stringify(strKey);
	            if (jsonStr.length > 40)
	                jsonStr = jsonStr.substring(0, 36) + '..."';
	            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
	            ctx.mapKeyWarned = true;
	        }
	        return strKey;
	    }
	    return JSON.stringify(jsKey);
	}

	addPairToJSMap.addPairToJSMap = addPairToJSMap$1;
	return addPairToJSMap;
}

var hasRequiredPair;

function requirePair () {
	if (hasRequiredPair) return Pair;
	hasRequiredPair = 1;

	var createNode = requireCreateNode();
	var stringifyPair = requireStringifyPair();
	var addPairToJSMap = requireAddPairToJSMap();
	var identity = requireIdentity();

	function createPair(key, value, ctx) {
	    const k = createNode.createNode(key, undefined, ctx);
	    const v = createNode.createNode(value, undefined, ctx);
	    return new Pair$1(k, v);
	}
	let Pair$1 = class Pair {
	    constructor(key, value = null) {
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
	        this.key = key;
	        this.value = value;
	    }
	    clone(schema) {
	        let { key, value } = this;
	        if (identity.isNode(key))
	            key = key.clone(schema);
	        if (identity.isNode(value))
	            value = value.clone(schema);
	        return new Pair(key, value);
	    }
	    toJSON(_, ctx) {
	        const pair = ctx?.mapAsMap ? new Map() : {};
	        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        return ctx?.doc
	            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
	            : JSON.stringify(this);
	    }
	};

	Pair.Pair = Pair$1;
	Pair.createPair = createPair;
	return Pair;
}

var Schema = {};

var map = {};

var YAMLMap = {};

var stringifyCollection = {};

var hasRequiredStringifyCollection;

function requireStringifyCollection () {
	if (hasRequiredStringifyCollection) return stringifyCollection;
	hasRequiredStringifyCollection = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyCollection$1(collection, ctx, options) {
	    const flow = ctx.inFlow ?? collection.flow;
	    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
	    return stringify(collection, ctx, options);
	}
	function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
	    const { indent, options: { commentString } } = ctx;
	    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
	    let chompKeep = false; // flag for the preceding node's status
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (!chompKeep && item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (!chompKeep && ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
	            }
	        }
	        chompKeep = false;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        if (chompKeep && comment)
	            chompKeep = false;
	        lines.push(blockItemPrefix + str);
	    }
	    let str;
	    if (lines.length === 0) {
	        str = flowChars.start + flowChars.end;
	    }
	    else {
	        str = lines[0];
	        for (let i = 1; i < lines.length; ++i) {
	            const line = lines[i];
	            str += line ? `\n${indent}${line}` : '\n';
	        }
	    }
	    if (comment) {
	        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
	        if (onComment)
	            onComment();
	    }
	    else if (chompKeep && onChompKeep)
	        onChompKeep();
	    return str;
	}
	function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
	    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
	    itemIndent += indentStep;
	    const itemCtx = Object.assign({}, ctx, {
	        indent: itemIndent,
	        inFlow: true,
	        type: null
	    });
	    let reqNewline = false;
	    let linesAtValue = 0;
	    const lines = [];
	    for (let i = 0; i < items.length; ++i) {
	        const item = items[i];
	        let comment = null;
	        if (identity.isNode(item)) {
	            if (item.spaceBefore)
	                lines.push('');
	            addCommentBefore(ctx, lines, item.commentBefore, false);
	            if (item.comment)
	                comment = item.comment;
	        }
	        else if (identity.isPair(item)) {
	            const ik = identity.isNode(item.key) ? item.key : null;
	            if (ik) {
	                if (ik.spaceBefore)
	                    lines.push('');
	                addCommentBefore(ctx, lines, ik.commentBefore, false);
	                if (ik.comment)
	                    reqNewline = true;
	            }
	            const iv = identity.isNode(item.value) ? item.value : null;
	            if (iv) {
	                if (iv.comment)
	                    comment = iv.comment;
	                if (iv.commentBefore)
	                    reqNewline = true;
	            }
	            else if (item.value == null && ik?.comment) {
	                comment = ik.comment;
	            }
	        }
	        if (comment)
	            reqNewline = true;
	        let str = stringify.stringify(item, itemCtx, () => (comment = null));
	        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
	        if (i < items.length - 1) {
	            str += ',';
	        }
	        else if (ctx.options.trailingComma) {
	            if (ctx.options.lineWidth > 0) {
	                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
	                    (str.length + 2) >
	                    ctx.options.lineWidth);
	            }
	            if (reqNewline) {
	                str += ',';
	            }
	        }
	        if (comment)
	            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
	        lines.push(str);
	        linesAtValue = lines.length;
	    }
	    const { start, end } = flowChars;
	    if (lines.length === 0) {
	        return start + end;
	    }
	    else {
	        if (!reqNewline) {
	            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
	            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
	        }
	        if (reqNewline) {
	            let str = start;
	            for (const line of lines)
	                str += line ? `\n${indentStep}${indent}${line}` : '\n';
	            return `${str}\n${indent}${end}`;
	        }
	        else {
	            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
	        }
	    }
	}
	function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
	    if (comment && chompKeep)
	        comment = comment.replace(/^\n+/, '');
	    if (comment) {
	        const ic = stringifyComment.indentComment(commentString(comment), indent);
	        lines.push(ic.trimStart()); // Avoid double indent on first line
	    }
	}

	stringifyCollection.stringifyCollection = stringifyCollection$1;
	return stringifyCollection;
}

var hasRequiredYAMLMap;

function requireYAMLMap () {
	if (hasRequiredYAMLMap) return YAMLMap;
	hasRequiredYAMLMap = 1;

	var stringifyCollection = requireStringifyCollection();
	var addPairToJSMap = requireAddPairToJSMap();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();

	function findPair(items, key) {
	    const k = identity.isScalar(key) ? key.value : key;
	    for (const it of items) {
	        if (identity.isPair(it)) {
	            if (it.key === key || it.key === k)
	                return it;
	            if (identity.isScalar(it.key) && it.key.value === k)
	                return it;
	        }
	    }
	    return undefined;
	}
	let YAMLMap$1 = class YAMLMap extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:map';
	    }
	    constructor(schema) {
	        super(identity.MAP, schema);
	        this.items = [];
	    }
	    /**
	     * A generic collection parsing method that can be extended
	     * to other node classes that inherit from YAMLMap
	     */
	    static from(schema, obj, ctx) {
	        const { keepUndefined, replacer } = ctx;
	        const map = new this(schema);
	        const add = (key, value) => {
	            if (typeof replacer === 'function')
	                value = replacer.call(obj, key, value);
	            else if (Array.isArray(replacer) && !replacer.includes(key))
	                return;
	            if (value !== undefined || keepUndefined)
	                map.items.push(Pair.createPair(key, value, ctx));
	        };
	        if (obj instanceof Map) {
	            for (const [key, value] of obj)
	                add(key, value);
	        }
	        else if (obj && typeof obj === 'object') {
	            for (const key of Object.keys(obj))
	                add(key, obj[key]);
	        }
	        if (typeof schema.sortMapEntries === 'function') {
	            map.items.sort(schema.sortMapEntries);
	        }
	        return map;
	    }
	    /**
	     * Adds a value to the collection.
	     *
	     * @param overwrite - If not set `true`, using a key that is already in the
	     *   collection will throw. Otherwise, overwrites the previous value.
	     */
	    add(pair, overwrite) {
	        let _pair;
	        if (identity.isPair(pair))
	            _pair = pair;
	        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
	            // In TypeScript, this never happens.
	            _pair = new Pair.Pair(pair, pair?.value);
	        }
	        else
	            _pair = new Pair.Pair(pair.key, pair.value);
	        const prev = findPair(this.items, _pair.key);
	        const sortEntries = this.schema?.sortMapEntries;
	        if (prev) {
	            if (!overwrite)
	                throw new Error(`Key ${_pair.key} already set`);
	            // For scalars, keep the old node & its comments and anchors
	            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
	                prev.value.value = _pair.value;
	            else
	                prev.value = _pair.value;
	        }
	        else if (sortEntries) {
	            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
	            if (i === -1)
	                this.items.push(_pair);
	            else
	                this.items.splice(i, 0, _pair);
	        }
	        else {
	            this.items.push(_pair);
	        }
	    }
	    delete(key) {
	        const it = findPair(this.items, key);
	        if (!it)
	            return false;
	        const del = this.items.splice(this.items.indexOf(it), 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const it = findPair(this.items, key);
	        const node = it?.value;
	        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
	    }
	    has(key) {
	        return !!findPair(this.items, key);
	    }
	    set(key, value) {
	        this.add(new Pair.Pair(key, value), true);
	    }
	    /**
	     * @param ctx - Conversion context, originally set in Document#toJS()
	     * @param {Class} Type - If set, forces the returned collection type
	     * @returns Instance of Type, Map, or Object
	     */
	    toJSON(_, ctx, Type) {
	        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const item of this.items)
	            addPairToJSMap.addPairToJSMap(ctx, map, item);
	        return map;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        for (const item of this.items) {
	            if (!identity.isPair(item))
	                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
	        }
	        if (!ctx.allNullValues && this.hasAllNullValues(false))
	            ctx = Object.assign({}, ctx, { allNullValues: true });
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '',
	            flowChars: { start: '{', end: '}' },
	            itemIndent: ctx.indent || '',
	            onChompKeep,
	            onComment
	        });
	    }
	};

	YAMLMap.YAMLMap = YAMLMap$1;
	YAMLMap.findPair = findPair;
	return YAMLMap;
}

var hasRequiredMap;

function requireMap () {
	if (hasRequiredMap) return map;
	hasRequiredMap = 1;

	var identity = requireIdentity();
	var YAMLMap = requireYAMLMap();

	const map$1 = {
	    collection: 'map',
	    default: true,
	    nodeClass: YAMLMap.YAMLMap,
	    tag: 'tag:yaml.org,2002:map',
	    resolve(map, onError) {
	        if (!identity.isMap(map))
	            onError('Expected a mapping for this tag');
	        return map;
	    },
	    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
	};

	map.map = map$1;
	return map;
}

var seq = {};

var YAMLSeq = {};

var hasRequiredYAMLSeq;

function requireYAMLSeq () {
	if (hasRequiredYAMLSeq) return YAMLSeq;
	hasRequiredYAMLSeq = 1;

	var createNode = requireCreateNode();
	var stringifyCollection = requireStringifyCollection();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Scalar = requireScalar();
	var toJS = requireToJS();

	let YAMLSeq$1 = class YAMLSeq extends Collection.Collection {
	    static get tagName() {
	        return 'tag:yaml.org,2002:seq';
	    }
	    constructor(schema) {
	        super(identity.SEQ, schema);
	        this.items = [];
	    }
	    add(value) {
	        this.items.push(value);
	    }
	    /**
	     * Removes a value from the collection.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     *
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return false;
	        const del = this.items.splice(idx, 1);
	        return del.length > 0;
	    }
	    get(key, keepScalar) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            return undefined;
	        const it = this.items[idx];
	        return !keepScalar && identity.isScalar(it) ? it.value : it;
	    }
	    /**
	     * Checks if the collection includes a value with the key `key`.
	     *
	     * `key` must contain a representation of an integer for this to succeed.
	     * It may be wrapped in a `Scalar`.
	     */
	    has(key) {
	        const idx = asItemIndex(key);
	        return typeof idx === 'number' && idx < this.items.length;
	    }
	    /**
	     * Sets a value in this collection. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     *
	     * If `key` does not contain a representation of an integer, this will throw.
	     * It may be wrapped in a `Scalar`.
	     */
	    set(key, value) {
	        const idx = asItemIndex(key);
	        if (typeof idx !== 'number')
	            throw new Error(`Expected a valid index, not ${key}.`);
	        const prev = this.items[idx];
	        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
	            prev.value = value;
	        else
	            this.items[idx] = value;
	    }
	    toJSON(_, ctx) {
	        const seq = [];
	        if (ctx?.onCreate)
	            ctx.onCreate(seq);
	        let i = 0;
	        for (const item of this.items)
	            seq.push(toJS.toJS(item, String(i++), ctx));
	        return seq;
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        return stringifyCollection.stringifyCollection(this, ctx, {
	            blockItemPrefix: '- ',
	            flowChars: { start: '[', end: ']' },
	            itemIndent: (ctx.indent || '') + '  ',
	            onChompKeep,
	            onComment
	        });
	    }
	    static from(schema, obj, ctx) {
	        const { replacer } = ctx;
	        const seq = new this(schema);
	        if (obj && Symbol.iterator in Object(obj)) {
	            let i = 0;
	            for (let it of obj) {
	                if (typeof replacer === 'function') {
	                    const key = obj instanceof Set ? it : String(i++);
	                    it = replacer.call(obj, key, it);
	                }
	                seq.items.push(createNode.createNode(it, undefined, ctx));
	            }
	        }
	        return seq;
	    }
	};
	function asItemIndex(key) {
	    let idx = identity.isScalar(key) ? key.value : key;
	    if (idx && typeof idx === 'string')
	        idx = Number(idx);
	    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
	        ? idx
	        : null;
	}

	YAMLSeq.YAMLSeq = YAMLSeq$1;
	return YAMLSeq;
}

var hasRequiredSeq;

function requireSeq () {
	if (hasRequiredSeq) return seq;
	hasRequiredSeq = 1;

	var identity = requireIdentity();
	var YAMLSeq = requireYAMLSeq();

	const seq$1 = {
	    collection: 'seq',
	    default: true,
	    nodeClass: YAMLSeq.YAMLSeq,
	    tag: 'tag:yaml.org,2002:seq',
	    resolve(seq, onError) {
	        if (!identity.isSeq(seq))
	            onError('Expected a sequence for this tag');
	        return seq;
	    },
	    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
	};

	seq.seq = seq$1;
	return seq;
}

var string$1 = {};

var hasRequiredString;

function requireString () {
	if (hasRequiredString) return string$1;
	hasRequiredString = 1;

	var stringifyString = requireStringifyString();

	const string = {
	    identify: value => typeof value === 'string',
	    default: true,
	    tag: 'tag:yaml.org,2002:str',
	    resolve: str => str,
	    stringify(item, ctx, onComment, onChompKeep) {
	        ctx = Object.assign({ actualString: true }, ctx);
	        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
	    }
	};

	string$1.string = string;
	return string$1;
}

var tags = {};

var _null = {};

var hasRequired_null;

function require_null () {
	if (hasRequired_null) return _null;
	hasRequired_null = 1;

	var Scalar = requireScalar();

	const nullTag = {
	    identify: value => value == null,
	    createNode: () => new Scalar.Scalar(null),
	    default: true,
	    tag: 'tag:yaml.org,2002:null',
	    test: /^(?:~|[Nn]ull|NULL)?$/,
	    resolve: () => new Scalar.Scalar(null),
	    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
	        ? source
	        : ctx.options.nullStr
	};

	_null.nullTag = nullTag;
	return _null;
}

var bool$1 = {};

var hasRequiredBool$1;

function requireBool$1 () {
	if (hasRequiredBool$1) return bool$1;
	hasRequiredBool$1 = 1;

	var Scalar = requireScalar();

	const boolTag = {
	    identify: value => typeof value === 'boolean',
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
	    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
	    stringify({ source, value }, ctx) {
	        if (source && boolTag.test.test(source)) {
	            const sv = source[0] === 't' || source[0] === 'T';
	            if (value === sv)
	                return source;
	        }
	        return value ? ctx.options.trueStr : ctx.options.falseStr;
	    }
	};

	bool$1.boolTag = boolTag;
	return bool$1;
}

var float$1 = {};

var stringifyNumber = {};

var hasRequiredStringifyNumber;

function requireStringifyNumber () {
	if (hasRequiredStringifyNumber) return stringifyNumber;
	hasRequiredStringifyNumber = 1;

	function stringifyNumber$1({ format, minFractionDigits, tag, value }) {
	    if (typeof value === 'bigint')
	        return String(value);
	    const num = typeof value === 'number' ? value : Number(value);
	    if (!isFinite(num))
	        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
	    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
	    if (!format &&
	        minFractionDigits &&
	        (!tag || tag === 'tag:yaml.org,2002:float') &&
	        /^-?\d/.test(n) &&
	        !n.includes('e')) {
	        let i = n.indexOf('.');
	        if (i < 0) {
	            i = n.length;
	            n += '.';
	        }
	        let d = minFractionDigits - (n.length - i - 1);
	        while (d-- > 0)
	            n += '0';
	    }
	    return n;
	}

	stringifyNumber.stringifyNumber = stringifyNumber$1;
	return stringifyNumber;
}

var hasRequiredFloat$1;

function requireFloat$1 () {
	if (hasRequiredFloat$1) return float$1;
	hasRequiredFloat$1 = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: str => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
	    resolve: str => parseFloat(str),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str));
	        const dot = str.indexOf('.');
	        if (dot !== -1 && str[str.length - 1] === '0')
	            node.minFractionDigits = str.length - dot - 1;
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float$1.float = float;
	float$1.floatExp = floatExp;
	float$1.floatNaN = floatNaN;
	return float$1;
}

var int$1 = {};

var hasRequiredInt$1;

function requireInt$1 () {
	if (hasRequiredInt$1) return int$1;
	hasRequiredInt$1 = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value) && value >= 0)
	        return prefix + value.toString(radix);
	    return stringifyNumber.stringifyNumber(node);
	}
	const intOct = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^0o[0-7]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
	    stringify: node => intStringify(node, 8, '0o')
	};
	const int = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: value => intIdentify(value) && value >= 0,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^0x[0-9a-fA-F]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int$1.int = int;
	int$1.intHex = intHex;
	int$1.intOct = intOct;
	return int$1;
}

var schema$2 = {};

var hasRequiredSchema$3;

function requireSchema$3 () {
	if (hasRequiredSchema$3) return schema$2;
	hasRequiredSchema$3 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();

	const schema = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.boolTag,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float
	];

	schema$2.schema = schema;
	return schema$2;
}

var schema$1 = {};

var hasRequiredSchema$2;

function requireSchema$2 () {
	if (hasRequiredSchema$2) return schema$1;
	hasRequiredSchema$2 = 1;

	var Scalar = requireScalar();
	var map = requireMap();
	var seq = requireSeq();

	function intIdentify(value) {
	    return typeof value === 'bigint' || Number.isInteger(value);
	}
	const stringifyJSON = ({ value }) => JSON.stringify(value);
	const jsonScalars = [
	    {
	        identify: value => typeof value === 'string',
	        default: true,
	        tag: 'tag:yaml.org,2002:str',
	        resolve: str => str,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => value == null,
	        createNode: () => new Scalar.Scalar(null),
	        default: true,
	        tag: 'tag:yaml.org,2002:null',
	        test: /^null$/,
	        resolve: () => null,
	        stringify: stringifyJSON
	    },
	    {
	        identify: value => typeof value === 'boolean',
	        default: true,
	        tag: 'tag:yaml.org,2002:bool',
	        test: /^true$|^false$/,
	        resolve: str => str === 'true',
	        stringify: stringifyJSON
	    },
	    {
	        identify: intIdentify,
	        default: true,
	        tag: 'tag:yaml.org,2002:int',
	        test: /^-?(?:0|[1-9][0-9]*)$/,
	        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
	        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
	    },
	    {
	        identify: value => typeof value === 'number',
	        default: true,
	        tag: 'tag:yaml.org,2002:float',
	        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
	        resolve: str => parseFloat(str),
	        stringify: stringifyJSON
	    }
	];
	const jsonError = {
	    default: true,
	    tag: '',
	    test: /^/,
	    resolve(str, onError) {
	        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
	        return str;
	    }
	};
	const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

	schema$1.schema = schema;
	return schema$1;
}

var binary = {};

var hasRequiredBinary;

function requireBinary () {
	if (hasRequiredBinary) return binary;
	hasRequiredBinary = 1;

	var node_buffer = require$$0$1;
	var Scalar = requireScalar();
	var stringifyString = requireStringifyString();

	const binary$1 = {
	    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
	    default: false,
	    tag: 'tag:yaml.org,2002:binary',
	    /**
	     * Returns a Buffer in node and an Uint8Array in browsers
	     *
	     * To use the resulting buffer as an image, you'll want to do something like:
	     *
	     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
	     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
	     */
	    resolve(src, onError) {
	        if (typeof node_buffer.Buffer === 'function') {
	            return node_buffer.Buffer.from(src, 'base64');
	        }
	        else if (typeof atob === 'function') {
	            // On IE 11, atob() can't handle newlines
	            const str = atob(src.replace(/[\n\r]/g, ''));
	            const buffer = new Uint8Array(str.length);
	            for (let i = 0; i < str.length; ++i)
	                buffer[i] = str.charCodeAt(i);
	            return buffer;
	        }
	        else {
	            onError('This environment does not support reading binary tags; either Buffer or atob is required');
	            return src;
	        }
	    },
	    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
	        if (!value)
	            return '';
	        const buf = value; // checked earlier by binary.identify()
	        let str;
	        if (typeof node_buffer.Buffer === 'function') {
	            str =
	                buf instanceof node_buffer.Buffer
	                    ? buf.toString('base64')
	                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
	        }
	        else if (typeof btoa === 'function') {
	            let s = '';
	            for (let i = 0; i < buf.length; ++i)
	                s += String.fromCharCode(buf[i]);
	            str = btoa(s);
	        }
	        else {
	            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
	        }
	        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
	        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
	            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
	            const n = Math.ceil(str.length / lineWidth);
	            const lines = new Array(n);
	            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
	                lines[i] = str.substr(o, lineWidth);
	            }
	            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
	        }
	        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
	    }
	};

	binary.binary = binary$1;
	return binary;
}

var omap = {};

var pairs = {};

var hasRequiredPairs;

function requirePairs () {
	if (hasRequiredPairs) return pairs;
	hasRequiredPairs = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLSeq = requireYAMLSeq();

	function resolvePairs(seq, onError) {
	    if (identity.isSeq(seq)) {
	        for (let i = 0; i < seq.items.length; ++i) {
	            let item = seq.items[i];
	            if (identity.isPair(item))
	                continue;
	            else if (identity.isMap(item)) {
	                if (item.items.length > 1)
	                    onError('Each pair must have its own sequence indicator');
	                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
	                if (item.commentBefore)
	                    pair.key.commentBefore = pair.key.commentBefore
	                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
	                        : item.commentBefore;
	                if (item.comment) {
	                    const cn = pair.value ?? pair.key;
	                    cn.comment = cn.comment
	                        ? `${item.comment}\n${cn.comment}`
	                        : item.comment;
	                }
	                item = pair;
	            }
	            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
	        }
	    }
	    else
	        onError('Expected a sequence for this tag');
	    return seq;
	}
	function createPairs(schema, iterable, ctx) {
	    const { replacer } = ctx;
	    const pairs = new YAMLSeq.YAMLSeq(schema);
	    pairs.tag = 'tag:yaml.org,2002:pairs';
	    let i = 0;
	    if (iterable && Symbol.iterator in Object(iterable))
	        for (let it of iterable) {
	            if (typeof replacer === 'function')
	                it = replacer.call(iterable, String(i++), it);
	            let key, value;
	            if (Array.isArray(it)) {
	                if (it.length === 2) {
	                    key = it[0];
	                    value = it[1];
	                }
	                else
	                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
	            }
	            else if (it && it instanceof Object) {
	                const keys = Object.keys(it);
	                if (keys.length === 1) {
	                    key = keys[0];
	                    value = it[key];
	                }
	                else {
	                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
	                }
	            }
	            else {
	                key = it;
	            }
	            pairs.items.push(Pair.createPair(key, value, ctx));
	        }
	    return pairs;
	}
	const pairs$1 = {
	    collection: 'seq',
	    default: false,
	    tag: 'tag:yaml.org,2002:pairs',
	    resolve: resolvePairs,
	    createNode: createPairs
	};

	pairs.createPairs = createPairs;
	pairs.pairs = pairs$1;
	pairs.resolvePairs = resolvePairs;
	return pairs;
}

var hasRequiredOmap;

function requireOmap () {
	if (hasRequiredOmap) return omap;
	hasRequiredOmap = 1;

	var identity = requireIdentity();
	var toJS = requireToJS();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var pairs = requirePairs();

	class YAMLOMap extends YAMLSeq.YAMLSeq {
	    constructor() {
	        super();
	        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
	        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
	        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
	        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
	        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
	        this.tag = YAMLOMap.tag;
	    }
	    /**
	     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
	     * but TypeScript won't allow widening the signature of a child method.
	     */
	    toJSON(_, ctx) {
	        if (!ctx)
	            return super.toJSON(_);
	        const map = new Map();
	        if (ctx?.onCreate)
	            ctx.onCreate(map);
	        for (const pair of this.items) {
	            let key, value;
	            if (identity.isPair(pair)) {
	                key = toJS.toJS(pair.key, '', ctx);
	                value = toJS.toJS(pair.value, key, ctx);
	            }
	            else {
	                key = toJS.toJS(pair, '', ctx);
	            }
	            if (map.has(key))
	                throw new Error('Ordered maps must not include duplicate keys');
	            map.set(key, value);
	        }
	        return map;
	    }
	    static from(schema, iterable, ctx) {
	        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
	        const omap = new this();
	        omap.items = pairs$1.items;
	        return omap;
	    }
	}
	YAMLOMap.tag = 'tag:yaml.org,2002:omap';
	const omap$1 = {
	    collection: 'seq',
	    identify: value => value instanceof Map,
	    nodeClass: YAMLOMap,
	    default: false,
	    tag: 'tag:yaml.org,2002:omap',
	    resolve(seq, onError) {
	        const pairs$1 = pairs.resolvePairs(seq, onError);
	        const seenKeys = [];
	        for (const { key } of pairs$1.items) {
	            if (identity.isScalar(key)) {
	                if (seenKeys.includes(key.value)) {
	                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
	                }
	                else {
	                    seenKeys.push(key.value);
	                }
	            }
	        }
	        return Object.assign(new YAMLOMap(), pairs$1);
	    },
	    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
	};

	omap.YAMLOMap = YAMLOMap;
	omap.omap = omap$1;
	return omap;
}

var schema = {};

var bool = {};

var hasRequiredBool;

function requireBool () {
	if (hasRequiredBool) return bool;
	hasRequiredBool = 1;

	var Scalar = requireScalar();

	function boolStringify({ value, source }, ctx) {
	    const boolObj = value ? trueTag : falseTag;
	    if (source && boolObj.test.test(source))
	        return source;
	    return value ? ctx.options.trueStr : ctx.options.falseStr;
	}
	const trueTag = {
	    identify: value => value === true,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
	    resolve: () => new Scalar.Scalar(true),
	    stringify: boolStringify
	};
	const falseTag = {
	    identify: value => value === false,
	    default: true,
	    tag: 'tag:yaml.org,2002:bool',
	    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
	    resolve: () => new Scalar.Scalar(false),
	    stringify: boolStringify
	};

	bool.falseTag = falseTag;
	bool.trueTag = trueTag;
	return bool;
}

var float = {};

var hasRequiredFloat;

function requireFloat () {
	if (hasRequiredFloat) return float;
	hasRequiredFloat = 1;

	var Scalar = requireScalar();
	var stringifyNumber = requireStringifyNumber();

	const floatNaN = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
	    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
	        ? NaN
	        : str[0] === '-'
	            ? Number.NEGATIVE_INFINITY
	            : Number.POSITIVE_INFINITY,
	    stringify: stringifyNumber.stringifyNumber
	};
	const floatExp = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'EXP',
	    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
	    resolve: (str) => parseFloat(str.replace(/_/g, '')),
	    stringify(node) {
	        const num = Number(node.value);
	        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
	    }
	};
	const float$1 = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
	    resolve(str) {
	        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
	        const dot = str.indexOf('.');
	        if (dot !== -1) {
	            const f = str.substring(dot + 1).replace(/_/g, '');
	            if (f[f.length - 1] === '0')
	                node.minFractionDigits = f.length;
	        }
	        return node;
	    },
	    stringify: stringifyNumber.stringifyNumber
	};

	float.float = float$1;
	float.floatExp = floatExp;
	float.floatNaN = floatNaN;
	return float;
}

var int = {};

var hasRequiredInt;

function requireInt () {
	if (hasRequiredInt) return int;
	hasRequiredInt = 1;

	var stringifyNumber = requireStringifyNumber();

	const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
	function intResolve(str, offset, radix, { intAsBigInt }) {
	    const sign = str[0];
	    if (sign === '-' || sign === '+')
	        offset += 1;
	    str = str.substring(offset).replace(/_/g, '');
	    if (intAsBigInt) {
	        switch (radix) {
	            case 2:
	                str = `0b${str}`;
	                break;
	            case 8:
	                str = `0o${str}`;
	                break;
	            case 16:
	                str = `0x${str}`;
	                break;
	        }
	        const n = BigInt(str);
	        return sign === '-' ? BigInt(-1) * n : n;
	    }
	    const n = parseInt(str, radix);
	    return sign === '-' ? -1 * n : n;
	}
	function intStringify(node, radix, prefix) {
	    const { value } = node;
	    if (intIdentify(value)) {
	        const str = value.toString(radix);
	        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
	    }
	    return stringifyNumber.stringifyNumber(node);
	}
	const intBin = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'BIN',
	    test: /^[-+]?0b[0-1_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
	    stringify: node => intStringify(node, 2, '0b')
	};
	const intOct = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'OCT',
	    test: /^[-+]?0[0-7_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
	    stringify: node => intStringify(node, 8, '0')
	};
	const int$1 = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    test: /^[-+]?[0-9][0-9_]*$/,
	    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
	    stringify: stringifyNumber.stringifyNumber
	};
	const intHex = {
	    identify: intIdentify,
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'HEX',
	    test: /^[-+]?0x[0-9a-fA-F_]+$/,
	    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
	    stringify: node => intStringify(node, 16, '0x')
	};

	int.int = int$1;
	int.intBin = intBin;
	int.intHex = intHex;
	int.intOct = intOct;
	return int;
}

var set = {};

var hasRequiredSet;

function requireSet () {
	if (hasRequiredSet) return set;
	hasRequiredSet = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();

	class YAMLSet extends YAMLMap.YAMLMap {
	    constructor(schema) {
	        super(schema);
	        this.tag = YAMLSet.tag;
	    }
	    add(key) {
	        let pair;
	        if (identity.isPair(key))
	            pair = key;
	        else if (key &&
	            typeof key === 'object' &&
	            'key' in key &&
	            'value' in key &&
	            key.value === null)
	            pair = new Pair.Pair(key.key, null);
	        else
	            pair = new Pair.Pair(key, null);
	        const prev = YAMLMap.findPair(this.items, pair.key);
	        if (!prev)
	            this.items.push(pair);
	    }
	    /**
	     * If `keepPair` is `true`, returns the Pair matching `key`.
	     * Otherwise, returns the value of that Pair's key.
	     */
	    get(key, keepPair) {
	        const pair = YAMLMap.findPair(this.items, key);
	        return !keepPair && identity.isPair(pair)
	            ? identity.isScalar(pair.key)
	                ? pair.key.value
	                : pair.key
	            : pair;
	    }
	    set(key, value) {
	        if (typeof value !== 'boolean')
	            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
	        const prev = YAMLMap.findPair(this.items, key);
	        if (prev && !value) {
	            this.items.splice(this.items.indexOf(prev), 1);
	        }
	        else if (!prev && value) {
	            this.items.push(new Pair.Pair(key));
	        }
	    }
	    toJSON(_, ctx) {
	        return super.toJSON(_, ctx, Set);
	    }
	    toString(ctx, onComment, onChompKeep) {
	        if (!ctx)
	            return JSON.stringify(this);
	        if (this.hasAllNullValues(true))
	            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
	        else
	            throw new Error('Set items must all have null values');
	    }
	    static from(schema, iterable, ctx) {
	        const { replacer } = ctx;
	        const set = new this(schema);
	        if (iterable && Symbol.iterator in Object(iterable))
	            for (let value of iterable) {
	                if (typeof replacer === 'function')
	                    value = replacer.call(iterable, value, value);
	                set.items.push(Pair.createPair(value, null, ctx));
	            }
	        return set;
	    }
	}
	YAMLSet.tag = 'tag:yaml.org,2002:set';
	const set$1 = {
	    collection: 'map',
	    identify: value => value instanceof Set,
	    nodeClass: YAMLSet,
	    default: false,
	    tag: 'tag:yaml.org,2002:set',
	    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
	    resolve(map, onError) {
	        if (identity.isMap(map)) {
	            if (map.hasAllNullValues(true))
	                return Object.assign(new YAMLSet(), map);
	            else
	                onError('Set items must all have null values');
	        }
	        else
	            onError('Expected a mapping for this tag');
	        return map;
	    }
	};

	set.YAMLSet = YAMLSet;
	set.set = set$1;
	return set;
}

var timestamp = {};

var hasRequiredTimestamp;

function requireTimestamp () {
	if (hasRequiredTimestamp) return timestamp;
	hasRequiredTimestamp = 1;

	var stringifyNumber = requireStringifyNumber();

	/** Internal types handle bigint as number, because TS can't figure it out. */
	function parseSexagesimal(str, asBigInt) {
	    const sign = str[0];
	    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
	    const num = (n) => asBigInt ? BigInt(n) : Number(n);
	    const res = parts
	        .replace(/_/g, '')
	        .split(':')
	        .reduce((res, p) => res * num(60) + num(p), num(0));
	    return (sign === '-' ? num(-1) * res : res);
	}
	/**
	 * hhhh:mm:ss.sss
	 *
	 * Internal types handle bigint as number, because TS can't figure it out.
	 */
	function stringifySexagesimal(node) {
	    let { value } = node;
	    let num = (n) => n;
	    if (typeof value === 'bigint')
	        num = n => BigInt(n);
	    else if (isNaN(value) || !isFinite(value))
	        return stringifyNumber.stringifyNumber(node);
	    let sign = '';
	    if (value < 0) {
	        sign = '-';
	        value *= num(-1);
	    }
	    const _60 = num(60);
	    const parts = [value % _60]; // seconds, including ms
	    if (value < 60) {
	        parts.unshift(0); // at least one : is required
	    }
	    else {
	        value = (value - parts[0]) / _60;
	        parts.unshift(value % _60); // minutes
	        if (value >= 60) {
	            value = (value - parts[0]) / _60;
	            parts.unshift(value); // hours
	        }
	    }
	    return (sign +
	        parts
	            .map(n => String(n).padStart(2, '0'))
	            .join(':')
	            .replace(/000000\d*$/, '') // % 60 may introduce error
	    );
	}
	const intTime = {
	    identify: value => typeof value === 'bigint' || Number.isInteger(value),
	    default: true,
	    tag: 'tag:yaml.org,2002:int',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
	    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
	    stringify: stringifySexagesimal
	};
	const floatTime = {
	    identify: value => typeof value === 'number',
	    default: true,
	    tag: 'tag:yaml.org,2002:float',
	    format: 'TIME',
	    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
	    resolve: str => parseSexagesimal(str, false),
	    stringify: stringifySexagesimal
	};
	const timestamp$1 = {
	    identify: value => value instanceof Date,
	    default: true,
	    tag: 'tag:yaml.org,2002:timestamp',
	    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
	    // may be omitted altogether, resulting in a date format. In such a case, the time part is
	    // assumed to be 00:00:00Z (start of day, UTC).
	    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
	        '(?:' + // time is optional
	        '(?:t|T|[ \\t]+)' + // t | T | whitespace
	        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
	        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
	        ')?$'),
	    resolve(str) {
	        const match = str.match(timestamp$1.test);
	        if (!match)
	            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
	        const [, year, month, day, hour, minute, second] = match.map(Number);
	        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
	        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
	        const tz = match[8];
	        if (tz && tz !== 'Z') {
	            let d = parseSexagesimal(tz, false);
	            if (Math.abs(d) < 30)
	                d *= 60;
	            date -= 60000 * d;
	        }
	        return new Date(date);
	    },
	    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
	};

	timestamp.floatTime = floatTime;
	timestamp.intTime = intTime;
	timestamp.timestamp = timestamp$1;
	return timestamp;
}

var hasRequiredSchema$1;

function requireSchema$1 () {
	if (hasRequiredSchema$1) return schema;
	hasRequiredSchema$1 = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var binary = requireBinary();
	var bool = requireBool();
	var float = requireFloat();
	var int = requireInt();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schema$1 = [
	    map.map,
	    seq.seq,
	    string.string,
	    _null.nullTag,
	    bool.trueTag,
	    bool.falseTag,
	    int.intBin,
	    int.intOct,
	    int.int,
	    int.intHex,
	    float.floatNaN,
	    float.floatExp,
	    float.float,
	    binary.binary,
	    merge.merge,
	    omap.omap,
	    pairs.pairs,
	    set.set,
	    timestamp.intTime,
	    timestamp.floatTime,
	    timestamp.timestamp
	];

	schema.schema = schema$1;
	return schema;
}

var hasRequiredTags;

function requireTags () {
	if (hasRequiredTags) return tags;
	hasRequiredTags = 1;

	var map = requireMap();
	var _null = require_null();
	var seq = requireSeq();
	var string = requireString();
	var bool = requireBool$1();
	var float = requireFloat$1();
	var int = requireInt$1();
	var schema = requireSchema$3();
	var schema$1 = requireSchema$2();
	var binary = requireBinary();
	var merge = requireMerge();
	var omap = requireOmap();
	var pairs = requirePairs();
	var schema$2 = requireSchema$1();
	var set = requireSet();
	var timestamp = requireTimestamp();

	const schemas = new Map([
	    ['core', schema.schema],
	    ['failsafe', [map.map, seq.seq, string.string]],
	    ['json', schema$1.schema],
	    ['yaml11', schema$2.schema],
	    ['yaml-1.1', schema$2.schema]
	]);
	const tagsByName = {
	    binary: binary.binary,
	    bool: bool.boolTag,
	    float: float.float,
	    floatExp: float.floatExp,
	    floatNaN: float.floatNaN,
	    floatTime: timestamp.floatTime,
	    int: int.int,
	    intHex: int.intHex,
	    intOct: int.intOct,
	    intTime: timestamp.intTime,
	    map: map.map,
	    merge: merge.merge,
	    null: _null.nullTag,
	    omap: omap.omap,
	    pairs: pairs.pairs,
	    seq: seq.seq,
	    set: set.set,
	    timestamp: timestamp.timestamp
	};
	const coreKnownTags = {
	    'tag:yaml.org,2002:binary': binary.binary,
	    'tag:yaml.org,2002:merge': merge.merge,
	    'tag:yaml.org,2002:omap': omap.omap,
	    'tag:yaml.org,2002:pairs': pairs.pairs,
	    'tag:yaml.org,2002:set': set.set,
	    'tag:yaml.org,2002:timestamp': timestamp.timestamp
	};
	function getTags(customTags, schemaName, addMergeTag) {
	    const schemaTags = schemas.get(schemaName);
	    if (schemaTags && !customTags) {
	        return addMergeTag && !schemaTags.includes(merge.merge)
	            ? schemaTags.concat(merge.merge)
	            : schemaTags.slice();
	    }
	    let tags = schemaTags;
	    if (!tags) {
	        if (Array.isArray(customTags))
	            tags = [];
	        else {
	            const keys = Array.from(schemas.keys())
	                .filter(key => key !== 'yaml11')
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
	        }
	    }
	    if (Array.isArray(customTags)) {
	        for (const tag of customTags)
	            tags = tags.concat(tag);
	    }
	    else if (typeof customTags === 'function') {
	        tags = customTags(tags.slice());
	    }
	    if (addMergeTag)
	        tags = tags.concat(merge.merge);
	    return tags.reduce((tags, tag) => {
	        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
	        if (!tagObj) {
	            const tagName = JSON.stringify(tag);
	            const keys = Object.keys(tagsByName)
	                .map(key => JSON.stringify(key))
	                .join(', ');
	            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
	        }
	        if (!tags.includes(tagObj))
	            tags.push(tagObj);
	        return tags;
	    }, []);
	}

	tags.coreKnownTags = coreKnownTags;
	tags.getTags = getTags;
	return tags;
}

var hasRequiredSchema;

function requireSchema () {
	if (hasRequiredSchema) return Schema;
	hasRequiredSchema = 1;

	var identity = requireIdentity();
	var map = requireMap();
	var seq = requireSeq();
	var string = requireString();
	var tags = requireTags();

	const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
	let Schema$1 = class Schema {
	    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
	        this.compat = Array.isArray(compat)
	            ? tags.getTags(compat, 'compat')
	            : compat
	                ? tags.getTags(null, compat)
	                : null;
	        this.name = (typeof schema === 'string' && schema) || 'core';
	        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
	        this.tags = tags.getTags(customTags, this.name, merge);
	        this.toStringOptions = toStringDefaults ?? null;
	        Object.defineProperty(this, identity.MAP, { value: map.map });
	        Object.defineProperty(this, identity.SCALAR, { value: string.string });
	        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
	        // Used by createMap()
	        this.sortMapEntries =
	            typeof sortMapEntries === 'function'
	                ? sortMapEntries
	                : sortMapEntries === true
	                    ? sortMapEntriesByKey
	                    : null;
	    }
	    clone() {
	        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
	        copy.tags = this.tags.slice();
	        return copy;
	    }
	};

	Schema.Schema = Schema$1;
	return Schema;
}

var stringifyDocument = {};

var hasRequiredStringifyDocument;

function requireStringifyDocument () {
	if (hasRequiredStringifyDocument) return stringifyDocument;
	hasRequiredStringifyDocument = 1;

	var identity = requireIdentity();
	var stringify = requireStringify();
	var stringifyComment = requireStringifyComment();

	function stringifyDocument$1(doc, options) {
	    const lines = [];
	    let hasDirectives = options.directives === true;
	    if (options.directives !== false && doc.directives) {
	        const dir = doc.directives.toString(doc);
	        if (dir) {
	            lines.push(dir);
	            hasDirectives = true;
	        }
	        else if (doc.directives.docStart)
	            hasDirectives = true;
	    }
	    if (hasDirectives)
	        lines.push('---');
	    const ctx = stringify.createStringifyContext(doc, options);
	    const { commentString } = ctx.options;
	    if (doc.commentBefore) {
	        if (lines.length !== 1)
	            lines.unshift('');
	        const cs = commentString(doc.commentBefore);
	        lines.unshift(stringifyComment.indentComment(cs, ''));
	    }
	    let chompKeep = false;
	    let contentComment = null;
	    if (doc.contents) {
	        if (identity.isNode(doc.contents)) {
	            if (doc.contents.spaceBefore && hasDirectives)
	                lines.push('');
	            if (doc.contents.commentBefore) {
	                const cs = commentString(doc.contents.commentBefore);
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            // top-level block scalars need to be indented if followed by a comment
	            ctx.forceBlockIndent = !!doc.comment;
	            contentComment = doc.contents.comment;
	        }
	        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
	        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
	        if (contentComment)
	            body += stringifyComment.lineComment(body, '', commentString(contentComment));
	        if ((body[0] === '|' || body[0] === '>') &&
	            lines[lines.length - 1] === '---') {
	            // Top-level block scalars with a preceding doc marker ought to use the
	            // same line for their header.
	            lines[lines.length - 1] = `--- ${body}`;
	        }
	        else
	            lines.push(body);
	    }
	    else {
	        lines.push(stringify.stringify(doc.contents, ctx));
	    }
	    if (doc.directives?.docEnd) {
	        if (doc.comment) {
	            const cs = commentString(doc.comment);
	            if (cs.includes('\n')) {
	                lines.push('...');
	                lines.push(stringifyComment.indentComment(cs, ''));
	            }
	            else {
	                lines.push(`... ${cs}`);
	            }
	        }
	        else {
	            lines.push('...');
	        }
	    }
	    else {
	        let dc = doc.comment;
	        if (dc && chompKeep)
	            dc = dc.replace(/^\n+/, '');
	        if (dc) {
	            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
	                lines.push('');
	            lines.push(stringifyComment.indentComment(commentString(dc), ''));
	        }
	    }
	    return lines.join('\n') + '\n';
	}

	stringifyDocument.stringifyDocument = stringifyDocument$1;
	return stringifyDocument;
}

var hasRequiredDocument;

function requireDocument () {
	if (hasRequiredDocument) return Document;
	hasRequiredDocument = 1;

	var Alias = requireAlias();
	var Collection = requireCollection();
	var identity = requireIdentity();
	var Pair = requirePair();
	var toJS = requireToJS();
	var Schema = requireSchema();
	var stringifyDocument = requireStringifyDocument();
	var anchors = requireAnchors();
	var applyReviver = requireApplyReviver();
	var createNode = requireCreateNode();
	var directives = requireDirectives();

	let Document$1 = class Document {
	    constructor(value, replacer, options) {
	        /** A comment before this Document */
	        this.commentBefore = null;
	        /** A comment immediately after this Document */
	        this.comment = null;
	        /** Errors encountered during parsing. */
	        this.errors = [];
	        /** Warnings encountered during parsing. */
	        this.warnings = [];
	        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
	        let _replacer = null;
	        if (typeof replacer === 'function' || Array.isArray(replacer)) {
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const opt = Object.assign({
	            intAsBigInt: false,
	            keepSourceTokens: false,
	            logLevel: 'warn',
	            prettyErrors: true,
	            strict: true,
	            stringKeys: false,
	            uniqueKeys: true,
	            version: '1.2'
	        }, options);
	        this.options = opt;
	        let { version } = opt;
	        if (options?._directives) {
	            this.directives = options._directives.atDocument();
	            if (this.directives.yaml.explicit)
	                version = this.directives.yaml.version;
	        }
	        else
	            this.directives = new directives.Directives({ version });
	        this.setSchema(version, options);
	        // @ts-expect-error We can't really know that this matches Contents.
	        this.contents =
	            value === undefined ? null : this.createNode(value, _replacer, options);
	    }
	    /**
	     * Create a deep copy of this Document and its contents.
	     *
	     * Custom Node values that inherit from `Object` still refer to their original instances.
	     */
	    clone() {
	        const copy = Object.create(Document.prototype, {
	            [identity.NODE_TYPE]: { value: identity.DOC }
	        });
	        copy.commentBefore = this.commentBefore;
	        copy.comment = this.comment;
	        copy.errors = this.errors.slice();
	        copy.warnings = this.warnings.slice();
	        copy.options = Object.assign({}, this.options);
	        if (this.directives)
	            copy.directives = this.directives.clone();
	        copy.schema = this.schema.clone();
	        // @ts-expect-error We can't really know that this matches Contents.
	        copy.contents = identity.isNode(this.contents)
	            ? this.contents.clone(copy.schema)
	            : this.contents;
	        if (this.range)
	            copy.range = this.range.slice();
	        return copy;
	    }
	    /** Adds a value to the document. */
	    add(value) {
	        if (assertCollection(this.contents))
	            this.contents.add(value);
	    }
	    /** Adds a value to the document. */
	    addIn(path, value) {
	        if (assertCollection(this.contents))
	            this.contents.addIn(path, value);
	    }
	    /**
	     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
	     *
	     * If `node` already has an anchor, `name` is ignored.
	     * Otherwise, the `node.anchor` value will be set to `name`,
	     * or if an anchor with that name is already present in the document,
	     * `name` will be used as a prefix for a new unique anchor.
	     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
	     */
	    createAlias(node, name) {
	        if (!node.anchor) {
	            const prev = anchors.anchorNames(this);
	            node.anchor =
	                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
	        }
	        return new Alias.Alias(node.anchor);
	    }
	    createNode(value, replacer, options) {
	        let _replacer = undefined;
	        if (typeof replacer === 'function') {
	            value = replacer.call({ '': value }, '', value);
	            _replacer = replacer;
	        }
	        else if (Array.isArray(replacer)) {
	            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
	            const asStr = replacer.filter(keyToStr).map(String);
	            if (asStr.length > 0)
	                replacer = replacer.concat(asStr);
	            _replacer = replacer;
	        }
	        else if (options === undefined && replacer) {
	            options = replacer;
	            replacer = undefined;
	        }
	        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
	        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        anchorPrefix || 'a');
	        const ctx = {
	            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
	            keepUndefined: keepUndefined ?? false,
	            onAnchor,
	            onTagObj,
	            replacer: _replacer,
	            schema: this.schema,
	            sourceObjects
	        };
	        const node = createNode.createNode(value, tag, ctx);
	        if (flow && identity.isCollection(node))
	            node.flow = true;
	        setAnchors();
	        return node;
	    }
	    /**
	     * Convert a key and a value into a `Pair` using the current schema,
	     * recursively wrapping all values as `Scalar` or `Collection` nodes.
	     */
	    createPair(key, value, options = {}) {
	        const k = this.createNode(key, null, options);
	        const v = this.createNode(value, null, options);
	        return new Pair.Pair(k, v);
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    delete(key) {
	        return assertCollection(this.contents) ? this.contents.delete(key) : false;
	    }
	    /**
	     * Removes a value from the document.
	     * @returns `true` if the item was found and removed.
	     */
	    deleteIn(path) {
	        if (Collection.isEmptyPath(path)) {
	            if (this.contents == null)
	                return false;
	            // @ts-expect-error Presumed impossible if Strict extends false
	            this.contents = null;
	            return true;
	        }
	        return assertCollection(this.contents)
	            ? this.contents.deleteIn(path)
	            : false;
	    }
	    /**
	     * Returns item at `key`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    get(key, keepScalar) {
	        return identity.isCollection(this.contents)
	            ? this.contents.get(key, keepScalar)
	            : undefined;
	    }
	    /**
	     * Returns item at `path`, or `undefined` if not found. By default unwraps
	     * scalar values from their surrounding node; to disable set `keepScalar` to
	     * `true` (collections are always returned intact).
	     */
	    getIn(path, keepScalar) {
	        if (Collection.isEmptyPath(path))
	            return !keepScalar && identity.isScalar(this.contents)
	                ? this.contents.value
	                : this.contents;
	        return identity.isCollection(this.contents)
	            ? this.contents.getIn(path, keepScalar)
	            : undefined;
	    }
	    /**
	     * Checks if the document includes a value with the key `key`.
	     */
	    has(key) {
	        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
	    }
	    /**
	     * Checks if the document includes a value at `path`.
	     */
	    hasIn(path) {
	        if (Collection.isEmptyPath(path))
	            return this.contents !== undefined;
	        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    set(key, value) {
	        if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, [key], value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.set(key, value);
	        }
	    }
	    /**
	     * Sets a value in this document. For `!!set`, `value` needs to be a
	     * boolean to add/remove the item from the set.
	     */
	    setIn(path, value) {
	        if (Collection.isEmptyPath(path)) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = value;
	        }
	        else if (this.contents == null) {
	            // @ts-expect-error We can't really know that this matches Contents.
	            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
	        }
	        else if (assertCollection(this.contents)) {
	            this.contents.setIn(path, value);
	        }
	    }
	    /**
	     * Change the YAML version and schema used by the document.
	     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
	     * It also requires the `schema` option to be given as a `Schema` instance value.
	     *
	     * Overrides all previously set schema options.
	     */
	    setSchema(version, options = {}) {
	        if (typeof version === 'number')
	            version = String(version);
	        let opt;
	        switch (version) {
	            case '1.1':
	                if (this.directives)
	                    this.directives.yaml.version = '1.1';
	                else
	                    this.directives = new directives.Directives({ version: '1.1' });
	                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
	                break;
	            case '1.2':
	            case 'next':
	                if (this.directives)
	                    this.directives.yaml.version = version;
	                else
	                    this.directives = new directives.Directives({ version });
	                opt = { resolveKnownTags: true, schema: 'core' };
	                break;
	            case null:
	                if (this.directives)
	                    delete this.directives;
	                opt = null;
	                break;
	            default: {
	                const sv = JSON.stringify(version);
	                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
	            }
	        }
	        // Not using `instanceof Schema` to allow for duck typing
	        if (options.schema instanceof Object)
	            this.schema = options.schema;
	        else if (opt)
	            this.schema = new Schema.Schema(Object.assign(opt, options));
	        else
	            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
	    }
	    // json & jsonArg are only used from toJSON()
	    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
	        const ctx = {
	            anchors: new Map(),
	            doc: this,
	            keep: !json,
	            mapAsMap: mapAsMap === true,
	            mapKeyWarned: false,
	            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
	        };
	        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
	        if (typeof onAnchor === 'function')
	            for (const { count, res } of ctx.anchors.values())
	                onAnchor(res, count);
	        return typeof reviver === 'function'
	            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
	            : res;
	    }
	    /**
	     * A JSON representation of the document `contents`.
	     *
	     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
	     *   property name.
	     */
	    toJSON(jsonArg, onAnchor) {
	        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
	    }
	    /** A YAML representation of the document. */
	    toString(options = {}) {
	        if (this.errors.length > 0)
	            throw new Error('Document with errors cannot be stringified');
	        if ('indent' in options &&
	            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
	            const s = JSON.stringify(options.indent);
	            throw new Error(`"indent" option must be a positive integer, not ${s}`);
	        }
	        return stringifyDocument.stringifyDocument(this, options);
	    }
	};
	function assertCollection(contents) {
	    if (identity.isCollection(contents))
	        return true;
	    throw new Error('Expected a YAML collection as document contents');
	}

	Document.Document = Document$1;
	return Document;
}

var errors = {};

var hasRequiredErrors;

function requireErrors () {
	if (hasRequiredErrors) return errors;
	hasRequiredErrors = 1;

	class YAMLError extends Error {
	    constructor(name, pos, code, message) {
	        super();
	        this.name = name;
	        this.code = code;
	        this.message = message;
	        this.pos = pos;
	    }
	}
	class YAMLParseError extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLParseError', pos, code, message);
	    }
	}
	class YAMLWarning extends YAMLError {
	    constructor(pos, code, message) {
	        super('YAMLWarning', pos, code, message);
	    }
	}
	const prettifyError = (src, lc) => (error) => {
	    if (error.pos[0] === -1)
	        return;
	    error.linePos = error.pos.map(pos => lc.linePos(pos));
	    const { line, col } = error.linePos[0];
	    error.message += ` at line ${line}, column ${col}`;
	    let ci = col - 1;
	    let lineStr = src
	        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
	        .replace(/[\n\r]+$/, '');
	    // Trim to max 80 chars, keeping col position near the middle
	    if (ci >= 60 && lineStr.length > 80) {
	        const trimStart = Math.min(ci - 39, lineStr.length - 79);
	        lineStr = '…' + lineStr.substring(trimStart);
	        ci -= trimStart - 1;
	    }
	    if (lineStr.length > 80)
	        lineStr = lineStr.substring(0, 79) + '…';
	    // Include previous line in context if pointing at line start
	    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
	        // Regexp won't match if start is trimmed
	        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
	        if (prev.length > 80)
	            prev = prev.substring(0, 79) + '…\n';
	        lineStr = prev + lineStr;
	    }
	    if (/[^ ]/.test(lineStr)) {
	        let count = 1;
	        const end = error.linePos[1];
	        if (end?.line === line && end.col > col) {
	            count = Math.max(1, Math.min(end.col - col, 80 - ci));
	        }
	        const pointer = ' '.repeat(ci) + '^'.repeat(count);
	        error.message += `:\n\n${lineStr}\n${pointer}\n`;
	    }
	};

	errors.YAMLError = YAMLError;
	errors.YAMLParseError = YAMLParseError;
	errors.YAMLWarning = YAMLWarning;
	errors.prettifyError = prettifyError;
	return errors;
}

var composeDoc = {};

var composeNode = {};

var composeCollection = {};

var resolveBlockMap = {};

var resolveProps = {};

var hasRequiredResolveProps;

function requireResolveProps () {
	if (hasRequiredResolveProps) return resolveProps;
	hasRequiredResolveProps = 1;

	function resolveProps$1(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
	    let spaceBefore = false;
	    let atNewline = startOnNewline;
	    let hasSpace = startOnNewline;
	    let comment = '';
	    let commentSep = '';
	    let hasNewline = false;
	    let reqSpace = false;
	    let tab = null;
	    let anchor = null;
	    let tag = null;
	    let newlineAfterProp = null;
	    let comma = null;
	    let found = null;
	    let start = null;
	    for (const token of tokens) {
	        if (reqSpace) {
	            if (token.type !== 'space' &&
	                token.type !== 'newline' &&
	                token.type !== 'comma')
	                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	            reqSpace = false;
	        }
	        if (tab) {
	            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
	                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	            }
	            tab = null;
	        }
	        switch (token.type) {
	            case 'space':
	                // At the doc level, tabs at line start may be parsed
	                // as leading white space rather than indentation.
	                // In a flow collection, only the parser handles indent.
	                if (!flow &&
	                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
	                    token.source.includes('\t')) {
	                    tab = token;
	                }
	                hasSpace = true;
	                break;
	            case 'comment': {
	                if (!hasSpace)
	                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                const cb = token.source.substring(1) || ' ';
	                if (!comment)
	                    comment = cb;
	                else
	                    comment += commentSep + cb;
	                commentSep = '';
	                atNewline = false;
	                break;
	            }
	            case 'newline':
	                if (atNewline) {
	                    if (comment)
	                        comment += token.source;
	                    else if (!found || indicator !== 'seq-item-ind')
	                        spaceBefore = true;
	                }
	                else
	                    commentSep += token.source;
	                atNewline = true;
	                hasNewline = true;
	                if (anchor || tag)
	                    newlineAfterProp = token;
	                hasSpace = true;
	                break;
	            case 'anchor':
	                if (anchor)
	                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
	                if (token.source.endsWith(':'))
	                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
	                anchor = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            case 'tag': {
	                if (tag)
	                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
	                tag = token;
	                start ?? (start = token.offset);
	                atNewline = false;
	                hasSpace = false;
	                reqSpace = true;
	                break;
	            }
	            case indicator:
	                // Could here handle preceding comments differently
	                if (anchor || tag)
	                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
	                if (found)
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
	                found = token;
	                atNewline =
	                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
	                hasSpace = false;
	                break;
	            case 'comma':
	                if (flow) {
	                    if (comma)
	                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
	                    comma = token;
	                    atNewline = false;
	                    hasSpace = false;
	                    break;
	                }
	            // else fallthrough
	            default:
	                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
	                atNewline = false;
	                hasSpace = false;
	        }
	    }
	    const last = tokens[tokens.length - 1];
	    const end = last ? last.offset + last.source.length : offset;
	    if (reqSpace &&
	        next &&
	        next.type !== 'space' &&
	        next.type !== 'newline' &&
	        next.type !== 'comma' &&
	        (next.type !== 'scalar' || next.source !== '')) {
	        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
	    }
	    if (tab &&
	        ((atNewline && tab.indent <= parentIndent) ||
	            next?.type === 'block-map' ||
	            next?.type === 'block-seq'))
	        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
	    return {
	        comma,
	        found,
	        spaceBefore,
	        comment,
	        hasNewline,
	        anchor,
	        tag,
	        newlineAfterProp,
	        end,
	        start: start ?? end
	    };
	}

	resolveProps.resolveProps = resolveProps$1;
	return resolveProps;
}

var utilContainsNewline = {};

var hasRequiredUtilContainsNewline;

function requireUtilContainsNewline () {
	if (hasRequiredUtilContainsNewline) return utilContainsNewline;
	hasRequiredUtilContainsNewline = 1;

	function containsNewline(key) {
	    if (!key)
	        return null;
	    switch (key.type) {
	        case 'alias':
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            if (key.source.includes('\n'))
	                return true;
	            if (key.end)
	                for (const st of key.end)
	                    if (st.type === 'newline')
	                        return true;
	            return false;
	        case 'flow-collection':
	            for (const it of key.items) {
	                for (const st of it.start)
	                    if (st.type === 'newline')
	                        return true;
	                if (it.sep)
	                    for (const st of it.sep)
	                        if (st.type === 'newline')
	                            return true;
	                if (containsNewline(it.key) || containsNewline(it.value))
	                    return true;
	            }
	            return false;
	        default:
	            return true;
	    }
	}

	utilContainsNewline.containsNewline = containsNewline;
	return utilContainsNewline;
}

var utilFlowIndentCheck = {};

var hasRequiredUtilFlowIndentCheck;

function requireUtilFlowIndentCheck () {
	if (hasRequiredUtilFlowIndentCheck) return utilFlowIndentCheck;
	hasRequiredUtilFlowIndentCheck = 1;

	var utilContainsNewline = requireUtilContainsNewline();

	function flowIndentCheck(indent, fc, onError) {
	    if (fc?.type === 'flow-collection') {
	        const end = fc.end[0];
	        if (end.indent === indent &&
	            (end.source === ']' || end.source === '}') &&
	            utilContainsNewline.containsNewline(fc)) {
	            const msg = 'Flow end indicator should be more indented than parent';
	            onError(end, 'BAD_INDENT', msg, true);
	        }
	    }
	}

	utilFlowIndentCheck.flowIndentCheck = flowIndentCheck;
	return utilFlowIndentCheck;
}

var utilMapIncludes = {};

var hasRequiredUtilMapIncludes;

function requireUtilMapIncludes () {
	if (hasRequiredUtilMapIncludes) return utilMapIncludes;
	hasRequiredUtilMapIncludes = 1;

	var identity = requireIdentity();

	function mapIncludes(ctx, items, search) {
	    const { uniqueKeys } = ctx.options;
	    if (uniqueKeys === false)
	        return false;
	    const isEqual = typeof uniqueKeys === 'function'
	        ? uniqueKeys
	        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
	    return items.some(pair => isEqual(pair.key, search));
	}

	utilMapIncludes.mapIncludes = mapIncludes;
	return utilMapIncludes;
}

var hasRequiredResolveBlockMap;

function requireResolveBlockMap () {
	if (hasRequiredResolveBlockMap) return resolveBlockMap;
	hasRequiredResolveBlockMap = 1;

	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();
	var utilMapIncludes = requireUtilMapIncludes();

	const startColMsg = 'All mapping items must start at the same column';
	function resolveBlockMap$1({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
	    const map = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    let offset = bm.offset;
	    let commentEnd = null;
	    for (const collItem of bm.items) {
	        const { start, key, sep, value } = collItem;
	        // key properties
	        const keyProps = resolveProps.resolveProps(start, {
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: true
	        });
	        const implicitKey = !keyProps.found;
	        if (implicitKey) {
	            if (key) {
	                if (key.type === 'block-seq')
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
	                else if ('indent' in key && key.indent !== bm.indent)
	                    onError(offset, 'BAD_INDENT', startColMsg);
	            }
	            if (!keyProps.anchor && !keyProps.tag && !sep) {
	                commentEnd = keyProps.end;
	                if (keyProps.comment) {
	                    if (map.comment)
	                        map.comment += '\n' + keyProps.comment;
	                    else
	                        map.comment = keyProps.comment;
	                }
	                continue;
	            }
	            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
	                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
	            }
	        }
	        else if (keyProps.found?.indent !== bm.indent) {
	            onError(offset, 'BAD_INDENT', startColMsg);
	        }
	        // key value
	        ctx.atKey = true;
	        const keyStart = keyProps.end;
	        const keyNode = key
	            ? composeNode(ctx, key, keyProps, onError)
	            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
	        ctx.atKey = false;
	        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	        // value properties
	        const valueProps = resolveProps.resolveProps(sep ?? [], {
	            indicator: 'map-value-ind',
	            next: value,
	            offset: keyNode.range[2],
	            onError,
	            parentIndent: bm.indent,
	            startOnNewline: !key || key.type === 'block-scalar'
	        });
	        offset = valueProps.end;
	        if (valueProps.found) {
	            if (implicitKey) {
	                if (value?.type === 'block-map' && !valueProps.hasNewline)
	                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
	                if (ctx.options.strict &&
	                    keyProps.start < valueProps.found.offset - 1024)
	                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
	            if (ctx.schema.compat)
	                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
	            offset = valueNode.range[2];
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	        else {
	            // key with no value
	            if (implicitKey)
	                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
	            if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            map.items.push(pair);
	        }
	    }
	    if (commentEnd && commentEnd < offset)
	        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
	    map.range = [bm.offset, offset, commentEnd ?? offset];
	    return map;
	}

	resolveBlockMap.resolveBlockMap = resolveBlockMap$1;
	return resolveBlockMap;
}

var resolveBlockSeq = {};

var hasRequiredResolveBlockSeq;

function requireResolveBlockSeq () {
	if (hasRequiredResolveBlockSeq) return resolveBlockSeq;
	hasRequiredResolveBlockSeq = 1;

	var YAMLSeq = requireYAMLSeq();
	var resolveProps = requireResolveProps();
	var utilFlowIndentCheck = requireUtilFlowIndentCheck();

	function resolveBlockSeq$1({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
	    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
	    const seq = new NodeClass(ctx.schema);
	    if (ctx.atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = bs.offset;
	    let commentEnd = null;
	    for (const { start, value } of bs.items) {
	        const props = resolveProps.resolveProps(start, {
	            indicator: 'seq-item-ind',
	            next: value,
	            offset,
	            onError,
	            parentIndent: bs.indent,
	            startOnNewline: true
	        });
	        if (!props.found) {
	            if (props.anchor || props.tag || value) {
	                if (value?.type === 'block-seq')
	                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
	                else
	                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
	            }
	            else {
	                commentEnd = props.end;
	                if (props.comment)
	                    seq.comment = props.comment;
	                continue;
	            }
	        }
	        const node = value
	            ? composeNode(ctx, value, props, onError)
	            : composeEmptyNode(ctx, props.end, start, null, props, onError);
	        if (ctx.schema.compat)
	            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
	        offset = node.range[2];
	        seq.items.push(node);
	    }
	    seq.range = [bs.offset, offset, commentEnd ?? offset];
	    return seq;
	}

	resolveBlockSeq.resolveBlockSeq = resolveBlockSeq$1;
	return resolveBlockSeq;
}

var resolveFlowCollection = {};

var resolveEnd = {};

var hasRequiredResolveEnd;

function requireResolveEnd () {
	if (hasRequiredResolveEnd) return resolveEnd;
	hasRequiredResolveEnd = 1;

	function resolveEnd$1(end, offset, reqSpace, onError) {
	    let comment = '';
	    if (end) {
	        let hasSpace = false;
	        let sep = '';
	        for (const token of end) {
	            const { source, type } = token;
	            switch (type) {
	                case 'space':
	                    hasSpace = true;
	                    break;
	                case 'comment': {
	                    if (reqSpace && !hasSpace)
	                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
	                    const cb = source.substring(1) || ' ';
	                    if (!comment)
	                        comment = cb;
	                    else
	                        comment += sep + cb;
	                    sep = '';
	                    break;
	                }
	                case 'newline':
	                    if (comment)
	                        sep += source;
	                    hasSpace = true;
	                    break;
	                default:
	                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
	            }
	            offset += source.length;
	        }
	    }
	    return { comment, offset };
	}

	resolveEnd.resolveEnd = resolveEnd$1;
	return resolveEnd;
}

var hasRequiredResolveFlowCollection;

function requireResolveFlowCollection () {
	if (hasRequiredResolveFlowCollection) return resolveFlowCollection;
	hasRequiredResolveFlowCollection = 1;

	var identity = requireIdentity();
	var Pair = requirePair();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();
	var utilContainsNewline = requireUtilContainsNewline();
	var utilMapIncludes = requireUtilMapIncludes();

	const blockMsg = 'Block collections are not allowed within flow collections';
	const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
	function resolveFlowCollection$1({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
	    const isMap = fc.start.source === '{';
	    const fcName = isMap ? 'flow map' : 'flow sequence';
	    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
	    const coll = new NodeClass(ctx.schema);
	    coll.flow = true;
	    const atRoot = ctx.atRoot;
	    if (atRoot)
	        ctx.atRoot = false;
	    if (ctx.atKey)
	        ctx.atKey = false;
	    let offset = fc.offset + fc.start.source.length;
	    for (let i = 0; i < fc.items.length; ++i) {
	        const collItem = fc.items[i];
	        const { start, key, sep, value } = collItem;
	        const props = resolveProps.resolveProps(start, {
	            flow: fcName,
	            indicator: 'explicit-key-ind',
	            next: key ?? sep?.[0],
	            offset,
	            onError,
	            parentIndent: fc.indent,
	            startOnNewline: false
	        });
	        if (!props.found) {
	            if (!props.anchor && !props.tag && !sep && !value) {
	                if (i === 0 && props.comma)
	                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	                else if (i < fc.items.length - 1)
	                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
	                if (props.comment) {
	                    if (coll.comment)
	                        coll.comment += '\n' + props.comment;
	                    else
	                        coll.comment = props.comment;
	                }
	                offset = props.end;
	                continue;
	            }
	            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
	                onError(key, // checked by containsNewline()
	                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	        }
	        if (i === 0) {
	            if (props.comma)
	                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
	        }
	        else {
	            if (!props.comma)
	                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
	            if (props.comment) {
	                let prevItemComment = '';
	                loop: for (const st of start) {
	                    switch (st.type) {
	                        case 'comma':
	                        case 'space':
	                            break;
	                        case 'comment':
	                            prevItemComment = st.source.substring(1);
	                            break loop;
	                        default:
	                            break loop;
	                    }
	                }
	                if (prevItemComment) {
	                    let prev = coll.items[coll.items.length - 1];
	                    if (identity.isPair(prev))
	                        prev = prev.value ?? prev.key;
	                    if (prev.comment)
	                        prev.comment += '\n' + prevItemComment;
	                    else
	                        prev.comment = prevItemComment;
	                    props.comment = props.comment.substring(prevItemComment.length + 1);
	                }
	            }
	        }
	        if (!isMap && !sep && !props.found) {
	            // item is a value in a seq
	            // → key & sep are empty, start does not include ? or :
	            const valueNode = value
	                ? composeNode(ctx, value, props, onError)
	                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
	            coll.items.push(valueNode);
	            offset = valueNode.range[2];
	            if (isBlock(value))
	                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	        }
	        else {
	            // item is a key+value pair
	            // key value
	            ctx.atKey = true;
	            const keyStart = props.end;
	            const keyNode = key
	                ? composeNode(ctx, key, props, onError)
	                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
	            if (isBlock(key))
	                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            ctx.atKey = false;
	            // value properties
	            const valueProps = resolveProps.resolveProps(sep ?? [], {
	                flow: fcName,
	                indicator: 'map-value-ind',
	                next: value,
	                offset: keyNode.range[2],
	                onError,
	                parentIndent: fc.indent,
	                startOnNewline: false
	            });
	            if (valueProps.found) {
	                if (!isMap && !props.found && ctx.options.strict) {
	                    if (sep)
	                        for (const st of sep) {
	                            if (st === valueProps.found)
	                                break;
	                            if (st.type === 'newline') {
	                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
	                                break;
	                            }
	                        }
	                    if (props.start < valueProps.found.offset - 1024)
	                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
	                }
	            }
	            else if (value) {
	                if ('source' in value && value.source?.[0] === ':')
	                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
	                else
	                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
	            }
	            // value value
	            const valueNode = value
	                ? composeNode(ctx, value, valueProps, onError)
	                : valueProps.found
	                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
	                    : null;
	            if (valueNode) {
	                if (isBlock(value))
	                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
	            }
	            else if (valueProps.comment) {
	                if (keyNode.comment)
	                    keyNode.comment += '\n' + valueProps.comment;
	                else
	                    keyNode.comment = valueProps.comment;
	            }
	            const pair = new Pair.Pair(keyNode, valueNode);
	            if (ctx.options.keepSourceTokens)
	                pair.srcToken = collItem;
	            if (isMap) {
	                const map = coll;
	                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
	                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
	                map.items.push(pair);
	            }
	            else {
	                const map = new YAMLMap.YAMLMap(ctx.schema);
	                map.flow = true;
	                map.items.push(pair);
	                const endRange = (valueNode ?? keyNode).range;
	                map.range = [keyNode.range[0], endRange[1], endRange[2]];
	                coll.items.push(map);
	            }
	            offset = valueNode ? valueNode.range[2] : valueProps.end;
	        }
	    }
	    const expectedEnd = isMap ? '}' : ']';
	    const [ce, ...ee] = fc.end;
	    let cePos = offset;
	    if (ce?.source === expectedEnd)
	        cePos = ce.offset + ce.source.length;
	    else {
	        const name = fcName[0].toUpperCase() + fcName.substring(1);
	        const msg = atRoot
	            ? `${name} must end with a ${expectedEnd}`
	            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
	        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
	        if (ce && ce.source.length !== 1)
	            ee.unshift(ce);
	    }
	    if (ee.length > 0) {
	        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
	        if (end.comment) {
	            if (coll.comment)
	                coll.comment += '\n' + end.comment;
	            else
	                coll.comment = end.comment;
	        }
	        coll.range = [fc.offset, cePos, end.offset];
	    }
	    else {
	        coll.range = [fc.offset, cePos, cePos];
	    }
	    return coll;
	}

	resolveFlowCollection.resolveFlowCollection = resolveFlowCollection$1;
	return resolveFlowCollection;
}

var hasRequiredComposeCollection;

function requireComposeCollection () {
	if (hasRequiredComposeCollection) return composeCollection;
	hasRequiredComposeCollection = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var resolveBlockMap = requireResolveBlockMap();
	var resolveBlockSeq = requireResolveBlockSeq();
	var resolveFlowCollection = requireResolveFlowCollection();

	function resolveCollection(CN, ctx, token, onError, tagName, tag) {
	    const coll = token.type === 'block-map'
	        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
	        : token.type === 'block-seq'
	            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
	            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
	    const Coll = coll.constructor;
	    // If we got a tagName matching the class, or the tag name is '!',
	    // then use the tagName from the node class used to create it.
	    if (tagName === '!' || tagName === Coll.tagName) {
	        coll.tag = Coll.tagName;
	        return coll;
	    }
	    if (tagName)
	        coll.tag = tagName;
	    return coll;
	}
	function composeCollection$1(CN, ctx, token, props, onError) {
	    const tagToken = props.tag;
	    const tagName = !tagToken
	        ? null
	        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
	    if (token.type === 'block-seq') {
	        const { anchor, newlineAfterProp: nl } = props;
	        const lastProp = anchor && tagToken
	            ? anchor.offset > tagToken.offset
	                ? anchor
	                : tagToken
	            : (anchor ?? tagToken);
	        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
	            const message = 'Missing newline after block sequence props';
	            onError(lastProp, 'MISSING_CHAR', message);
	        }
	    }
	    const expType = token.type === 'block-map'
	        ? 'map'
	        : token.type === 'block-seq'
	            ? 'seq'
	            : token.start.source === '{'
	                ? 'map'
	                : 'seq';
	    // shortcut: check if it's a generic YAMLMap or YAMLSeq
	    // before jumping into the custom tag logic.
	    if (!tagToken ||
	        !tagName ||
	        tagName === '!' ||
	        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
	        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
	        return resolveCollection(CN, ctx, token, onError, tagName);
	    }
	    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
	    if (!tag) {
	        const kt = ctx.schema.knownTags[tagName];
	        if (kt?.collection === expType) {
	            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
	            tag = kt;
	        }
	        else {
	            if (kt) {
	                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
	            }
	            else {
	                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
	            }
	            return resolveCollection(CN, ctx, token, onError, tagName);
	        }
	    }
	    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
	    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
	    const node = identity.isNode(res)
	        ? res
	        : new Scalar.Scalar(res);
	    node.range = coll.range;
	    node.tag = tagName;
	    if (tag?.format)
	        node.format = tag.format;
	    return node;
	}

	composeCollection.composeCollection = composeCollection$1;
	return composeCollection;
}

var composeScalar = {};

var resolveBlockScalar = {};

var hasRequiredResolveBlockScalar;

function requireResolveBlockScalar () {
	if (hasRequiredResolveBlockScalar) return resolveBlockScalar;
	hasRequiredResolveBlockScalar = 1;

	var Scalar = requireScalar();

	function resolveBlockScalar$1(ctx, scalar, onError) {
	    const start = scalar.offset;
	    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
	    if (!header)
	        return { value: '', type: null, comment: '', range: [start, start, start] };
	    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
	    const lines = scalar.source ? splitLines(scalar.source) : [];
	    // determine the end of content & start of chomping
	    let chompStart = lines.length;
	    for (let i = lines.length - 1; i >= 0; --i) {
	        const content = lines[i][1];
	        if (content === '' || content === '\r')
	            chompStart = i;
	        else
	            break;
	    }
	    // shortcut for empty contents
	    if (chompStart === 0) {
	        const value = header.chomp === '+' && lines.length > 0
	            ? '\n'.repeat(Math.max(1, lines.length - 1))
	            : '';
	        let end = start + header.length;
	        if (scalar.source)
	            end += scalar.source.length;
	        return { value, type, comment: header.comment, range: [start, end, end] };
	    }
	    // find the indentation level to trim from start
	    let trimIndent = scalar.indent + header.indent;
	    let offset = scalar.offset + header.length;
	    let contentStart = 0;
	    for (let i = 0; i < chompStart; ++i) {
	        const [indent, content] = lines[i];
	        if (content === '' || content === '\r') {
	            if (header.indent === 0 && indent.length > trimIndent)
	                trimIndent = indent.length;
	        }
	        else {
	            if (indent.length < trimIndent) {
	                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
	                onError(offset + indent.length, 'MISSING_CHAR', message);
	            }
	            if (header.indent === 0)
	                trimIndent = indent.length;
	            contentStart = i;
	            if (trimIndent === 0 && !ctx.atRoot) {
	                const message = 'Block scalar values in collections must be indented';
	                onError(offset, 'BAD_INDENT', message);
	            }
	            break;
	        }
	        offset += indent.length + content.length + 1;
	    }
	    // include trailing more-indented empty lines in content
	    for (let i = lines.length - 1; i >= chompStart; --i) {
	        if (lines[i][0].length > trimIndent)
	            chompStart = i + 1;
	    }
	    let value = '';
	    let sep = '';
	    let prevMoreIndented = false;
	    // leading whitespace is kept intact
	    for (let i = 0; i < contentStart; ++i)
	        value += lines[i][0].slice(trimIndent) + '\n';
	    for (let i = contentStart; i < chompStart; ++i) {
	        let [indent, content] = lines[i];
	        offset += indent.length + content.length + 1;
	        const crlf = content[content.length - 1] === '\r';
	        if (crlf)
	            content = content.slice(0, -1);
	        /* istanbul ignore if already caught in lexer */
	        if (content && indent.length < trimIndent) {
	            const src = header.indent
	                ? 'explicit indentation indicator'
	                : 'first line';
	            const message = `Block scalar lines must not be less indented than their ${src}`;
	            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
	            indent = '';
	        }
	        if (type === Scalar.Scalar.BLOCK_LITERAL) {
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	        }
	        else if (indent.length > trimIndent || content[0] === '\t') {
	            // more-indented content within a folded block
	            if (sep === ' ')
	                sep = '\n';
	            else if (!prevMoreIndented && sep === '\n')
	                sep = '\n\n';
	            value += sep + indent.slice(trimIndent) + content;
	            sep = '\n';
	            prevMoreIndented = true;
	        }
	        else if (content === '') {
	            // empty line
	            if (sep === '\n')
	                value += '\n';
	            else
	                sep = '\n';
	        }
	        else {
	            value += sep + content;
	            sep = ' ';
	            prevMoreIndented = false;
	        }
	    }
	    switch (header.chomp) {
	        case '-':
	            break;
	        case '+':
	            for (let i = chompStart; i < lines.length; ++i)
	                value += '\n' + lines[i][0].slice(trimIndent);
	            if (value[value.length - 1] !== '\n')
	                value += '\n';
	            break;
	        default:
	            value += '\n';
	    }
	    const end = start + header.length + scalar.source.length;
	    return { value, type, comment: header.comment, range: [start, end, end] };
	}
	function parseBlockScalarHeader({ offset, props }, strict, onError) {
	    /* istanbul ignore if should not happen */
	    if (props[0].type !== 'block-scalar-header') {
	        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
	        return null;
	    }
	    const { source } = props[0];
	    const mode = source[0];
	    let indent = 0;
	    let chomp = '';
	    let error = -1;
	    for (let i = 1; i < source.length; ++i) {
	        const ch = source[i];
	        if (!chomp && (ch === '-' || ch === '+'))
	            chomp = ch;
	        else {
	            const n = Number(ch);
	            if (!indent && n)
	                indent = n;
	            else if (error === -1)
	                error = offset + i;
	        }
	    }
	    if (error !== -1)
	        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
	    let hasSpace = false;
	    let comment = '';
	    let length = source.length;
	    for (let i = 1; i < props.length; ++i) {
	        const token = props[i];
	        switch (token.type) {
	            case 'space':
	                hasSpace = true;
	            // fallthrough
	            case 'newline':
	                length += token.source.length;
	                break;
	            case 'comment':
	                if (strict && !hasSpace) {
	                    const message = 'Comments must be separated from other tokens by white space characters';
	                    onError(token, 'MISSING_CHAR', message);
	                }
	                length += token.source.length;
	                comment = token.source.substring(1);
	                break;
	            case 'error':
	                onError(token, 'UNEXPECTED_TOKEN', token.message);
	                length += token.source.length;
	                break;
	            /* istanbul ignore next should not happen */
	            default: {
	                const message = `Unexpected token in block scalar header: ${token.type}`;
	                onError(token, 'UNEXPECTED_TOKEN', message);
	                const ts = token.source;
	                if (ts && typeof ts === 'string')
	                    length += ts.length;
	            }
	        }
	    }
	    return { mode, indent, chomp, comment, length };
	}
	/** @returns Array of lines split up as `[indent, content]` */
	function splitLines(source) {
	    const split = source.split(/\n( *)/);
	    const first = split[0];
	    const m = first.match(/^( *)/);
	    const line0 = m?.[1]
	        ? [m[1], first.slice(m[1].length)]
	        : ['', first];
	    const lines = [line0];
	    for (let i = 1; i < split.length; i += 2)
	        lines.push([split[i], split[i + 1]]);
	    return lines;
	}

	resolveBlockScalar.resolveBlockScalar = resolveBlockScalar$1;
	return resolveBlockScalar;
}

var resolveFlowScalar = {};

var hasRequiredResolveFlowScalar;

function requireResolveFlowScalar () {
	if (hasRequiredResolveFlowScalar) return resolveFlowScalar;
	hasRequiredResolveFlowScalar = 1;

	var Scalar = requireScalar();
	var resolveEnd = requireResolveEnd();

	function resolveFlowScalar$1(scalar, strict, onError) {
	    const { offset, type, source, end } = scalar;
	    let _type;
	    let value;
	    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
	    switch (type) {
	        case 'scalar':
	            _type = Scalar.Scalar.PLAIN;
	            value = plainValue(source, _onError);
	            break;
	        case 'single-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_SINGLE;
	            value = singleQuotedValue(source, _onError);
	            break;
	        case 'double-quoted-scalar':
	            _type = Scalar.Scalar.QUOTE_DOUBLE;
	            value = doubleQuotedValue(source, _onError);
	            break;
	        /* istanbul ignore next should not happen */
	        default:
	            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
	            return {
	                value: '',
	                type: null,
	                comment: '',
	                range: [offset, offset + source.length, offset + source.length]
	            };
	    }
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
	    return {
	        value,
	        type: _type,
	        comment: re.comment,
	        range: [offset, valueEnd, re.offset]
	    };
	}
	function plainValue(source, onError) {
	    let badChar = '';
	    switch (source[0]) {
	        /* istanbul ignore next should not happen */
	        case '\t':
	            badChar = 'a tab character';
	            break;
	        case ',':
	            badChar = 'flow indicator character ,';
	            break;
	        case '%':
	            badChar = 'directive indicator character %';
	            break;
	        case '|':
	        case '>': {
	            badChar = `block scalar indicator ${source[0]}`;
	            break;
	        }
	        case '@':
	        case '`': {
	            badChar = `reserved character ${source[0]}`;
	            break;
	        }
	    }
	    if (badChar)
	        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
	    return unfoldLines(source);
	}
	function singleQuotedValue(source, onError) {
	    if (source[source.length - 1] !== "'" || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
	    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
	}
	function unfoldLines(source) {
	    const line = /(.*?)\r?\n/sy;
	    let match = line.exec(source);
	    if (!match)
	        return source;
	    /**
	     * The negative lookbehinds in these RegExps are to
	     * prevent causing a polynomial search time in certain cases.
	     *
	     * The try-catch is for Safari < 16.4 and other old browsers:
	     * https://caniuse.com/js-regexp-lookbehind
	     */
	    let trimEnd, trimBoth;
	    try {
	        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
	        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
	    }
	    catch {
	        trimEnd = /[ \t]+$/;
	        trimBoth = /^[ \t]+|[ \t]+$/g;
	    }
	    let res = match[1].replace(trimEnd, '');
	    let sep = ' ';
	    let pos = line.lastIndex;
	    while ((match = line.exec(source))) {
	        const lm = match[1].replace(trimBoth, '');
	        if (lm === '') {
	            if (sep === '\n')
	                res += sep;
	            else
	                sep = '\n';
	        }
	        else {
	            res += sep + lm;
	            sep = ' ';
	        }
	        pos = line.lastIndex;
	    }
	    const last = /[ \t]*(.*)/sy;
	    last.lastIndex = pos;
	    match = last.exec(source);
	    return res + sep + (match?.[1] ?? '');
	}
	function doubleQuotedValue(source, onError) {
	    let res = '';
	    for (let i = 1; i < source.length - 1; ++i) {
	        const ch = source[i];
	        if (ch === '\r' && source[i + 1] === '\n')
	            continue;
	        if (ch === '\n') {
	            const { fold, offset } = foldNewline(source, i);
	            res += fold;
	            i = offset;
	        }
	        else if (ch === '\\') {
	            let next = source[++i];
	            const cc = escapeCodes[next];
	            if (cc)
	                res += cc;
	            else if (next === '\n') {
	                // skip escaped newlines, but still trim the following line
	                next = source[i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === '\r' && source[i + 1] === '\n') {
	                // skip escaped CRLF newlines, but still trim the following line
	                next = source[++i + 1];
	                while (next === ' ' || next === '\t')
	                    next = source[++i + 1];
	            }
	            else if (next === 'x' || next === 'u' || next === 'U') {
	                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
	                res += parseCharCode(source, i + 1, length, onError);
	                i += length;
	            }
	            else {
	                const raw = source.substr(i - 1, 2);
	                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	                res += raw;
	            }
	        }
	        else if (ch === ' ' || ch === '\t') {
	            // trim trailing whitespace
	            const wsStart = i;
	            let next = source[i + 1];
	            while (next === ' ' || next === '\t')
	                next = source[++i + 1];
	            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
	                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
	        }
	        else {
	            res += ch;
	        }
	    }
	    if (source[source.length - 1] !== '"' || source.length === 1)
	        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
	    return res;
	}
	/**
	 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
	 * Presumes `source[offset] === '\n'`
	 */
	function foldNewline(source, offset) {
	    let fold = '';
	    let ch = source[offset + 1];
	    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
	        if (ch === '\r' && source[offset + 2] !== '\n')
	            break;
	        if (ch === '\n')
	            fold += '\n';
	        offset += 1;
	        ch = source[offset + 1];
	    }
	    if (!fold)
	        fold = ' ';
	    return { fold, offset };
	}
	const escapeCodes = {
	    '0': '\0', // null character
	    a: '\x07', // bell character
	    b: '\b', // backspace
	    e: '\x1b', // escape character
	    f: '\f', // form feed
	    n: '\n', // line feed
	    r: '\r', // carriage return
	    t: '\t', // horizontal tab
	    v: '\v', // vertical tab
	    N: '\u0085', // Unicode next line
	    _: '\u00a0', // Unicode non-breaking space
	    L: '\u2028', // Unicode line separator
	    P: '\u2029', // Unicode paragraph separator
	    ' ': ' ',
	    '"': '"',
	    '/': '/',
	    '\\': '\\',
	    '\t': '\t'
	};
	function parseCharCode(source, offset, length, onError) {
	    const cc = source.substr(offset, length);
	    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
	    const code = ok ? parseInt(cc, 16) : NaN;
	    try {
	        return String.fromCodePoint(code);
	    }
	    catch {
	        const raw = source.substr(offset - 2, length + 2);
	        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
	        return raw;
	    }
	}

	resolveFlowScalar.resolveFlowScalar = resolveFlowScalar$1;
	return resolveFlowScalar;
}

var hasRequiredComposeScalar;

function requireComposeScalar () {
	if (hasRequiredComposeScalar) return composeScalar;
	hasRequiredComposeScalar = 1;

	var identity = requireIdentity();
	var Scalar = requireScalar();
	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();

	function composeScalar$1(ctx, token, tagToken, onError) {
	    const { value, type, comment, range } = token.type === 'block-scalar'
	        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
	        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
	    const tagName = tagToken
	        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
	        : null;
	    let tag;
	    if (ctx.options.stringKeys && ctx.atKey) {
	        tag = ctx.schema[identity.SCALAR];
	    }
	    else if (tagName)
	        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
	    else if (token.type === 'scalar')
	        tag = findScalarTagByTest(ctx, value, token, onError);
	    else
	        tag = ctx.schema[identity.SCALAR];
	    let scalar;
	    try {
	        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
	        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
	    }
	    catch (error) {
	        const msg = error instanceof Error ? error.message : String(error);
	        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
	        scalar = new Scalar.Scalar(value);
	    }
	    scalar.range = range;
	    scalar.source = value;
	    if (type)
	        scalar.type = type;
	    if (tagName)
	        scalar.tag = tagName;
	    if (tag.format)
	        scalar.format = tag.format;
	    if (comment)
	        scalar.comment = comment;
	    return scalar;
	}
	function findScalarTagByName(schema, value, tagName, tagToken, onError) {
	    if (tagName === '!')
	        return schema[identity.SCALAR]; // non-specific tag
	    const matchWithTest = [];
	    for (const tag of schema.tags) {
	        if (!tag.collection && tag.tag === tagName) {
	            if (tag.default && tag.test)
	                matchWithTest.push(tag);
	            else
	                return tag;
	        }
	    }
	    for (const tag of matchWithTest)
	        if (tag.test?.test(value))
	            return tag;
	    const kt = schema.knownTags[tagName];
	    if (kt && !kt.collection) {
	        // Ensure that the known tag is available for stringifying,
	        // but does not get used by default.
	        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
	        return kt;
	    }
	    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
	    return schema[identity.SCALAR];
	}
	function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
	    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
	        tag.test?.test(value)) || schema[identity.SCALAR];
	    if (schema.compat) {
	        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
	            schema[identity.SCALAR];
	        if (tag.tag !== compat.tag) {
	            const ts = directives.tagString(tag.tag);
	            const cs = directives.tagString(compat.tag);
	            const msg = `Value may be parsed as either ${ts} or ${cs}`;
	            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
	        }
	    }
	    return tag;
	}

	composeScalar.composeScalar = composeScalar$1;
	return composeScalar;
}

var utilEmptyScalarPosition = {};

var hasRequiredUtilEmptyScalarPosition;

function requireUtilEmptyScalarPosition () {
	if (hasRequiredUtilEmptyScalarPosition) return utilEmptyScalarPosition;
	hasRequiredUtilEmptyScalarPosition = 1;

	function emptyScalarPosition(offset, before, pos) {
	    if (before) {
	        pos ?? (pos = before.length);
	        for (let i = pos - 1; i >= 0; --i) {
	            let st = before[i];
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                case 'newline':
	                    offset -= st.source.length;
	                    continue;
	            }
	            // Technically, an empty scalar is immediately after the last non-empty
	            // node, but it's more useful to place it after any whitespace.
	            st = before[++i];
	            while (st?.type === 'space') {
	                offset += st.source.length;
	                st = before[++i];
	            }
	            break;
	        }
	    }
	    return offset;
	}

	utilEmptyScalarPosition.emptyScalarPosition = emptyScalarPosition;
	return utilEmptyScalarPosition;
}

var hasRequiredComposeNode;

function requireComposeNode () {
	if (hasRequiredComposeNode) return composeNode;
	hasRequiredComposeNode = 1;

	var Alias = requireAlias();
	var identity = requireIdentity();
	var composeCollection = requireComposeCollection();
	var composeScalar = requireComposeScalar();
	var resolveEnd = requireResolveEnd();
	var utilEmptyScalarPosition = requireUtilEmptyScalarPosition();

	const CN = { composeNode: composeNode$1, composeEmptyNode };
	function composeNode$1(ctx, token, props, onError) {
	    const atKey = ctx.atKey;
	    const { spaceBefore, comment, anchor, tag } = props;
	    let node;
	    let isSrcToken = true;
	    switch (token.type) {
	        case 'alias':
	            node = composeAlias(ctx, token, onError);
	            if (anchor || tag)
	                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
	            break;
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'block-scalar':
	            node = composeScalar.composeScalar(ctx, token, tag, onError);
	            if (anchor)
	                node.anchor = anchor.source.substring(1);
	            break;
	        case 'block-map':
	        case 'block-seq':
	        case 'flow-collection':
	            try {
	                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
	                if (anchor)
	                    node.anchor = anchor.source.substring(1);
	            }
	            catch (error) {
	                // Almost certainly here due to a stack overflow
	                const message = error instanceof Error ? error.message : String(error);
	                onError(token, 'RESOURCE_EXHAUSTION', message);
	            }
	            break;
	        default: {
	            const message = token.type === 'error'
	                ? token.message
	                : `Unsupported token (type: ${token.type})`;
	            onError(token, 'UNEXPECTED_TOKEN', message);
	            isSrcToken = false;
	        }
	    }
	    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
	    if (anchor && node.anchor === '')
	        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    if (atKey &&
	        ctx.options.stringKeys &&
	        (!identity.isScalar(node) ||
	            typeof node.value !== 'string' ||
	            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
	        const msg = 'With stringKeys, all keys must be strings';
	        onError(tag ?? token, 'NON_STRING_KEY', msg);
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        if (token.type === 'scalar' && token.source === '')
	            node.comment = comment;
	        else
	            node.commentBefore = comment;
	    }
	    // @ts-expect-error Type checking misses meaning of isSrcToken
	    if (ctx.options.keepSourceTokens && isSrcToken)
	        node.srcToken = token;
	    return node;
	}
	function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
	    const token = {
	        type: 'scalar',
	        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
	        indent: -1,
	        source: ''
	    };
	    const node = composeScalar.composeScalar(ctx, token, tag, onError);
	    if (anchor) {
	        node.anchor = anchor.source.substring(1);
	        if (node.anchor === '')
	            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
	    }
	    if (spaceBefore)
	        node.spaceBefore = true;
	    if (comment) {
	        node.comment = comment;
	        node.range[2] = end;
	    }
	    return node;
	}
	function composeAlias({ options }, { offset, source, end }, onError) {
	    const alias = new Alias.Alias(source.substring(1));
	    if (alias.source === '')
	        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
	    if (alias.source.endsWith(':'))
	        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
	    const valueEnd = offset + source.length;
	    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
	    alias.range = [offset, valueEnd, re.offset];
	    if (re.comment)
	        alias.comment = re.comment;
	    return alias;
	}

	composeNode.composeEmptyNode = composeEmptyNode;
	composeNode.composeNode = composeNode$1;
	return composeNode;
}

var hasRequiredComposeDoc;

function requireComposeDoc () {
	if (hasRequiredComposeDoc) return composeDoc;
	hasRequiredComposeDoc = 1;

	var Document = requireDocument();
	var composeNode = requireComposeNode();
	var resolveEnd = requireResolveEnd();
	var resolveProps = requireResolveProps();

	function composeDoc$1(options, directives, { offset, start, value, end }, onError) {
	    const opts = Object.assign({ _directives: directives }, options);
	    const doc = new Document.Document(undefined, opts);
	    const ctx = {
	        atKey: false,
	        atRoot: true,
	        directives: doc.directives,
	        options: doc.options,
	        schema: doc.schema
	    };
	    const props = resolveProps.resolveProps(start, {
	        indicator: 'doc-start',
	        next: value ?? end?.[0],
	        offset,
	        onError,
	        parentIndent: 0,
	        startOnNewline: true
	    });
	    if (props.found) {
	        doc.directives.docStart = true;
	        if (value &&
	            (value.type === 'block-map' || value.type === 'block-seq') &&
	            !props.hasNewline)
	            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
	    }
	    // @ts-expect-error If Contents is set, let's trust the user
	    doc.contents = value
	        ? composeNode.composeNode(ctx, value, props, onError)
	        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
	    const contentEnd = doc.contents.range[2];
	    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
	    if (re.comment)
	        doc.comment = re.comment;
	    doc.range = [offset, contentEnd, re.offset];
	    return doc;
	}

	composeDoc.composeDoc = composeDoc$1;
	return composeDoc;
}

var hasRequiredComposer;

function requireComposer () {
	if (hasRequiredComposer) return composer;
	hasRequiredComposer = 1;

	var node_process = require$$0;
	var directives = requireDirectives();
	var Document = requireDocument();
	var errors = requireErrors();
	var identity = requireIdentity();
	var composeDoc = requireComposeDoc();
	var resolveEnd = requireResolveEnd();

	function getErrorPos(src) {
	    if (typeof src === 'number')
	        return [src, src + 1];
	    if (Array.isArray(src))
	        return src.length === 2 ? src : [src[0], src[1]];
	    const { offset, source } = src;
	    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
	}
	function parsePrelude(prelude) {
	    let comment = '';
	    let atComment = false;
	    let afterEmptyLine = false;
	    for (let i = 0; i < prelude.length; ++i) {
	        const source = prelude[i];
	        switch (source[0]) {
	            case '#':
	                comment +=
	                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
	                        (source.substring(1) || ' ');
	                atComment = true;
	                afterEmptyLine = false;
	                break;
	            case '%':
	                if (prelude[i + 1]?.[0] !== '#')
	                    i += 1;
	                atComment = false;
	                break;
	            default:
	                // This may be wrong after doc-end, but in that case it doesn't matter
	                if (!atComment)
	                    afterEmptyLine = true;
	                atComment = false;
	        }
	    }
	    return { comment, afterEmptyLine };
	}
	/**
	 * Compose a stream of CST nodes into a stream of YAML Documents.
	 *
	 * ```ts
	 * import { Composer, Parser } from 'yaml'
	 *
	 * const src: string = ...
	 * const tokens = new Parser().parse(src)
	 * const docs = new Composer().compose(tokens)
	 * ```
	 */
	class Composer {
	    constructor(options = {}) {
	        this.doc = null;
	        this.atDirectives = false;
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	        this.onError = (source, code, message, warning) => {
	            const pos = getErrorPos(source);
	            if (warning)
	                this.warnings.push(new errors.YAMLWarning(pos, code, message));
	            else
	                this.errors.push(new errors.YAMLParseError(pos, code, message));
	        };
	        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
	        this.directives = new directives.Directives({ version: options.version || '1.2' });
	        this.options = options;
	    }
	    decorate(doc, afterDoc) {
	        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
	        //console.log({ dc: doc.comment, prelude, comment })
	        if (comment) {
	            const dc = doc.contents;
	            if (afterDoc) {
	                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
	            }
	            else if (afterEmptyLine || doc.directives.docStart || !dc) {
	                doc.commentBefore = comment;
	            }
	            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
	                let it = dc.items[0];
	                if (identity.isPair(it))
	                    it = it.key;
	                const cb = it.commentBefore;
	                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	            else {
	                const cb = dc.commentBefore;
	                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
	            }
	        }
	        if (afterDoc) {
	            for (let i = 0; i < this.errors.length; ++i)
	                doc.errors.push(this.errors[i]);
	            for (let i = 0; i < this.warnings.length; ++i)
	                doc.warnings.push(this.warnings[i]);
	        }
	        else {
	            doc.errors = this.errors;
	            doc.warnings = this.warnings;
	        }
	        this.prelude = [];
	        this.errors = [];
	        this.warnings = [];
	    }
	    /**
	     * Current stream status information.
	     *
	     * Mostly useful at the end of input for an empty stream.
	     */
	    streamInfo() {
	        return {
	            comment: parsePrelude(this.prelude).comment,
	            directives: this.directives,
	            errors: this.errors,
	            warnings: this.warnings
	        };
	    }
	    /**
	     * Compose tokens into documents.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *compose(tokens, forceDoc = false, endOffset = -1) {
	        for (const token of tokens)
	            yield* this.next(token);
	        yield* this.end(forceDoc, endOffset);
	    }
	    /** Advance the composer by one CST token. */
	    *next(token) {
	        if (node_process.env.LOG_STREAM)
	            console.dir(token, { depth: null });
	        switch (token.type) {
	            case 'directive':
	                this.directives.add(token.source, (offset, message, warning) => {
	                    const pos = getErrorPos(token);
	                    pos[0] += offset;
	                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
	                });
	                this.prelude.push(token.source);
	                this.atDirectives = true;
	                break;
	            case 'document': {
	                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
	                if (this.atDirectives && !doc.directives.docStart)
	                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
	                this.decorate(doc, false);
	                if (this.doc)
	                    yield this.doc;
	                this.doc = doc;
	                this.atDirectives = false;
	                break;
	            }
	            case 'byte-order-mark':
	            case 'space':
	                break;
	            case 'comment':
	            case 'newline':
	                this.prelude.push(token.source);
	                break;
	            case 'error': {
	                const msg = token.source
	                    ? `${token.message}: ${JSON.stringify(token.source)}`
	                    : token.message;
	                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
	                if (this.atDirectives || !this.doc)
	                    this.errors.push(error);
	                else
	                    this.doc.errors.push(error);
	                break;
	            }
	            case 'doc-end': {
	                if (!this.doc) {
	                    const msg = 'Unexpected doc-end without preceding document';
	                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
	                    break;
	                }
	                this.doc.directives.docEnd = true;
	                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
	                this.decorate(this.doc, true);
	                if (end.comment) {
	                    const dc = this.doc.comment;
	                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
	                }
	                this.doc.range[2] = end.offset;
	                break;
	            }
	            default:
	                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
	        }
	    }
	    /**
	     * Call at end of input to yield any remaining document.
	     *
	     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
	     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
	     */
	    *end(forceDoc = false, endOffset = -1) {
	        if (this.doc) {
	            this.decorate(this.doc, true);
	            yield this.doc;
	            this.doc = null;
	        }
	        else if (forceDoc) {
	            const opts = Object.assign({ _directives: this.directives }, this.options);
	            const doc = new Document.Document(undefined, opts);
	            if (this.atDirectives)
	                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
	            doc.range = [0, endOffset, endOffset];
	            this.decorate(doc, false);
	            yield doc;
	        }
	    }
	}

	composer.Composer = Composer;
	return composer;
}

var cst = {};

var cstScalar = {};

var hasRequiredCstScalar;

function requireCstScalar () {
	if (hasRequiredCstScalar) return cstScalar;
	hasRequiredCstScalar = 1;

	var resolveBlockScalar = requireResolveBlockScalar();
	var resolveFlowScalar = requireResolveFlowScalar();
	var errors = requireErrors();
	var stringifyString = requireStringifyString();

	function resolveAsScalar(token, strict = true, onError) {
	    if (token) {
	        const _onError = (pos, code, message) => {
	            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
	            if (onError)
	                onError(offset, code, message);
	            else
	                throw new errors.YAMLParseError([offset, offset + 1], code, message);
	        };
	        switch (token.type) {
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
	            case 'block-scalar':
	                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
	        }
	    }
	    return null;
	}
	/**
	 * Create a new scalar token with `value`
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.indent The indent level of the token.
	 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
	 * @param context.offset The offset position of the token.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function createScalarToken(value, context) {
	    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey,
	        indent: indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    const end = context.end ?? [
	        { type: 'newline', offset: -1, indent, source: '\n' }
	    ];
	    switch (source[0]) {
	        case '|':
	        case '>': {
	            const he = source.indexOf('\n');
	            const head = source.substring(0, he);
	            const body = source.substring(he + 1) + '\n';
	            const props = [
	                { type: 'block-scalar-header', offset, indent, source: head }
	            ];
	            if (!addEndtoBlockProps(props, end))
	                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	            return { type: 'block-scalar', offset, indent, props, source: body };
	        }
	        case '"':
	            return { type: 'double-quoted-scalar', offset, indent, source, end };
	        case "'":
	            return { type: 'single-quoted-scalar', offset, indent, source, end };
	        default:
	            return { type: 'scalar', offset, indent, source, end };
	    }
	}
	/**
	 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
	 *
	 * Best efforts are made to retain any comments previously associated with the `token`,
	 * though all contents within a collection's `items` will be overwritten.
	 *
	 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
	 * as this function does not support any schema operations and won't check for such conflicts.
	 *
	 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
	 * @param value The string representation of the value, which will have its content properly indented.
	 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
	 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
	 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
	 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
	 */
	function setScalarValue(token, value, context = {}) {
	    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
	    let indent = 'indent' in token ? token.indent : null;
	    if (afterKey && typeof indent === 'number')
	        indent += 2;
	    if (!type)
	        switch (token.type) {
	            case 'single-quoted-scalar':
	                type = 'QUOTE_SINGLE';
	                break;
	            case 'double-quoted-scalar':
	                type = 'QUOTE_DOUBLE';
	                break;
	            case 'block-scalar': {
	                const header = token.props[0];
	                if (header.type !== 'block-scalar-header')
	                    throw new Error('Invalid block scalar header');
	                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
	                break;
	            }
	            default:
	                type = 'PLAIN';
	        }
	    const source = stringifyString.stringifyString({ type, value }, {
	        implicitKey: implicitKey || indent === null,
	        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
	        inFlow,
	        options: { blockQuote: true, lineWidth: -1 }
	    });
	    switch (source[0]) {
	        case '|':
	        case '>':
	            setBlockScalarValue(token, source);
	            break;
	        case '"':
	            setFlowScalarValue(token, source, 'double-quoted-scalar');
	            break;
	        case "'":
	            setFlowScalarValue(token, source, 'single-quoted-scalar');
	            break;
	        default:
	            setFlowScalarValue(token, source, 'scalar');
	    }
	}
	function setBlockScalarValue(token, source) {
	    const he = source.indexOf('\n');
	    const head = source.substring(0, he);
	    const body = source.substring(he + 1) + '\n';
	    if (token.type === 'block-scalar') {
	        const header = token.props[0];
	        if (header.type !== 'block-scalar-header')
	            throw new Error('Invalid block scalar header');
	        header.source = head;
	        token.source = body;
	    }
	    else {
	        const { offset } = token;
	        const indent = 'indent' in token ? token.indent : -1;
	        const props = [
	            { type: 'block-scalar-header', offset, indent, source: head }
	        ];
	        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
	            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
	        for (const key of Object.keys(token))
	            if (key !== 'type' && key !== 'offset')
	                delete token[key];
	        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
	    }
	}
	/** @returns `true` if last token is a newline */
	function addEndtoBlockProps(props, end) {
	    if (end)
	        for (const st of end)
	            switch (st.type) {
	                case 'space':
	                case 'comment':
	                    props.push(st);
	                    break;
	                case 'newline':
	                    props.push(st);
	                    return true;
	            }
	    return false;
	}
	function setFlowScalarValue(token, source, type) {
	    switch (token.type) {
	        case 'scalar':
	        case 'double-quoted-scalar':
	        case 'single-quoted-scalar':
	            token.type = type;
	            token.source = source;
	            break;
	        case 'block-scalar': {
	            const end = token.props.slice(1);
	            let oa = source.length;
	            if (token.props[0].type === 'block-scalar-header')
	                oa -= token.props[0].source.length;
	            for (const tok of end)
	                tok.offset += oa;
	            delete token.props;
	            Object.assign(token, { type, source, end });
	            break;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            const offset = token.offset + source.length;
	            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
	            delete token.items;
	            Object.assign(token, { type, source, end: [nl] });
	            break;
	        }
	        default: {
	            const indent = 'indent' in token ? token.indent : -1;
	            const end = 'end' in token && Array.isArray(token.end)
	                ? token.end.filter(st => st.type === 'space' ||
	                    st.type === 'comment' ||
	                    st.type === 'newline')
	                : [];
	            for (const key of Object.keys(token))
	                if (key !== 'type' && key !== 'offset')
	                    delete token[key];
	            Object.assign(token, { type, indent, source, end });
	        }
	    }
	}

	cstScalar.createScalarToken = createScalarToken;
	cstScalar.resolveAsScalar = resolveAsScalar;
	cstScalar.setScalarValue = setScalarValue;
	return cstScalar;
}

var cstStringify = {};

var hasRequiredCstStringify;

function requireCstStringify () {
	if (hasRequiredCstStringify) return cstStringify;
	hasRequiredCstStringify = 1;

	/**
	 * Stringify a CST document, token, or collection item
	 *
	 * Fair warning: This applies no validation whatsoever, and
	 * simply concatenates the sources in their logical order.
	 */
	const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
	function stringifyToken(token) {
	    switch (token.type) {
	        case 'block-scalar': {
	            let res = '';
	            for (const tok of token.props)
	                res += stringifyToken(tok);
	            return res + token.source;
	        }
	        case 'block-map':
	        case 'block-seq': {
	            let res = '';
	            for (const item of token.items)
	                res += stringifyItem(item);
	            return res;
	        }
	        case 'flow-collection': {
	            let res = token.start.source;
	            for (const item of token.items)
	                res += stringifyItem(item);
	            for (const st of token.end)
	                res += st.source;
	            return res;
	        }
	        case 'document': {
	            let res = stringifyItem(token);
	            if (token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	        default: {
	            let res = token.source;
	            if ('end' in token && token.end)
	                for (const st of token.end)
	                    res += st.source;
	            return res;
	        }
	    }
	}
	function stringifyItem({ start, key, sep, value }) {
	    let res = '';
	    for (const st of start)
	        res += st.source;
	    if (key)
	        res += stringifyToken(key);
	    if (sep)
	        for (const st of sep)
	            res += st.source;
	    if (value)
	        res += stringifyToken(value);
	    return res;
	}

	cstStringify.stringify = stringify;
	return cstStringify;
}

var cstVisit = {};

var hasRequiredCstVisit;

function requireCstVisit () {
	if (hasRequiredCstVisit) return cstVisit;
	hasRequiredCstVisit = 1;

	const BREAK = Symbol('break visit');
	const SKIP = Symbol('skip children');
	const REMOVE = Symbol('remove item');
	/**
	 * Apply a visitor to a CST document or item.
	 *
	 * Walks through the tree (depth-first) starting from the root, calling a
	 * `visitor` function with two arguments when entering each item:
	 *   - `item`: The current item, which included the following members:
	 *     - `start: SourceToken[]` – Source tokens before the key or value,
	 *       possibly including its anchor or tag.
	 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
	 *       the key before the `:` separator is empty.
	 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
	 *       which should include the `:` map value indicator if `value` is set.
	 *     - `value?: Token` – The value of a sequence item, or of a map pair.
	 *   - `path`: The steps from the root to the current node, as an array of
	 *     `['key' | 'value', number]` tuples.
	 *
	 * The return value of the visitor may be used to control the traversal:
	 *   - `undefined` (default): Do nothing and continue
	 *   - `visit.SKIP`: Do not visit the children of this token, continue with
	 *      next sibling
	 *   - `visit.BREAK`: Terminate traversal completely
	 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
	 *   - `number`: Set the index of the next step. This is useful especially if
	 *     the index of the current token has changed.
	 *   - `function`: Define the next visitor for this item. After the original
	 *     visitor is called on item entry, next visitors are called after handling
	 *     a non-empty `key` and when exiting the item.
	 */
	function visit(cst, visitor) {
	    if ('type' in cst && cst.type === 'document')
	        cst = { start: cst.start, value: cst.value };
	    _visit(Object.freeze([]), cst, visitor);
	}
	// Without the `as symbol` casts, TS declares these in the `visit`
	// namespace using `var`, but then complains about that because
	// `unique symbol` must be `const`.
	/** Terminate visit traversal completely */
	visit.BREAK = BREAK;
	/** Do not visit the children of the current item */
	visit.SKIP = SKIP;
	/** Remove the current item */
	visit.REMOVE = REMOVE;
	/** Find the item at `path` from `cst` as the root */
	visit.itemAtPath = (cst, path) => {
	    let item = cst;
	    for (const [field, index] of path) {
	        const tok = item?.[field];
	        if (tok && 'items' in tok) {
	            item = tok.items[index];
	        }
	        else
	            return undefined;
	    }
	    return item;
	};
	/**
	 * Get the immediate parent collection of the item at `path` from `cst` as the root.
	 *
	 * Throws an error if the collection is not found, which should never happen if the item itself exists.
	 */
	visit.parentCollection = (cst, path) => {
	    const parent = visit.itemAtPath(cst, path.slice(0, -1));
	    const field = path[path.length - 1][0];
	    const coll = parent?.[field];
	    if (coll && 'items' in coll)
	        return coll;
	    throw new Error('Parent collection not found');
	};
	function _visit(path, item, visitor) {
	    let ctrl = visitor(item, path);
	    if (typeof ctrl === 'symbol')
	        return ctrl;
	    for (const field of ['key', 'value']) {
	        const token = item[field];
	        if (token && 'items' in token) {
	            for (let i = 0; i < token.items.length; ++i) {
	                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
	                if (typeof ci === 'number')
	                    i = ci - 1;
	                else if (ci === BREAK)
	                    return BREAK;
	                else if (ci === REMOVE) {
	                    token.items.splice(i, 1);
	                    i -= 1;
	                }
	            }
	            if (typeof ctrl === 'function' && field === 'key')
	                ctrl = ctrl(item, path);
	        }
	    }
	    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
	}

	cstVisit.visit = visit;
	return cstVisit;
}

var hasRequiredCst;

function requireCst () {
	if (hasRequiredCst) return cst;
	hasRequiredCst = 1;

	var cstScalar = requireCstScalar();
	var cstStringify = requireCstStringify();
	var cstVisit = requireCstVisit();

	/** The byte order mark */
	const BOM = '\u{FEFF}';
	/** Start of doc-mode */
	const DOCUMENT = '\x02'; // C0: Start of Text
	/** Unexpected end of flow-mode */
	const FLOW_END = '\x18'; // C0: Cancel
	/** Next token is a scalar value */
	const SCALAR = '\x1f'; // C0: Unit Separator
	/** @returns `true` if `token` is a flow or block collection */
	const isCollection = (token) => !!token && 'items' in token;
	/** @returns `true` if `token` is a flow or block scalar; not an alias */
	const isScalar = (token) => !!token &&
	    (token.type === 'scalar' ||
	        token.type === 'single-quoted-scalar' ||
	        token.type === 'double-quoted-scalar' ||
	        token.type === 'block-scalar');
	/* istanbul ignore next */
	/** Get a printable representation of a lexer token */
	function prettyToken(token) {
	    switch (token) {
	        case BOM:
	            return '<BOM>';
	        case DOCUMENT:
	            return '<DOC>';
	        case FLOW_END:
	            return '<FLOW_END>';
	        case SCALAR:
	            return '<SCALAR>';
	        default:
	            return JSON.stringify(token);
	    }
	}
	/** Identify the type of a lexer token. May return `null` for unknown tokens. */
	function tokenType(source) {
	    switch (source) {
	        case BOM:
	            return 'byte-order-mark';
	        case DOCUMENT:
	            return 'doc-mode';
	        case FLOW_END:
	            return 'flow-error-end';
	        case SCALAR:
	            return 'scalar';
	        case '---':
	            return 'doc-start';
	        case '...':
	            return 'doc-end';
	        case '':
	        case '\n':
	        case '\r\n':
	            return 'newline';
	        case '-':
	            return 'seq-item-ind';
	        case '?':
	            return 'explicit-key-ind';
	        case ':':
	            return 'map-value-ind';
	        case '{':
	            return 'flow-map-start';
	        case '}':
	            return 'flow-map-end';
	        case '[':
	            return 'flow-seq-start';
	        case ']':
	            return 'flow-seq-end';
	        case ',':
	            return 'comma';
	    }
	    switch (source[0]) {
	        case ' ':
	        case '\t':
	            return 'space';
	        case '#':
	            return 'comment';
	        case '%':
	            return 'directive-line';
	        case '*':
	            return 'alias';
	        case '&':
	            return 'anchor';
	        case '!':
	            return 'tag';
	        case "'":
	            return 'single-quoted-scalar';
	        case '"':
	            return 'double-quoted-scalar';
	        case '|':
	        case '>':
	            return 'block-scalar-header';
	    }
	    return null;
	}

	cst.createScalarToken = cstScalar.createScalarToken;
	cst.resolveAsScalar = cstScalar.resolveAsScalar;
	cst.setScalarValue = cstScalar.setScalarValue;
	cst.stringify = cstStringify.stringify;
	cst.visit = cstVisit.visit;
	cst.BOM = BOM;
	cst.DOCUMENT = DOCUMENT;
	cst.FLOW_END = FLOW_END;
	cst.SCALAR = SCALAR;
	cst.isCollection = isCollection;
	cst.isScalar = isScalar;
	cst.prettyToken = prettyToken;
	cst.tokenType = tokenType;
	return cst;
}

var lexer = {};

var hasRequiredLexer;

function requireLexer () {
	if (hasRequiredLexer) return lexer;
	hasRequiredLexer = 1;

	var cst = requireCst();

	/*
	START -> stream

	stream
	  directive -> line-end -> stream
	  indent + line-end -> stream
	  [else] -> line-start

	line-end
	  comment -> line-end
	  newline -> .
	  input-end -> END

	line-start
	  doc-start -> doc
	  doc-end -> stream
	  [else] -> indent -> block-start

	block-start
	  seq-item-start -> block-start
	  explicit-key-start -> block-start
	  map-value-start -> block-start
	  [else] -> doc

	doc
	  line-end -> line-start
	  spaces -> doc
	  anchor -> doc
	  tag -> doc
	  flow-start -> flow -> doc
	  flow-end -> error -> doc
	  seq-item-start -> error -> doc
	  explicit-key-start -> error -> doc
	  map-value-start -> doc
	  alias -> doc
	  quote-start -> quoted-scalar -> doc
	  block-scalar-header -> line-end -> block-scalar(min) -> line-start
	  [else] -> plain-scalar(false, min) -> doc

	flow
	  line-end -> flow
	  spaces -> flow
	  anchor -> flow
	  tag -> flow
	  flow-start -> flow -> flow
	  flow-end -> .
	  seq-item-start -> error -> flow
	  explicit-key-start -> flow
	  map-value-start -> flow
	  alias -> flow
	  quote-start -> quoted-scalar -> flow
	  comma -> flow
	  [else] -> plain-scalar(true, 0) -> flow

	quoted-scalar
	  quote-end -> .
	  [else] -> quoted-scalar

	block-scalar(min)
	  newline + peek(indent < min) -> .
	  [else] -> block-scalar(min)

	plain-scalar(is-flow, min)
	  scalar-end(is-flow) -> .
	  peek(newline + (indent < min)) -> .
	  [else] -> plain-scalar(min)
	*/
	function isEmpty(ch) {
	    switch (ch) {
	        case undefined:
	        case ' ':
	        case '\n':
	        case '\r':
	        case '\t':
	            return true;
	        default:
	            return false;
	    }
	}
	const hexDigits = new Set('0123456789ABCDEFabcdef');
	const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
	const flowIndicatorChars = new Set(',[]{}');
	const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
	const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
	/**
	 * Splits an input string into lexical tokens, i.e. smaller strings that are
	 * easily identifiable by `tokens.tokenType()`.
	 *
	 * Lexing starts always in a "stream" context. Incomplete input may be buffered
	 * until a complete token can be emitted.
	 *
	 * In addition to slices of the original input, the following control characters
	 * may also be emitted:
	 *
	 * - `\x02` (Start of Text): A document starts with the next token
	 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
	 * - `\x1f` (Unit Separator): Next token is a scalar value
	 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
	 */
	class Lexer {
	    constructor() {
	        /**
	         * Flag indicating whether the end of the current buffer marks the end of
	         * all input
	         */
	        this.atEnd = false;
	        /**
	         * Explicit indent set in block scalar header, as an offset from the current
	         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
	         * explicitly set.
	         */
	        this.blockScalarIndent = -1;
	        /**
	         * Block scalars that include a + (keep) chomping indicator in their header
	         * include trailing empty lines, which are otherwise excluded from the
	         * scalar's contents.
	         */
	        this.blockScalarKeep = false;
	        /** Current input */
	        this.buffer = '';
	        /**
	         * Flag noting whether the map value indicator : can immediately follow this
	         * node within a flow context.
	         */
	        this.flowKey = false;
	        /** Count of surrounding flow collection levels. */
	        this.flowLevel = 0;
	        /**
	         * Minimum level of indentation required for next lines to be parsed as a
	         * part of the current scalar value.
	         */
	        this.indentNext = 0;
	        /** Indentation level of the current line. */
	        this.indentValue = 0;
	        /** Position of the next \n character. */
	        this.lineEndPos = null;
	        /** Stores the state of the lexer if reaching the end of incpomplete input */
	        this.next = null;
	        /** A pointer to `buffer`; the current position of the lexer. */
	        this.pos = 0;
	    }
	    /**
	     * Generate YAML tokens from the `source` string. If `incomplete`,
	     * a part of the last line may be left as a buffer for the next call.
	     *
	     * @returns A generator of lexical tokens
	     */
	    *lex(source, incomplete = false) {
	        if (source) {
	            if (typeof source !== 'string')
	                throw TypeError('source is not a string');
	            this.buffer = this.buffer ? this.buffer + source : source;
	            this.lineEndPos = null;
	        }
	        this.atEnd = !incomplete;
	        let next = this.next ?? 'stream';
	        while (next && (incomplete || this.hasChars(1)))
	            next = yield* this.parseNext(next);
	    }
	    atLineEnd() {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (ch === ' ' || ch === '\t')
	            ch = this.buffer[++i];
	        if (!ch || ch === '#' || ch === '\n')
	            return true;
	        if (ch === '\r')
	            return this.buffer[i + 1] === '\n';
	        return false;
	    }
	    charAt(n) {
	        return this.buffer[this.pos + n];
	    }
	    continueScalar(offset) {
	        let ch = this.buffer[offset];
	        if (this.indentNext > 0) {
	            let indent = 0;
	            while (ch === ' ')
	                ch = this.buffer[++indent + offset];
	            if (ch === '\r') {
	                const next = this.buffer[indent + offset + 1];
	                if (next === '\n' || (!next && !this.atEnd))
	                    return offset + indent + 1;
	            }
	            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
	                ? offset + indent
	                : -1;
	        }
	        if (ch === '-' || ch === '.') {
	            const dt = this.buffer.substr(offset, 3);
	            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
	                return -1;
	        }
	        return offset;
	    }
	    getLine() {
	        let end = this.lineEndPos;
	        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
	            end = this.buffer.indexOf('\n', this.pos);
	            this.lineEndPos = end;
	        }
	        if (end === -1)
	            return this.atEnd ? this.buffer.substring(this.pos) : null;
	        if (this.buffer[end - 1] === '\r')
	            end -= 1;
	        return this.buffer.substring(this.pos, end);
	    }
	    hasChars(n) {
	        return this.pos + n <= this.buffer.length;
	    }
	    setNext(state) {
	        this.buffer = this.buffer.substring(this.pos);
	        this.pos = 0;
	        this.lineEndPos = null;
	        this.next = state;
	        return null;
	    }
	    peek(n) {
	        return this.buffer.substr(this.pos, n);
	    }
	    *parseNext(next) {
	        switch (next) {
	            case 'stream':
	                return yield* this.parseStream();
	            case 'line-start':
	                return yield* this.parseLineStart();
	            case 'block-start':
	                return yield* this.parseBlockStart();
	            case 'doc':
	                return yield* this.parseDocument();
	            case 'flow':
	                return yield* this.parseFlowCollection();
	            case 'quoted-scalar':
	                return yield* this.parseQuotedScalar();
	            case 'block-scalar':
	                return yield* this.parseBlockScalar();
	            case 'plain-scalar':
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseStream() {
	        let line = this.getLine();
	        if (line === null)
	            return this.setNext('stream');
	        if (line[0] === cst.BOM) {
	            yield* this.pushCount(1);
	            line = line.substring(1);
	        }
	        if (line[0] === '%') {
	            let dirEnd = line.length;
	            let cs = line.indexOf('#');
	            while (cs !== -1) {
	                const ch = line[cs - 1];
	                if (ch === ' ' || ch === '\t') {
	                    dirEnd = cs - 1;
	                    break;
	                }
	                else {
	                    cs = line.indexOf('#', cs + 1);
	                }
	            }
	            while (true) {
	                const ch = line[dirEnd - 1];
	                if (ch === ' ' || ch === '\t')
	                    dirEnd -= 1;
	                else
	                    break;
	            }
	            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
	            yield* this.pushCount(line.length - n); // possible comment
	            this.pushNewline();
	            return 'stream';
	        }
	        if (this.atLineEnd()) {
	            const sp = yield* this.pushSpaces(true);
	            yield* this.pushCount(line.length - sp);
	            yield* this.pushNewline();
	            return 'stream';
	        }
	        yield cst.DOCUMENT;
	        return yield* this.parseLineStart();
	    }
	    *parseLineStart() {
	        const ch = this.charAt(0);
	        if (!ch && !this.atEnd)
	            return this.setNext('line-start');
	        if (ch === '-' || ch === '.') {
	            if (!this.atEnd && !this.hasChars(4))
	                return this.setNext('line-start');
	            const s = this.peek(3);
	            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
	                yield* this.pushCount(3);
	                this.indentValue = 0;
	                this.indentNext = 0;
	                return s === '---' ? 'doc' : 'stream';
	            }
	        }
	        this.indentValue = yield* this.pushSpaces(false);
	        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
	            this.indentNext = this.indentValue;
	        return yield* this.parseBlockStart();
	    }
	    *parseBlockStart() {
	        const [ch0, ch1] = this.peek(2);
	        if (!ch1 && !this.atEnd)
	            return this.setNext('block-start');
	        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
	            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
	            this.indentNext = this.indentValue + 1;
	            this.indentValue += n;
	            return 'block-start';
	        }
	        return 'doc';
	    }
	    *parseDocument() {
	        yield* this.pushSpaces(true);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('doc');
	        let n = yield* this.pushIndicators();
	        switch (line[n]) {
	            case '#':
	                yield* this.pushCount(line.length - n);
	            // fallthrough
	            case undefined:
	                yield* this.pushNewline();
	                return yield* this.parseLineStart();
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel = 1;
	                return 'flow';
	            case '}':
	            case ']':
	                // this is an error
	                yield* this.pushCount(1);
	                return 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'doc';
	            case '"':
	            case "'":
	                return yield* this.parseQuotedScalar();
	            case '|':
	            case '>':
	                n += yield* this.parseBlockScalarHeader();
	                n += yield* this.pushSpaces(true);
	                yield* this.pushCount(line.length - n);
	                yield* this.pushNewline();
	                return yield* this.parseBlockScalar();
	            default:
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseFlowCollection() {
	        let nl, sp;
	        let indent = -1;
	        do {
	            nl = yield* this.pushNewline();
	            if (nl > 0) {
	                sp = yield* this.pushSpaces(false);
	                this.indentValue = indent = sp;
	            }
	            else {
	                sp = 0;
	            }
	            sp += yield* this.pushSpaces(true);
	        } while (nl + sp > 0);
	        const line = this.getLine();
	        if (line === null)
	            return this.setNext('flow');
	        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
	            (indent === 0 &&
	                (line.startsWith('---') || line.startsWith('...')) &&
	                isEmpty(line[3]))) {
	            // Allowing for the terminal ] or } at the same (rather than greater)
	            // indent level as the initial [ or { is technically invalid, but
	            // failing here would be surprising to users.
	            const atFlowEndMarker = indent === this.indentNext - 1 &&
	                this.flowLevel === 1 &&
	                (line[0] === ']' || line[0] === '}');
	            if (!atFlowEndMarker) {
	                // this is an error
	                this.flowLevel = 0;
	                yield cst.FLOW_END;
	                return yield* this.parseLineStart();
	            }
	        }
	        let n = 0;
	        while (line[n] === ',') {
	            n += yield* this.pushCount(1);
	            n += yield* this.pushSpaces(true);
	            this.flowKey = false;
	        }
	        n += yield* this.pushIndicators();
	        switch (line[n]) {
	            case undefined:
	                return 'flow';
	            case '#':
	                yield* this.pushCount(line.length - n);
	                return 'flow';
	            case '{':
	            case '[':
	                yield* this.pushCount(1);
	                this.flowKey = false;
	                this.flowLevel += 1;
	                return 'flow';
	            case '}':
	            case ']':
	                yield* this.pushCount(1);
	                this.flowKey = true;
	                this.flowLevel -= 1;
	                return this.flowLevel ? 'flow' : 'doc';
	            case '*':
	                yield* this.pushUntil(isNotAnchorChar);
	                return 'flow';
	            case '"':
	            case "'":
	                this.flowKey = true;
	                return yield* this.parseQuotedScalar();
	            case ':': {
	                const next = this.charAt(1);
	                if (this.flowKey || isEmpty(next) || next === ',') {
	                    this.flowKey = false;
	                    yield* this.pushCount(1);
	                    yield* this.pushSpaces(true);
	                    return 'flow';
	                }
	            }
	            // fallthrough
	            default:
	                this.flowKey = false;
	                return yield* this.parsePlainScalar();
	        }
	    }
	    *parseQuotedScalar() {
	        const quote = this.charAt(0);
	        let end = this.buffer.indexOf(quote, this.pos + 1);
	        if (quote === "'") {
	            while (end !== -1 && this.buffer[end + 1] === "'")
	                end = this.buffer.indexOf("'", end + 2);
	        }
	        else {
	            // double-quote
	            while (end !== -1) {
	                let n = 0;
	                while (this.buffer[end - 1 - n] === '\\')
	                    n += 1;
	                if (n % 2 === 0)
	                    break;
	                end = this.buffer.indexOf('"', end + 1);
	            }
	        }
	        // Only looking for newlines within the quotes
	        const qb = this.buffer.substring(0, end);
	        let nl = qb.indexOf('\n', this.pos);
	        if (nl !== -1) {
	            while (nl !== -1) {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = qb.indexOf('\n', cs);
	            }
	            if (nl !== -1) {
	                // this is an error caused by an unexpected unindent
	                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
	            }
	        }
	        if (end === -1) {
	            if (!this.atEnd)
	                return this.setNext('quoted-scalar');
	            end = this.buffer.length;
	        }
	        yield* this.pushToIndex(end + 1, false);
	        return this.flowLevel ? 'flow' : 'doc';
	    }
	    *parseBlockScalarHeader() {
	        this.blockScalarIndent = -1;
	        this.blockScalarKeep = false;
	        let i = this.pos;
	        while (true) {
	            const ch = this.buffer[++i];
	            if (ch === '+')
	                this.blockScalarKeep = true;
	            else if (ch > '0' && ch <= '9')
	                this.blockScalarIndent = Number(ch) - 1;
	            else if (ch !== '-')
	                break;
	        }
	        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
	    }
	    *parseBlockScalar() {
	        let nl = this.pos - 1; // may be -1 if this.pos === 0
	        let indent = 0;
	        let ch;
	        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
	            switch (ch) {
	                case ' ':
	                    indent += 1;
	                    break;
	                case '\n':
	                    nl = i;
	                    indent = 0;
	                    break;
	                case '\r': {
	                    const next = this.buffer[i + 1];
	                    if (!next && !this.atEnd)
	                        return this.setNext('block-scalar');
	                    if (next === '\n')
	                        break;
	                } // fallthrough
	                default:
	                    break loop;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('block-scalar');
	        if (indent >= this.indentNext) {
	            if (this.blockScalarIndent === -1)
	                this.indentNext = indent;
	            else {
	                this.indentNext =
	                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
	            }
	            do {
	                const cs = this.continueScalar(nl + 1);
	                if (cs === -1)
	                    break;
	                nl = this.buffer.indexOf('\n', cs);
	            } while (nl !== -1);
	            if (nl === -1) {
	                if (!this.atEnd)
	                    return this.setNext('block-scalar');
	                nl = this.buffer.length;
	            }
	        }
	        // Trailing insufficiently indented tabs are invalid.
	        // To catch that during parsing, we include them in the block scalar value.
	        let i = nl + 1;
	        ch = this.buffer[i];
	        while (ch === ' ')
	            ch = this.buffer[++i];
	        if (ch === '\t') {
	            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
	                ch = this.buffer[++i];
	            nl = i - 1;
	        }
	        else if (!this.blockScalarKeep) {
	            do {
	                let i = nl - 1;
	                let ch = this.buffer[i];
	                if (ch === '\r')
	                    ch = this.buffer[--i];
	                const lastChar = i; // Drop the line if last char not more indented
	                while (ch === ' ')
	                    ch = this.buffer[--i];
	                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
	                    nl = i;
	                else
	                    break;
	            } while (true);
	        }
	        yield cst.SCALAR;
	        yield* this.pushToIndex(nl + 1, true);
	        return yield* this.parseLineStart();
	    }
	    *parsePlainScalar() {
	        const inFlow = this.flowLevel > 0;
	        let end = this.pos - 1;
	        let i = this.pos - 1;
	        let ch;
	        while ((ch = this.buffer[++i])) {
	            if (ch === ':') {
	                const next = this.buffer[i + 1];
	                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                end = i;
	            }
	            else if (isEmpty(ch)) {
	                let next = this.buffer[i + 1];
	                if (ch === '\r') {
	                    if (next === '\n') {
	                        i += 1;
	                        ch = '\n';
	                        next = this.buffer[i + 1];
	                    }
	                    else
	                        end = i;
	                }
	                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
	                    break;
	                if (ch === '\n') {
	                    const cs = this.continueScalar(i + 1);
	                    if (cs === -1)
	                        break;
	                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
	                }
	            }
	            else {
	                if (inFlow && flowIndicatorChars.has(ch))
	                    break;
	                end = i;
	            }
	        }
	        if (!ch && !this.atEnd)
	            return this.setNext('plain-scalar');
	        yield cst.SCALAR;
	        yield* this.pushToIndex(end + 1, true);
	        return inFlow ? 'flow' : 'doc';
	    }
	    *pushCount(n) {
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos += n;
	            return n;
	        }
	        return 0;
	    }
	    *pushToIndex(i, allowEmpty) {
	        const s = this.buffer.slice(this.pos, i);
	        if (s) {
	            yield s;
	            this.pos += s.length;
	            return s.length;
	        }
	        else if (allowEmpty)
	            yield '';
	        return 0;
	    }
	    *pushIndicators() {
	        let n = 0;
	        loop: while (true) {
	            switch (this.charAt(0)) {
	                case '!':
	                    n += yield* this.pushTag();
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '&':
	                    n += yield* this.pushUntil(isNotAnchorChar);
	                    n += yield* this.pushSpaces(true);
	                    continue loop;
	                case '-': // this is an error
	                case '?': // this is an error outside flow collections
	                case ':': {
	                    const inFlow = this.flowLevel > 0;
	                    const ch1 = this.charAt(1);
	                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
	                        if (!inFlow)
	                            this.indentNext = this.indentValue + 1;
	                        else if (this.flowKey)
	                            this.flowKey = false;
	                        n += yield* this.pushCount(1);
	                        n += yield* this.pushSpaces(true);
	                        continue loop;
	                    }
	                }
	            }
	            break loop;
	        }
	        return n;
	    }
	    *pushTag() {
	        if (this.charAt(1) === '<') {
	            let i = this.pos + 2;
	            let ch = this.buffer[i];
	            while (!isEmpty(ch) && ch !== '>')
	                ch = this.buffer[++i];
	            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
	        }
	        else {
	            let i = this.pos + 1;
	            let ch = this.buffer[i];
	            while (ch) {
	                if (tagChars.has(ch))
	                    ch = this.buffer[++i];
	                else if (ch === '%' &&
	                    hexDigits.has(this.buffer[i + 1]) &&
	                    hexDigits.has(this.buffer[i + 2])) {
	                    ch = this.buffer[(i += 3)];
	                }
	                else
	                    break;
	            }
	            return yield* this.pushToIndex(i, false);
	        }
	    }
	    *pushNewline() {
	        const ch = this.buffer[this.pos];
	        if (ch === '\n')
	            return yield* this.pushCount(1);
	        else if (ch === '\r' && this.charAt(1) === '\n')
	            return yield* this.pushCount(2);
	        else
	            return 0;
	    }
	    *pushSpaces(allowTabs) {
	        let i = this.pos - 1;
	        let ch;
	        do {
	            ch = this.buffer[++i];
	        } while (ch === ' ' || (allowTabs && ch === '\t'));
	        const n = i - this.pos;
	        if (n > 0) {
	            yield this.buffer.substr(this.pos, n);
	            this.pos = i;
	        }
	        return n;
	    }
	    *pushUntil(test) {
	        let i = this.pos;
	        let ch = this.buffer[i];
	        while (!test(ch))
	            ch = this.buffer[++i];
	        return yield* this.pushToIndex(i, false);
	    }
	}

	lexer.Lexer = Lexer;
	return lexer;
}

var lineCounter = {};

var hasRequiredLineCounter;

function requireLineCounter () {
	if (hasRequiredLineCounter) return lineCounter;
	hasRequiredLineCounter = 1;

	/**
	 * Tracks newlines during parsing in order to provide an efficient API for
	 * determining the one-indexed `{ line, col }` position for any offset
	 * within the input.
	 */
	class LineCounter {
	    constructor() {
	        this.lineStarts = [];
	        /**
	         * Should be called in ascending order. Otherwise, call
	         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
	         */
	        this.addNewLine = (offset) => this.lineStarts.push(offset);
	        /**
	         * Performs a binary search and returns the 1-indexed { line, col }
	         * position of `offset`. If `line === 0`, `addNewLine` has never been
	         * called or `offset` is before the first known newline.
	         */
	        this.linePos = (offset) => {
	            let low = 0;
	            let high = this.lineStarts.length;
	            while (low < high) {
	                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
	                if (this.lineStarts[mid] < offset)
	                    low = mid + 1;
	                else
	                    high = mid;
	            }
	            if (this.lineStarts[low] === offset)
	                return { line: low + 1, col: 1 };
	            if (low === 0)
	                return { line: 0, col: offset };
	            const start = this.lineStarts[low - 1];
	            return { line: low, col: offset - start + 1 };
	        };
	    }
	}

	lineCounter.LineCounter = LineCounter;
	return lineCounter;
}

var parser = {};

var hasRequiredParser;

function requireParser () {
	if (hasRequiredParser) return parser;
	hasRequiredParser = 1;

	var node_process = require$$0;
	var cst = requireCst();
	var lexer = requireLexer();

	function includesToken(list, type) {
	    for (let i = 0; i < list.length; ++i)
	        if (list[i].type === type)
	            return true;
	    return false;
	}
	function findNonEmptyIndex(list) {
	    for (let i = 0; i < list.length; ++i) {
	        switch (list[i].type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                break;
	            default:
	                return i;
	        }
	    }
	    return -1;
	}
	function isFlowToken(token) {
	    switch (token?.type) {
	        case 'alias':
	        case 'scalar':
	        case 'single-quoted-scalar':
	        case 'double-quoted-scalar':
	        case 'flow-collection':
	            return true;
	        default:
	            return false;
	    }
	}
	function getPrevProps(parent) {
	    switch (parent.type) {
	        case 'document':
	            return parent.start;
	        case 'block-map': {
	            const it = parent.items[parent.items.length - 1];
	            return it.sep ?? it.start;
	        }
	        case 'block-seq':
	            return parent.items[parent.items.length - 1].start;
	        /* istanbul ignore next should not happen */
	        default:
	            return [];
	    }
	}
	/** Note: May modify input array */
	function getFirstKeyStartProps(prev) {
	    if (prev.length === 0)
	        return [];
	    let i = prev.length;
	    loop: while (--i >= 0) {
	        switch (prev[i].type) {
	            case 'doc-start':
	            case 'explicit-key-ind':
	            case 'map-value-ind':
	            case 'seq-item-ind':
	            case 'newline':
	                break loop;
	        }
	    }
	    while (prev[++i]?.type === 'space') {
	        /* loop */
	    }
	    return prev.splice(i, prev.length);
	}
	function arrayPushArray(target, source) {
	    // May exhaust call stack with large `source` array
	    if (source.length < 1e5)
	        Array.prototype.push.apply(target, source);
	    else
	        for (let i = 0; i < source.length; ++i)
	            target.push(source[i]);
	}
	function fixFlowSeqItems(fc) {
	    if (fc.start.type === 'flow-seq-start') {
	        for (const it of fc.items) {
	            if (it.sep &&
	                !it.value &&
	                !includesToken(it.start, 'explicit-key-ind') &&
	                !includesToken(it.sep, 'map-value-ind')) {
	                if (it.key)
	                    it.value = it.key;
	                delete it.key;
	                if (isFlowToken(it.value)) {
	                    if (it.value.end)
	                        arrayPushArray(it.value.end, it.sep);
	                    else
	                        it.value.end = it.sep;
	                }
	                else
	                    arrayPushArray(it.start, it.sep);
	                delete it.sep;
	            }
	        }
	    }
	}
	/**
	 * A YAML concrete syntax tree (CST) parser
	 *
	 * ```ts
	 * const src: string = ...
	 * for (const token of new Parser().parse(src)) {
	 *   // token: Token
	 * }
	 * ```
	 *
	 * To use the parser with a user-provided lexer:
	 *
	 * ```ts
	 * function* parse(source: string, lexer: Lexer) {
	 *   const parser = new Parser()
	 *   for (const lexeme of lexer.lex(source))
	 *     yield* parser.next(lexeme)
	 *   yield* parser.end()
	 * }
	 *
	 * const src: string = ...
	 * const lexer = new Lexer()
	 * for (const token of parse(src, lexer)) {
	 *   // token: Token
	 * }
	 * ```
	 */
	class Parser {
	    /**
	     * @param onNewLine - If defined, called separately with the start position of
	     *   each new line (in `parse()`, including the start of input).
	     */
	    constructor(onNewLine) {
	        /** If true, space and sequence indicators count as indentation */
	        this.atNewLine = true;
	        /** If true, next token is a scalar value */
	        this.atScalar = false;
	        /** Current indentation level */
	        this.indent = 0;
	        /** Current offset since the start of parsing */
	        this.offset = 0;
	        /** On the same line with a block map key */
	        this.onKeyLine = false;
	        /** Top indicates the node that's currently being built */
	        this.stack = [];
	        /** The source of the current token, set in parse() */
	        this.source = '';
	        /** The type of the current token, set in parse() */
	        this.type = '';
	        // Must be defined after `next()`
	        this.lexer = new lexer.Lexer();
	        this.onNewLine = onNewLine;
	    }
	    /**
	     * Parse `source` as a YAML stream.
	     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
	     *
	     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
	     *
	     * @returns A generator of tokens representing each directive, document, and other structure.
	     */
	    *parse(source, incomplete = false) {
	        if (this.onNewLine && this.offset === 0)
	            this.onNewLine(0);
	        for (const lexeme of this.lexer.lex(source, incomplete))
	            yield* this.next(lexeme);
	        if (!incomplete)
	            yield* this.end();
	    }
	    /**
	     * Advance the parser by the `source` of one lexical token.
	     */
	    *next(source) {
	        this.source = source;
	        if (node_process.env.LOG_TOKENS)
	            console.log('|', cst.prettyToken(source));
	        if (this.atScalar) {
	            this.atScalar = false;
	            yield* this.step();
	            this.offset += source.length;
	            return;
	        }
	        const type = cst.tokenType(source);
	        if (!type) {
	            const message = `Not a YAML token: ${source}`;
	            yield* this.pop({ type: 'error', offset: this.offset, message, source });
	            this.offset += source.length;
	        }
	        else if (type === 'scalar') {
	            this.atNewLine = false;
	            this.atScalar = true;
	            this.type = 'scalar';
	        }
	        else {
	            this.type = type;
	            yield* this.step();
	            switch (type) {
	                case 'newline':
	                    this.atNewLine = true;
	                    this.indent = 0;
	                    if (this.onNewLine)
	                        this.onNewLine(this.offset + source.length);
	                    break;
	                case 'space':
	                    if (this.atNewLine && source[0] === ' ')
	                        this.indent += source.length;
	                    break;
	                case 'explicit-key-ind':
	                case 'map-value-ind':
	                case 'seq-item-ind':
	                    if (this.atNewLine)
	                        this.indent += source.length;
	                    break;
	                case 'doc-mode':
	                case 'flow-error-end':
	                    return;
	                default:
	                    this.atNewLine = false;
	            }
	            this.offset += source.length;
	        }
	    }
	    /** Call at end of input to push out any remaining constructions */
	    *end() {
	        while (this.stack.length > 0)
	            yield* this.pop();
	    }
	    get sourceToken() {
	        const st = {
	            type: this.type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	        return st;
	    }
	    *step() {
	        const top = this.peek(1);
	        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
	            while (this.stack.length > 0)
	                yield* this.pop();
	            this.stack.push({
	                type: 'doc-end',
	                offset: this.offset,
	                source: this.source
	            });
	            return;
	        }
	        if (!top)
	            return yield* this.stream();
	        switch (top.type) {
	            case 'document':
	                return yield* this.document(top);
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return yield* this.scalar(top);
	            case 'block-scalar':
	                return yield* this.blockScalar(top);
	            case 'block-map':
	                return yield* this.blockMap(top);
	            case 'block-seq':
	                return yield* this.blockSequence(top);
	            case 'flow-collection':
	                return yield* this.flowCollection(top);
	            case 'doc-end':
	                return yield* this.documentEnd(top);
	        }
	        /* istanbul ignore next should not happen */
	        yield* this.pop();
	    }
	    peek(n) {
	        return this.stack[this.stack.length - n];
	    }
	    *pop(error) {
	        const token = error ?? this.stack.pop();
	        /* istanbul ignore if should not happen */
	        if (!token) {
	            const message = 'Tried to pop an empty stack';
	            yield { type: 'error', offset: this.offset, source: '', message };
	        }
	        else if (this.stack.length === 0) {
	            yield token;
	        }
	        else {
	            const top = this.peek(1);
	            if (token.type === 'block-scalar') {
	                // Block scalars use their parent rather than header indent
	                token.indent = 'indent' in top ? top.indent : 0;
	            }
	            else if (token.type === 'flow-collection' && top.type === 'document') {
	                // Ignore all indent for top-level flow collections
	                token.indent = 0;
	            }
	            if (token.type === 'flow-collection')
	                fixFlowSeqItems(token);
	            switch (top.type) {
	                case 'document':
	                    top.value = token;
	                    break;
	                case 'block-scalar':
	                    top.props.push(token); // error
	                    break;
	                case 'block-map': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value) {
	                        top.items.push({ start: [], key: token, sep: [] });
	                        this.onKeyLine = true;
	                        return;
	                    }
	                    else if (it.sep) {
	                        it.value = token;
	                    }
	                    else {
	                        Object.assign(it, { key: token, sep: [] });
	                        this.onKeyLine = !it.explicitKey;
	                        return;
	                    }
	                    break;
	                }
	                case 'block-seq': {
	                    const it = top.items[top.items.length - 1];
	                    if (it.value)
	                        top.items.push({ start: [], value: token });
	                    else
	                        it.value = token;
	                    break;
	                }
	                case 'flow-collection': {
	                    const it = top.items[top.items.length - 1];
	                    if (!it || it.value)
	                        top.items.push({ start: [], key: token, sep: [] });
	                    else if (it.sep)
	                        it.value = token;
	                    else
	                        Object.assign(it, { key: token, sep: [] });
	                    return;
	                }
	                /* istanbul ignore next should not happen */
	                default:
	                    yield* this.pop();
	                    yield* this.pop(token);
	            }
	            if ((top.type === 'document' ||
	                top.type === 'block-map' ||
	                top.type === 'block-seq') &&
	                (token.type === 'block-map' || token.type === 'block-seq')) {
	                const last = token.items[token.items.length - 1];
	                if (last &&
	                    !last.sep &&
	                    !last.value &&
	                    last.start.length > 0 &&
	                    findNonEmptyIndex(last.start) === -1 &&
	                    (token.indent === 0 ||
	                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
	                    if (top.type === 'document')
	                        top.end = last.start;
	                    else
	                        top.items.push({ start: last.start });
	                    token.items.splice(-1, 1);
	                }
	            }
	        }
	    }
	    *stream() {
	        switch (this.type) {
	            case 'directive-line':
	                yield { type: 'directive', offset: this.offset, source: this.source };
	                return;
	            case 'byte-order-mark':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                yield this.sourceToken;
	                return;
	            case 'doc-mode':
	            case 'doc-start': {
	                const doc = {
	                    type: 'document',
	                    offset: this.offset,
	                    start: []
	                };
	                if (this.type === 'doc-start')
	                    doc.start.push(this.sourceToken);
	                this.stack.push(doc);
	                return;
	            }
	        }
	        yield {
	            type: 'error',
	            offset: this.offset,
	            message: `Unexpected ${this.type} token in YAML stream`,
	            source: this.source
	        };
	    }
	    *document(doc) {
	        if (doc.value)
	            return yield* this.lineEnd(doc);
	        switch (this.type) {
	            case 'doc-start': {
	                if (findNonEmptyIndex(doc.start) !== -1) {
	                    yield* this.pop();
	                    yield* this.step();
	                }
	                else
	                    doc.start.push(this.sourceToken);
	                return;
	            }
	            case 'anchor':
	            case 'tag':
	            case 'space':
	            case 'comment':
	            case 'newline':
	                doc.start.push(this.sourceToken);
	                return;
	        }
	        const bv = this.startBlockValue(doc);
	        if (bv)
	            this.stack.push(bv);
	        else {
	            yield {
	                type: 'error',
	                offset: this.offset,
	                message: `Unexpected ${this.type} token in YAML document`,
	                source: this.source
	            };
	        }
	    }
	    *scalar(scalar) {
	        if (this.type === 'map-value-ind') {
	            const prev = getPrevProps(this.peek(2));
	            const start = getFirstKeyStartProps(prev);
	            let sep;
	            if (scalar.end) {
	                sep = scalar.end;
	                sep.push(this.sourceToken);
	                delete scalar.end;
	            }
	            else
	                sep = [this.sourceToken];
	            const map = {
	                type: 'block-map',
	                offset: scalar.offset,
	                indent: scalar.indent,
	                items: [{ start, key: scalar, sep }]
	            };
	            this.onKeyLine = true;
	            this.stack[this.stack.length - 1] = map;
	        }
	        else
	            yield* this.lineEnd(scalar);
	    }
	    *blockScalar(scalar) {
	        switch (this.type) {
	            case 'space':
	            case 'comment':
	            case 'newline':
	                scalar.props.push(this.sourceToken);
	                return;
	            case 'scalar':
	                scalar.source = this.source;
	                // block-scalar source includes trailing newline
	                this.atNewLine = true;
	                this.indent = 0;
	                if (this.onNewLine) {
	                    let nl = this.source.indexOf('\n') + 1;
	                    while (nl !== 0) {
	                        this.onNewLine(this.offset + nl);
	                        nl = this.source.indexOf('\n', nl) + 1;
	                    }
	                }
	                yield* this.pop();
	                break;
	            /* istanbul ignore next should not happen */
	            default:
	                yield* this.pop();
	                yield* this.step();
	        }
	    }
	    *blockMap(map) {
	        const it = map.items[map.items.length - 1];
	        // it.sep is true-ish if pair already has key or : separator
	        switch (this.type) {
	            case 'newline':
	                this.onKeyLine = false;
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value) {
	                    map.items.push({ start: [this.sourceToken] });
	                }
	                else if (it.sep) {
	                    it.sep.push(this.sourceToken);
	                }
	                else {
	                    if (this.atIndentedComment(it.start, map.indent)) {
	                        const prev = map.items[map.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            map.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	        }
	        if (this.indent >= map.indent) {
	            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
	            const atNextItem = atMapIndent &&
	                (it.sep || it.explicitKey) &&
	                this.type !== 'seq-item-ind';
	            // For empty nodes, assign newline-separated not indented empty tokens to following node
	            let start = [];
	            if (atNextItem && it.sep && !it.value) {
	                const nl = [];
	                for (let i = 0; i < it.sep.length; ++i) {
	                    const st = it.sep[i];
	                    switch (st.type) {
	                        case 'newline':
	                            nl.push(i);
	                            break;
	                        case 'space':
	                            break;
	                        case 'comment':
	                            if (st.indent > map.indent)
	                                nl.length = 0;
	                            break;
	                        default:
	                            nl.length = 0;
	                    }
	                }
	                if (nl.length >= 2)
	                    start = it.sep.splice(nl[1]);
	            }
	            switch (this.type) {
	                case 'anchor':
	                case 'tag':
	                    if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        it.sep.push(this.sourceToken);
	                    }
	                    else {
	                        it.start.push(this.sourceToken);
	                    }
	                    return;
	                case 'explicit-key-ind':
	                    if (!it.sep && !it.explicitKey) {
	                        it.start.push(this.sourceToken);
	                        it.explicitKey = true;
	                    }
	                    else if (atNextItem || it.value) {
	                        start.push(this.sourceToken);
	                        map.items.push({ start, explicitKey: true });
	                    }
	                    else {
	                        this.stack.push({
	                            type: 'block-map',
	                            offset: this.offset,
	                            indent: this.indent,
	                            items: [{ start: [this.sourceToken], explicitKey: true }]
	                        });
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'map-value-ind':
	                    if (it.explicitKey) {
	                        if (!it.sep) {
	                            if (includesToken(it.start, 'newline')) {
	                                Object.assign(it, { key: null, sep: [this.sourceToken] });
	                            }
	                            else {
	                                const start = getFirstKeyStartProps(it.start);
	                                this.stack.push({
	                                    type: 'block-map',
	                                    offset: this.offset,
	                                    indent: this.indent,
	                                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                                });
	                            }
	                        }
	                        else if (it.value) {
	                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else if (isFlowToken(it.key) &&
	                            !includesToken(it.sep, 'newline')) {
	                            const start = getFirstKeyStartProps(it.start);
	                            const key = it.key;
	                            const sep = it.sep;
	                            sep.push(this.sourceToken);
	                            // @ts-expect-error type guard is wrong here
	                            delete it.key;
	                            // @ts-expect-error type guard is wrong here
	                            delete it.sep;
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start, key, sep }]
	                            });
	                        }
	                        else if (start.length > 0) {
	                            // Not actually at next item
	                            it.sep = it.sep.concat(start, this.sourceToken);
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    else {
	                        if (!it.sep) {
	                            Object.assign(it, { key: null, sep: [this.sourceToken] });
	                        }
	                        else if (it.value || atNextItem) {
	                            map.items.push({ start, key: null, sep: [this.sourceToken] });
	                        }
	                        else if (includesToken(it.sep, 'map-value-ind')) {
	                            this.stack.push({
	                                type: 'block-map',
	                                offset: this.offset,
	                                indent: this.indent,
	                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
	                            });
	                        }
	                        else {
	                            it.sep.push(this.sourceToken);
	                        }
	                    }
	                    this.onKeyLine = true;
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (atNextItem || it.value) {
	                        map.items.push({ start, key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    else if (it.sep) {
	                        this.stack.push(fs);
	                    }
	                    else {
	                        Object.assign(it, { key: fs, sep: [] });
	                        this.onKeyLine = true;
	                    }
	                    return;
	                }
	                default: {
	                    const bv = this.startBlockValue(map);
	                    if (bv) {
	                        if (bv.type === 'block-seq') {
	                            if (!it.explicitKey &&
	                                it.sep &&
	                                !includesToken(it.sep, 'newline')) {
	                                yield* this.pop({
	                                    type: 'error',
	                                    offset: this.offset,
	                                    message: 'Unexpected block-seq-ind on same line with key',
	                                    source: this.source
	                                });
	                                return;
	                            }
	                        }
	                        else if (atMapIndent) {
	                            map.items.push({ start });
	                        }
	                        this.stack.push(bv);
	                        return;
	                    }
	                }
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *blockSequence(seq) {
	        const it = seq.items[seq.items.length - 1];
	        switch (this.type) {
	            case 'newline':
	                if (it.value) {
	                    const end = 'end' in it.value ? it.value.end : undefined;
	                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
	                    if (last?.type === 'comment')
	                        end?.push(this.sourceToken);
	                    else
	                        seq.items.push({ start: [this.sourceToken] });
	                }
	                else
	                    it.start.push(this.sourceToken);
	                return;
	            case 'space':
	            case 'comment':
	                if (it.value)
	                    seq.items.push({ start: [this.sourceToken] });
	                else {
	                    if (this.atIndentedComment(it.start, seq.indent)) {
	                        const prev = seq.items[seq.items.length - 2];
	                        const end = prev?.value?.end;
	                        if (Array.isArray(end)) {
	                            arrayPushArray(end, it.start);
	                            end.push(this.sourceToken);
	                            seq.items.pop();
	                            return;
	                        }
	                    }
	                    it.start.push(this.sourceToken);
	                }
	                return;
	            case 'anchor':
	            case 'tag':
	                if (it.value || this.indent <= seq.indent)
	                    break;
	                it.start.push(this.sourceToken);
	                return;
	            case 'seq-item-ind':
	                if (this.indent !== seq.indent)
	                    break;
	                if (it.value || includesToken(it.start, 'seq-item-ind'))
	                    seq.items.push({ start: [this.sourceToken] });
	                else
	                    it.start.push(this.sourceToken);
	                return;
	        }
	        if (this.indent > seq.indent) {
	            const bv = this.startBlockValue(seq);
	            if (bv) {
	                this.stack.push(bv);
	                return;
	            }
	        }
	        yield* this.pop();
	        yield* this.step();
	    }
	    *flowCollection(fc) {
	        const it = fc.items[fc.items.length - 1];
	        if (this.type === 'flow-error-end') {
	            let top;
	            do {
	                yield* this.pop();
	                top = this.peek(1);
	            } while (top?.type === 'flow-collection');
	        }
	        else if (fc.end.length === 0) {
	            switch (this.type) {
	                case 'comma':
	                case 'explicit-key-ind':
	                    if (!it || it.sep)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'map-value-ind':
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        Object.assign(it, { key: null, sep: [this.sourceToken] });
	                    return;
	                case 'space':
	                case 'comment':
	                case 'newline':
	                case 'anchor':
	                case 'tag':
	                    if (!it || it.value)
	                        fc.items.push({ start: [this.sourceToken] });
	                    else if (it.sep)
	                        it.sep.push(this.sourceToken);
	                    else
	                        it.start.push(this.sourceToken);
	                    return;
	                case 'alias':
	                case 'scalar':
	                case 'single-quoted-scalar':
	                case 'double-quoted-scalar': {
	                    const fs = this.flowScalar(this.type);
	                    if (!it || it.value)
	                        fc.items.push({ start: [], key: fs, sep: [] });
	                    else if (it.sep)
	                        this.stack.push(fs);
	                    else
	                        Object.assign(it, { key: fs, sep: [] });
	                    return;
	                }
	                case 'flow-map-end':
	                case 'flow-seq-end':
	                    fc.end.push(this.sourceToken);
	                    return;
	            }
	            const bv = this.startBlockValue(fc);
	            /* istanbul ignore else should not happen */
	            if (bv)
	                this.stack.push(bv);
	            else {
	                yield* this.pop();
	                yield* this.step();
	            }
	        }
	        else {
	            const parent = this.peek(2);
	            if (parent.type === 'block-map' &&
	                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
	                    (this.type === 'newline' &&
	                        !parent.items[parent.items.length - 1].sep))) {
	                yield* this.pop();
	                yield* this.step();
	            }
	            else if (this.type === 'map-value-ind' &&
	                parent.type !== 'flow-collection') {
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                fixFlowSeqItems(fc);
	                const sep = fc.end.splice(1, fc.end.length);
	                sep.push(this.sourceToken);
	                const map = {
	                    type: 'block-map',
	                    offset: fc.offset,
	                    indent: fc.indent,
	                    items: [{ start, key: fc, sep }]
	                };
	                this.onKeyLine = true;
	                this.stack[this.stack.length - 1] = map;
	            }
	            else {
	                yield* this.lineEnd(fc);
	            }
	        }
	    }
	    flowScalar(type) {
	        if (this.onNewLine) {
	            let nl = this.source.indexOf('\n') + 1;
	            while (nl !== 0) {
	                this.onNewLine(this.offset + nl);
	                nl = this.source.indexOf('\n', nl) + 1;
	            }
	        }
	        return {
	            type,
	            offset: this.offset,
	            indent: this.indent,
	            source: this.source
	        };
	    }
	    startBlockValue(parent) {
	        switch (this.type) {
	            case 'alias':
	            case 'scalar':
	            case 'single-quoted-scalar':
	            case 'double-quoted-scalar':
	                return this.flowScalar(this.type);
	            case 'block-scalar-header':
	                return {
	                    type: 'block-scalar',
	                    offset: this.offset,
	                    indent: this.indent,
	                    props: [this.sourceToken],
	                    source: ''
	                };
	            case 'flow-map-start':
	            case 'flow-seq-start':
	                return {
	                    type: 'flow-collection',
	                    offset: this.offset,
	                    indent: this.indent,
	                    start: this.sourceToken,
	                    items: [],
	                    end: []
	                };
	            case 'seq-item-ind':
	                return {
	                    type: 'block-seq',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start: [this.sourceToken] }]
	                };
	            case 'explicit-key-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                start.push(this.sourceToken);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, explicitKey: true }]
	                };
	            }
	            case 'map-value-ind': {
	                this.onKeyLine = true;
	                const prev = getPrevProps(parent);
	                const start = getFirstKeyStartProps(prev);
	                return {
	                    type: 'block-map',
	                    offset: this.offset,
	                    indent: this.indent,
	                    items: [{ start, key: null, sep: [this.sourceToken] }]
	                };
	            }
	        }
	        return null;
	    }
	    atIndentedComment(start, indent) {
	        if (this.type !== 'comment')
	            return false;
	        if (this.indent <= indent)
	            return false;
	        return start.every(st => st.type === 'newline' || st.type === 'space');
	    }
	    *documentEnd(docEnd) {
	        if (this.type !== 'doc-mode') {
	            if (docEnd.end)
	                docEnd.end.push(this.sourceToken);
	            else
	                docEnd.end = [this.sourceToken];
	            if (this.type === 'newline')
	                yield* this.pop();
	        }
	    }
	    *lineEnd(token) {
	        switch (this.type) {
	            case 'comma':
	            case 'doc-start':
	            case 'doc-end':
	            case 'flow-seq-end':
	            case 'flow-map-end':
	            case 'map-value-ind':
	                yield* this.pop();
	                yield* this.step();
	                break;
	            case 'newline':
	                this.onKeyLine = false;
	            // fallthrough
	            case 'space':
	            case 'comment':
	            default:
	                // all other values are errors
	                if (token.end)
	                    token.end.push(this.sourceToken);
	                else
	                    token.end = [this.sourceToken];
	                if (this.type === 'newline')
	                    yield* this.pop();
	        }
	    }
	}

	parser.Parser = Parser;
	return parser;
}

var publicApi = {};

var hasRequiredPublicApi;

function requirePublicApi () {
	if (hasRequiredPublicApi) return publicApi;
	hasRequiredPublicApi = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var errors = requireErrors();
	var log = requireLog();
	var identity = requireIdentity();
	var lineCounter = requireLineCounter();
	var parser = requireParser();

	function parseOptions(options) {
	    const prettyErrors = options.prettyErrors !== false;
	    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
	    return { lineCounter: lineCounter$1, prettyErrors };
	}
	/**
	 * Parse the input as a stream of YAML documents.
	 *
	 * Documents should be separated from each other by `...` or `---` marker lines.
	 *
	 * @returns If an empty `docs` array is returned, it will be of type
	 *   EmptyStream and contain additional stream information. In
	 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
	 */
	function parseAllDocuments(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
	    if (prettyErrors && lineCounter)
	        for (const doc of docs) {
	            doc.errors.forEach(errors.prettifyError(source, lineCounter));
	            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	        }
	    if (docs.length > 0)
	        return docs;
	    return Object.assign([], { empty: true }, composer$1.streamInfo());
	}
	/** Parse an input string into a single YAML.Document */
	function parseDocument(source, options = {}) {
	    const { lineCounter, prettyErrors } = parseOptions(options);
	    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
	    const composer$1 = new composer.Composer(options);
	    // `doc` is always set by compose.end(true) at the very latest
	    let doc = null;
	    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
	        if (!doc)
	            doc = _doc;
	        else if (doc.options.logLevel !== 'silent') {
	            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
	            break;
	        }
	    }
	    if (prettyErrors && lineCounter) {
	        doc.errors.forEach(errors.prettifyError(source, lineCounter));
	        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
	    }
	    return doc;
	}
	function parse(src, reviver, options) {
	    let _reviver = undefined;
	    if (typeof reviver === 'function') {
	        _reviver = reviver;
	    }
	    else if (options === undefined && reviver && typeof reviver === 'object') {
	        options = reviver;
	    }
	    const doc = parseDocument(src, options);
	    if (!doc)
	        return null;
	    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
	    if (doc.errors.length > 0) {
	        if (doc.options.logLevel !== 'silent')
	            throw doc.errors[0];
	        else
	            doc.errors = [];
	    }
	    return doc.toJS(Object.assign({ reviver: _reviver }, options));
	}
	function stringify(value, replacer, options) {
	    let _replacer = null;
	    if (typeof replacer === 'function' || Array.isArray(replacer)) {
	        _replacer = replacer;
	    }
	    else if (options === undefined && replacer) {
	        options = replacer;
	    }
	    if (typeof options === 'string')
	        options = options.length;
	    if (typeof options === 'number') {
	        const indent = Math.round(options);
	        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
	    }
	    if (value === undefined) {
	        const { keepUndefined } = options ?? replacer ?? {};
	        if (!keepUndefined)
	            return undefined;
	    }
	    if (identity.isDocument(value) && !_replacer)
	        return value.toString(options);
	    return new Document.Document(value, _replacer, options).toString(options);
	}

	publicApi.parse = parse;
	publicApi.parseAllDocuments = parseAllDocuments;
	publicApi.parseDocument = parseDocument;
	publicApi.stringify = stringify;
	return publicApi;
}

var hasRequiredDist;

function requireDist () {
	if (hasRequiredDist) return dist;
	hasRequiredDist = 1;

	var composer = requireComposer();
	var Document = requireDocument();
	var Schema = requireSchema();
	var errors = requireErrors();
	var Alias = requireAlias();
	var identity = requireIdentity();
	var Pair = requirePair();
	var Scalar = requireScalar();
	var YAMLMap = requireYAMLMap();
	var YAMLSeq = requireYAMLSeq();
	var cst = requireCst();
	var lexer = requireLexer();
	var lineCounter = requireLineCounter();
	var parser = requireParser();
	var publicApi = requirePublicApi();
	var visit = requireVisit();



	dist.Composer = composer.Composer;
	dist.Document = Document.Document;
	dist.Schema = Schema.Schema;
	dist.YAMLError = errors.YAMLError;
	dist.YAMLParseError = errors.YAMLParseError;
	dist.YAMLWarning = errors.YAMLWarning;
	dist.Alias = Alias.Alias;
	dist.isAlias = identity.isAlias;
	dist.isCollection = identity.isCollection;
	dist.isDocument = identity.isDocument;
	dist.isMap = identity.isMap;
	dist.isNode = identity.isNode;
	dist.isPair = identity.isPair;
	dist.isScalar = identity.isScalar;
	dist.isSeq = identity.isSeq;
	dist.Pair = Pair.Pair;
	dist.Scalar = Scalar.Scalar;
	dist.YAMLMap = YAMLMap.YAMLMap;
	dist.YAMLSeq = YAMLSeq.YAMLSeq;
	dist.CST = cst;
	dist.Lexer = lexer.Lexer;
	dist.LineCounter = lineCounter.LineCounter;
	dist.Parser = parser.Parser;
	dist.parse = publicApi.parse;
	dist.parseAllDocuments = publicApi.parseAllDocuments;
	dist.parseDocument = publicApi.parseDocument;
	dist.stringify = publicApi.stringify;
	dist.visit = visit.visit;
	dist.visitAsync = visit.visitAsync;
	return dist;
}

var distExports = requireDist();

/**
 * The normalised change model shared by every plan format.
 *
 * Readers (src/plan/) turn a tool's plan into these types; renderers
 * (src/report/) and the gate (src/gate/) only ever see these types. Every
 * string in a model value has already been through redaction: a sensitive
 * value never reaches a renderer.
 */
/** The effect a change has on the real object, whatever the tool calls it. */
const CHANGE_ACTIONS = [
    'create',
    'update',
    'replace',
    'destroy',
    'forget',
    'read',
    'no-op'
];

/**
 * Trust-critical paths: the files that decide what the gate sees (the
 * workflows that make the plans, plangate's config, who owns what). An
 * edit of one of them by an AI agent can blind the gate (`echo '{}' >
 * plan.json`), so it is a gated item of its own, even when no plan
 * destroys anything.
 */
const DEFAULT_PROTECTED_PATHS = [
    '.github/workflows/**',
    '.github/actions/**',
    '.github/plangate.yml',
    'CODEOWNERS',
    '.github/CODEOWNERS',
    'docs/CODEOWNERS'
];
/** Whose commits to protected paths are gated: AI agents' (default) or anyone's. */
const PROTECTED_GATE_ON = ['ai', 'any'];
const DEFAULT_PROTECTED_PATHS_POLICY = {
    paths: DEFAULT_PROTECTED_PATHS,
    gateOn: 'ai'
};
/**
 * The first pattern that protects a path, if any. Dot files count
 * (`.github/…`), and case is ignored so that a differently cased name
 * fails closed.
 */
function protectingPattern(path, patterns) {
    return patterns.find((pattern) => minimatch(path, pattern, { dot: true, nocase: true, nocomment: true }));
}
/**
 * Every change of a protected path by a commit the policy gates: by
 * default AI commits (automation too when `automationAs` is `ai`), with
 * `gate-on: any` every commit. A commit whose file list could not be read
 * is gated without a path (it may have changed any of them). A rename
 * counts when either its old or its new path is protected; a deletion
 * counts like an edit.
 */
function findProtectedChanges(commits, reports, policy, automationAs) {
    const out = [];
    for (const commit of commits) {
        const report = reports.get(commit.sha);
        const author = authorOf(report, automationAs);
        if (policy.gateOn === 'ai' && author !== 'ai')
            continue;
        const rule = policy.gateOn;
        const by = describeCommit(commit.sha, report, author);
        if (commit.filesUnknown === true) {
            out.push({
                status: 'unknown',
                sha: commit.sha,
                author,
                rule,
                why: `the diff of ${by} could not be read, so it may have changed a protected path`
            });
            continue;
        }
        for (const file of commit.files) {
            const pattern = protectingPattern(file.path, policy.paths) ??
                (file.previousPath === undefined
                    ? undefined
                    : protectingPattern(file.previousPath, policy.paths));
            if (pattern === undefined)
                continue;
            out.push({
                path: file.path,
                ...(file.previousPath === undefined
                    ? {}
                    : { previousPath: file.previousPath }),
                status: file.status,
                sha: commit.sha,
                pattern,
                author,
                rule,
                why: `${file.status} by ${by}; protected by ${pattern}${rule === 'any' ? ' (gate-on: any)' : ''}`
            });
        }
    }
    return out;
}
function authorOf(report, automationAs) {
    // A commit the history does not describe is not known to be a person's: fail closed.
    if (report === undefined)
        return 'ai';
    if (report.verdict === 'automation')
        return automationAs;
    return report.verdict;
}
function describeCommit(sha, report, author) {
    const short = sha.slice(0, 7);
    switch (author) {
        case 'ai':
            return `AI commit ${short}${report?.tool === undefined ? '' : ` (${report.tool}${report.confidence === undefined ? '' : `, ${report.confidence}`})`}`;
        case 'automation':
            return `automation commit ${short}${report?.tool === undefined ? '' : ` (${report.tool})`}`;
        case 'human':
            return `commit ${short}`;
    }
}

/** Counts changes per action over all plans (drift excluded: the PR did not cause it). */
function countChanges(plans) {
    const counts = Object.fromEntries(CHANGE_ACTIONS.map((action) => [action, 0]));
    let destructive = 0;
    let imported = 0;
    let moved = 0;
    for (const plan of plans) {
        for (const change of plan.changes) {
            counts[change.action]++;
            if (change.destructive)
                destructive++;
            if (change.imported)
                imported++;
            if (change.movedFrom !== undefined)
                moved++;
        }
    }
    return { ...counts, destructive, imported, moved };
}
const STRICT = {
    gateOn: 'destructive',
    unattributed: 'gate',
    automationAs: 'automation'
};
/** The decision together with the verdict on every destructive change. */
function judgeChanges(plans, policy = STRICT, history) {
    const gated = [];
    const planProblems = [];
    const verdicts = new Map();
    for (const plan of plans) {
        for (const change of plan.changes) {
            if (!change.destructive)
                continue;
            const verdict = judge$1(change, policy, history);
            verdicts.set(change, verdict);
            if (!verdict.gated)
                continue;
            gated.push({
                source: plan.source,
                address: change.address,
                action: change.action,
                why: verdict.why,
                gatedBy: verdict.gatedBy ?? { kind: 'policy' }
            });
        }
        if (plan.incomplete !== undefined) {
            for (const note of plan.incomplete.notes)
                planProblems.push(`${plan.source}: ${note}`);
        }
    }
    if (plans.length === 0)
        planProblems.push('no plan was given');
    // The gate's own files: gated whatever the plans say, unless the gate is off.
    const gatedPaths = history?.files === undefined || policy.gateOn === 'none'
        ? []
        : findProtectedChanges(history.files, history.commits, policy.protectedPaths ?? DEFAULT_PROTECTED_PATHS_POLICY, policy.automationAs);
    const blocked = policy.gateOn !== 'none' &&
        (gated.length > 0 || planProblems.length > 0 || gatedPaths.length > 0);
    return {
        decision: {
            verdict: blocked ? 'blocked' : 'pass',
            summary: policy.gateOn === 'none'
                ? `the gate is off (gate-on: none): ${summarize$1(gated, planProblems, gatedPaths)}`
                : summarize$1(gated, planProblems, gatedPaths),
            gated,
            planProblems,
            gatedPaths
        },
        verdicts
    };
}
function judge$1(change, policy, history) {
    const what = change.explanation ?? `${change.action} of an existing object`;
    const attribution = history?.attribution.get(change);
    const causedBy = attribution?.causes ?? [];
    const pinned = attribution?.pinned ?? false;
    const base = { causedBy, pinned };
    switch (policy.gateOn) {
        case 'none':
            return { ...base, gated: false, why: `${what}; the gate is off` };
        case 'destructive':
            return { ...base, gated: true, why: what, gatedBy: { kind: 'policy' } };
    }
    if (history === undefined) {
        return {
            ...base,
            gated: true,
            why: `${what}; no commit history was given, so nobody can say an AI agent did not cause it`,
            gatedBy: { kind: 'no-history' }
        };
    }
    const isAi = (sha) => {
        const commit = history.commits.get(sha);
        if (commit === undefined)
            return false;
        if (commit.verdict === 'ai')
            return true;
        return commit.verdict === 'automation' && policy.automationAs === 'ai';
    };
    const aiCause = causedBy.find((cause) => isAi(cause.sha));
    if (aiCause !== undefined) {
        const commit = history.commits.get(aiCause.sha);
        const tool = commit?.tool === undefined ? 'an AI agent' : commit.tool;
        return {
            ...base,
            gated: true,
            why: `${what}; caused by ${aiCause.sha.slice(0, 7)} (${tool}${commit?.confidence === undefined ? '' : `, ${commit.confidence}`}): ${aiCause.how}`,
            gatedBy: {
                kind: 'ai-commit',
                sha: aiCause.sha,
                ...(commit?.tool === undefined ? {} : { tool: commit.tool }),
                ...(commit?.confidence === undefined
                    ? {}
                    : { confidence: commit.confidence })
            }
        };
    }
    const unread = history.aiUnread?.[0];
    if (unread !== undefined) {
        return {
            ...base,
            gated: true,
            why: `${what}; the diff of AI commit ${unread.slice(0, 7)} could not be read, so it may have caused it`,
            gatedBy: { kind: 'ai-unread', sha: unread }
        };
    }
    if (pinned) {
        return {
            ...base,
            gated: false,
            why: `${what}; caused by ${describeAuthors(causedBy, history)}, not by an AI agent`
        };
    }
    switch (policy.unattributed) {
        case 'gate':
            return {
                ...base,
                gated: true,
                why: `${what}; no commit could be tied to it`,
                gatedBy: { kind: 'unattributed' }
            };
        case 'pass':
            return {
                ...base,
                gated: false,
                why: `${what}; no commit could be tied to it (unattributed: pass)`
            };
        case 'gate-if-ai-touched-infra':
            return history.aiTouchedInfra
                ? {
                    ...base,
                    gated: true,
                    why: `${what}; no commit could be tied to it, and an AI agent changed infrastructure code in this range`,
                    gatedBy: { kind: 'unattributed-ai-infra' }
                }
                : {
                    ...base,
                    gated: false,
                    why: `${what}; no commit could be tied to it, and no AI agent changed infrastructure code in this range`
                };
    }
}
/** "people", "automation (dependabot)", or both, for the causes of a change. */
function describeAuthors(causes, history) {
    const tools = new Set();
    let people = false;
    for (const cause of causes) {
        const commit = history.commits.get(cause.sha);
        if (commit?.verdict === 'automation')
            tools.add(commit.tool ?? 'a bot');
        else
            people = true;
    }
    const automation = tools.size === 0
        ? undefined
        : `automation (${[...tools].sort().join(', ')})`;
    if (automation === undefined)
        return 'commits of people';
    return people ? `commits of people and ${automation}` : automation;
}
function summarize$1(gated, planProblems, gatedPaths = []) {
    const parts = [];
    if (gated.length > 0) {
        const replace = gated.filter((g) => g.action === 'replace').length;
        const destroy = gated.length - replace;
        const detail = [
            destroy > 0 ? `${destroy} destroy` : undefined,
            replace > 0 ? `${replace} replace` : undefined
        ]
            .filter((p) => p !== undefined)
            .join(', ');
        parts.push(`${gated.length} destructive ${gated.length === 1 ? 'change needs' : 'changes need'} a human's approval (${detail})`);
    }
    if (gatedPaths.length > 0) {
        const n = gatedPaths.length;
        parts.push(`${n} ${n === 1 ? 'change' : 'changes'} of protected paths (workflows, config, CODEOWNERS) ${n === 1 ? 'needs' : 'need'} a human's approval`);
    }
    if (planProblems.length > 0) {
        parts.push(planProblems.length === 1 && planProblems[0] === 'no plan was given'
            ? 'no plan was given'
            : `${planProblems.length === 1 ? 'a plan is' : 'plans are'} incomplete and cannot be trusted`);
    }
    if (parts.length === 0)
        return 'no destroy or replace: nothing needs approval';
    return parts.join('; ');
}

/** Length of the digest a reviewer types: 64 bits of SHA-256, in lowercase hex. */
const DIGEST_LENGTH = 16;
/**
 * Version of the digest's input layout; a new layout must change every digest.
 * 2: every destructive change is an item (with whether it is gated), not only
 * the gated ones, so that the digest binds the whole reviewed set.
 */
const DIGEST_VERSION = 2;
/**
 * The destructive changes of an analysis, in a canonical order, each with
 * whether the gate holds it: what a review covers. The digest binds them
 * all, so that what a review showed (gated or not) can be recomputed from
 * the record and cannot be edited unnoticed.
 */
function reviewedItems(analysis) {
    const items = [];
    const gatedKeys = new Set(analysis.decision.gated.map((g) => `${g.source}\u0000${g.address}`));
    for (const plan of analysis.plans) {
        for (const change of plan.changes) {
            if (!change.destructive)
                continue;
            const verdict = analysis.verdicts?.get(change);
            // Without a history every destructive change is gated (decideGate's strict default).
            const gated = verdict === undefined
                ? gatedKeys.has(`${plan.source}\u0000${change.address}`)
                : verdict.gated;
            items.push({
                kind: 'change',
                source: plan.source,
                stack: plan.stack ?? '',
                address: change.address,
                action: change.action,
                type: change.type,
                reason: change.reason ?? '',
                gated
            });
        }
    }
    for (const g of analysis.decision.gatedPaths)
        items.push({
            kind: 'path',
            path: g.path ?? '',
            previousPath: g.previousPath ?? '',
            status: g.status,
            sha: g.sha.toLowerCase(),
            gated: true
        });
    return items.sort(compareItems);
}
/**
 * The digest an approval must quote: SHA-256 over the repository, pull
 * request, base ref, head SHA and every reviewed item, gated or not. Any new
 * push (head), retargeted base or change of the reviewed set gives a new
 * digest, so an approval never carries over to something the reviewer did
 * not see.
 */
function computeDigest(scope, items) {
    const canonical = JSON.stringify([
        DIGEST_VERSION,
        scope.repository.toLowerCase(),
        scope.pullNumber,
        scope.baseRef,
        scope.headSha.toLowerCase(),
        [...items].sort(compareItems).map(canonicalItem)
    ]);
    return createHash('sha256')
        .update(canonical, 'utf8')
        .digest('hex')
        .slice(0, DIGEST_LENGTH);
}
/** The fields of an item in a fixed order: a field added later cannot collide with an old layout. */
function canonicalItem(item) {
    if (item.kind === 'path')
        return [
            item.kind,
            item.path,
            item.previousPath,
            item.status,
            item.sha.toLowerCase(),
            item.gated
        ];
    return [
        item.kind,
        item.source,
        item.stack,
        item.address,
        item.action,
        item.type,
        item.reason,
        item.gated,
        [...(item.files ?? [])].sort(compare$1)
    ];
}
function compareItems(a, b) {
    if (a.kind === 'path' || b.kind === 'path') {
        if (a.kind !== 'path' || b.kind !== 'path')
            return compare$1(a.kind, b.kind);
        return (compare$1(a.path, b.path) ||
            compare$1(a.previousPath, b.previousPath) ||
            compare$1(a.sha, b.sha) ||
            compare$1(a.status, b.status));
    }
    return (compare$1(a.kind, b.kind) ||
        compare$1(a.source, b.source) ||
        compare$1(a.stack, b.stack) ||
        compare$1(a.address, b.address) ||
        compare$1(a.action, b.action) ||
        compare$1(a.type, b.type) ||
        compare$1(a.reason, b.reason) ||
        Number(a.gated) - Number(b.gated));
}
/** Code-unit order, independent of the locale. */
function compare$1(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/*
 * `approval.approvers: [codeowners]`: who owns each gated change. A change's
 * owners are the CODEOWNERS owners of the files that declare it (the union
 * when several do); changes sharing an owner set form a group, and each
 * group needs an approval from one of its owners. Changes no rule owns
 * (or all of them, when the base has no readable CODEOWNERS) form one
 * group that `approval.codeowners-fallback` decides.
 */
/** The word in `approval.approvers` that means "the code owners". */
const CODEOWNERS_APPROVER = 'codeowners';
/**
 * Who approves a change without an owner: the other entries of
 * `approvers` (anyone eligible when there are none), anyone eligible, or
 * nobody (the merge needs a bypass).
 */
const CODEOWNERS_FALLBACKS = ['approvers', 'anyone', 'block'];

/** Roles a policy may require; `none` would let anyone approve. */
const MIN_PERMISSIONS = [
    'read',
    'triage',
    'write',
    'maintain',
    'admin'
];
const DEFAULT_APPROVAL_POLICY = {
    minApprovals: 1,
    minPermission: 'write',
    allowContributors: false,
    allowPrAuthor: false,
    aiLogins: [],
    approvers: [],
    codeownersFallback: 'approvers'
};
/** A letter, or a non-ASCII look-alike from a script that has them. */
function fuzzy(word) {
    return [...word]
        .map((c) => `(?:${c}|(?!\\p{ASCII})[\\p{sc=Latin}\\p{sc=Greek}\\p{sc=Cyrillic}\\p{sc=Armenian}\\p{sc=Cherokee}])`)
        .join('');
}
const VERB = `(?:${fuzzy('approve')}|${fuzzy('deny')})`;
new RegExp(`\\/\\s*${VERB}[-_\\s]?${fuzzy('destroy')}|${VERB}[-_]${fuzzy('destroy')}`, 'gu');

/*
 * The review record: what one review showed, in a form that can be carried
 * (inside plangate's comment, inside the JSON report) and checked later.
 * It holds the scope and every reviewed item, and names its digest; whoever
 * reads it recomputes the digest from the scope and items, and trusts the
 * record only when that matches a digest from a trusted place (plangate's
 * own commit status). An edited record no longer matches: edits show.
 */
/** Version of the record's layout. */
const RECORD_VERSION = 1;
const MAX_RECORD_ITEMS = 500_000;
/** A record that cannot be read: its text is not what plangate writes. */
class RecordError extends Error {
    name = 'RecordError';
}
/** The record of a review, with its digest. */
function buildRecord(scope, items) {
    return {
        version: RECORD_VERSION,
        scope,
        digest: items.length === 0 ? '' : computeDigest(scope, items),
        items
    };
}
/** Whether the record's digest is what its scope and items give. */
function recordIntact(record) {
    const expected = record.items.length === 0 ? '' : computeDigest(record.scope, record.items);
    return expected === record.digest;
}
/** The record as plain data (the JSON report's `review` carries this shape). */
function recordData(record) {
    return {
        version: record.version,
        scope: record.scope,
        digest: record.digest,
        items: record.items
    };
}
/** Checks the shape of a record read from JSON (a report's `review`, a decoded record). */
function parseRecord(value, where) {
    const object = asObject(value, where);
    if (object.version !== RECORD_VERSION)
        throw new RecordError(`${where}.version: expected ${RECORD_VERSION}, found ${JSON.stringify(object.version) ?? 'nothing'}`);
    const scope = asObject(object.scope, `${where}.scope`);
    const digest = string(object.digest, `${where}.digest`);
    if (digest !== '' && !new RegExp(`^[0-9a-f]{${DIGEST_LENGTH}}$`).test(digest))
        throw new RecordError(`${where}.digest: expected ${DIGEST_LENGTH} lowercase hex digits, found ${JSON.stringify(digest)}`);
    if (!Array.isArray(object.items))
        throw new RecordError(`${where}.items: expected a list`);
    if (object.items.length > MAX_RECORD_ITEMS)
        throw new RecordError(`${where}.items: more than ${MAX_RECORD_ITEMS} items`);
    const pullNumber = scope.pullNumber;
    if (typeof pullNumber !== 'number' || !Number.isSafeInteger(pullNumber))
        throw new RecordError(`${where}.scope.pullNumber: expected a number`);
    return {
        version: RECORD_VERSION,
        scope: {
            repository: string(scope.repository, `${where}.scope.repository`),
            pullNumber,
            baseRef: string(scope.baseRef, `${where}.scope.baseRef`),
            headSha: string(scope.headSha, `${where}.scope.headSha`)
        },
        digest,
        items: object.items.map((item, i) => parseItem(item, `${where}.items[${i}]`))
    };
}
const PATH_STATUSES = ['added', 'modified', 'deleted', 'renamed', 'unknown'];
function parseItem(value, where) {
    const item = asObject(value, where);
    if (item.kind === 'path') {
        const status = string(item.status, `${where}.status`);
        if (!PATH_STATUSES.includes(status))
            throw new RecordError(`${where}.status: expected one of ${PATH_STATUSES.join(', ')}, found ${JSON.stringify(status)}`);
        if (item.gated !== true)
            throw new RecordError(`${where}.gated: expected true (a protected path is always gated)`);
        return {
            kind: 'path',
            path: string(item.path, `${where}.path`),
            previousPath: string(item.previousPath, `${where}.previousPath`),
            status: status,
            sha: string(item.sha, `${where}.sha`),
            gated: true
        };
    }
    if (item.kind !== 'change')
        throw new RecordError(`${where}.kind: expected "change" or "path", found ${JSON.stringify(item.kind) ?? 'nothing'}`);
    const action = string(item.action, `${where}.action`);
    if (!CHANGE_ACTIONS.includes(action))
        throw new RecordError(`${where}.action: expected one of ${CHANGE_ACTIONS.join(', ')}, found ${JSON.stringify(action)}`);
    if (typeof item.gated !== 'boolean')
        throw new RecordError(`${where}.gated: expected true or false`);
    let files;
    if (item.files !== undefined) {
        if (!Array.isArray(item.files))
            throw new RecordError(`${where}.files: expected a list`);
        files = item.files.map((file, i) => string(file, `${where}.files[${i}]`));
    }
    return {
        kind: 'change',
        source: string(item.source, `${where}.source`),
        stack: string(item.stack, `${where}.stack`),
        address: string(item.address, `${where}.address`),
        action: action,
        type: string(item.type, `${where}.type`),
        reason: string(item.reason, `${where}.reason`),
        gated: item.gated,
        ...(files === undefined ? {} : { files })
    };
}
function asObject(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new RecordError(`${where}: expected an object`);
    return value;
}
function string(value, where) {
    if (typeof value !== 'string')
        throw new RecordError(`${where}: expected text, found ${value === undefined ? 'nothing' : typeof value}`);
    return value;
}

/** The identity a change is matched by. */
function keyOf(change) {
    return JSON.stringify([
        change.stack,
        change.address,
        change.action,
        change.type
    ]);
}
/**
 * Checks the plans about to be applied against the reviews of the pull
 * requests that brought them. Fails closed: no pull request, an untrusted
 * record, a pull request merged while blocked or denied, a change no review
 * showed, or an incomplete plan, all block.
 */
function verifyAgainstReviews(analysis, pulls) {
    const problems = [...analysis.decision.planProblems];
    const reviewed = new Map();
    for (const pull of pulls) {
        if (pull.problem !== undefined)
            problems.push(`${nameOf(pull)}: ${pull.problem}`);
        if (pull.outcome === 'blocked')
            problems.push(`${nameOf(pull)} ${pull.source === undefined ? 'was merged while plangate blocked it' : 'is a blocked review'} (its gated changes were never approved)`);
        else if (pull.outcome === 'rejected')
            problems.push(`${nameOf(pull)} ${pull.source === undefined ? 'was merged although' : 'says'} its destructive changes were denied`);
        else if (pull.outcome === 'undecided')
            problems.push(`${nameOf(pull)} ${pull.source === undefined ? 'was merged without a plangate decision for its head' : 'holds no decision (incomplete plan)'}`);
        for (const item of pull.record?.items ?? []) {
            if (item.kind !== 'change')
                continue;
            const key = keyOf(item);
            const list = reviewed.get(key) ?? [];
            list.push({ pull, item });
            reviewed.set(key, list);
        }
    }
    const changes = [];
    for (const plan of analysis.plans) {
        for (const change of plan.changes) {
            if (!change.destructive)
                continue;
            const identity = {
                source: plan.source,
                stack: plan.stack ?? '',
                address: change.address,
                action: change.action,
                type: change.type
            };
            changes.push({
                ...identity,
                ...judge(reviewed.get(keyOf(identity)), pulls)
            });
        }
    }
    if (changes.length > 0 && pulls.length === 0)
        problems.unshift('no merged pull request brought this commit: nobody reviewed its destructive changes');
    const bad = changes.filter((c) => c.state === 'unapproved' || c.state === 'unreviewed');
    // Nothing destructive to apply: the plan cannot destroy what nobody approved.
    const relevant = changes.length > 0 ? problems : analysis.decision.planProblems;
    const verified = bad.length === 0 && relevant.length === 0;
    return {
        verdict: verified ? 'verified' : 'blocked',
        changes,
        problems: relevant,
        summary: summarize(changes, bad, relevant)
    };
}
function judge(found, pulls) {
    const expected = pulls.length === 1 ? pulls[0]?.number : undefined;
    if (found === undefined || found.length === 0)
        return {
            state: 'unreviewed',
            ...(expected === undefined ? {} : { pull: expected }),
            detail: pulls.length === 0
                ? 'no pull request brought this commit'
                : `never shown in the review of ${pullList(pulls)}`
        };
    // The best standing of the reviews that showed it.
    for (const { pull, item } of found) {
        if (!item.gated && (pull.outcome === 'pass' || pull.outcome === 'approved'))
            return {
                state: 'reviewed',
                pull: pull.number,
                detail: `shown in ${shortName(pull)}, not gated there`
            };
        if (item.gated && pull.outcome === 'approved')
            return {
                state: 'approved',
                pull: pull.number,
                detail: `approved in ${shortName(pull)}${pull.approvedBy.length === 0 ? '' : ` by ${pull.approvedBy.map((l) => `@${l}`).join(', ')}`}`
            };
    }
    const first = found[0];
    return {
        state: 'unapproved',
        pull: first.pull.number,
        detail: first.item.gated
            ? `gated in ${shortName(first.pull)} and never approved (${first.pull.outcome})`
            : `shown in ${shortName(first.pull)}, whose review ended ${first.pull.outcome}`
    };
}
function pullList(pulls) {
    return pulls.map(shortName).join(', ');
}
/** `pull request #7`; offline, with the report file it was read from. */
function nameOf(pull) {
    if (pull.source === undefined)
        return `pull request #${pull.number}`;
    return pull.number > 0
        ? `pull request #${pull.number} (the review in ${pull.source})`
        : `the review in ${pull.source}`;
}
/** `#7`; offline without a pull request, the report file. */
function shortName(pull) {
    return pull.source === undefined || pull.number > 0
        ? `#${pull.number}`
        : `the review in ${pull.source}`;
}
function summarize(changes, bad, problems) {
    const n = changes.length;
    const what = `${n} destructive change${n === 1 ? '' : 's'}`;
    if (bad.length === 0 && problems.length === 0)
        return n === 0
            ? 'verified: nothing destructive to apply'
            : `verified: ${what}, each reviewed and, where gated, approved`;
    if (bad.length === 0)
        return `blocked: ${problems[0]}`;
    const unreviewed = bad.filter((c) => c.state === 'unreviewed').length;
    const unapproved = bad.length - unreviewed;
    const parts = [
        unreviewed > 0 ? `${unreviewed} never reviewed` : '',
        unapproved > 0 ? `${unapproved} never approved` : ''
    ].filter((p) => p !== '');
    return `blocked: ${what}, ${parts.join(' and ')}`;
}

/** Where the config lives unless the user says otherwise. */
const DEFAULT_CONFIG_PATH = '.github/plangate.yml';
/** What the gate blocks. */
const GATE_ON = ['ai-destructive', 'destructive', 'none'];
/** What happens to a destructive change no commit can be pinned to. */
const UNATTRIBUTED = [
    'gate-if-ai-touched-infra',
    'gate',
    'pass'
];
/** How commits of automation (Dependabot, Renovate, github-actions) count. */
const AUTOMATION_AS = ['automation', 'ai', 'human'];
const DEFAULT_POLICY = {
    gateOn: 'ai-destructive',
    disableRules: [],
    extraRules: [],
    aiIdentities: [],
    trustedHumans: [],
    automationAs: 'automation',
    unattributed: 'gate-if-ai-touched-infra',
    stackDirs: {},
    approval: DEFAULT_APPROVAL_POLICY,
    protectedPaths: DEFAULT_PROTECTED_PATHS_POLICY
};
/** A config file plangate cannot use: names the file and the key path. */
class PolicyError extends Error {
    name = 'PolicyError';
    source;
    path;
    constructor(source, path, message) {
        super(`${source}: ${path === '' ? '' : `${path}: `}${message}`);
        this.source = source;
        this.path = path;
    }
}
const KNOWN_KEYS = [
    'version',
    'gate-on',
    'rules',
    'ai-identities',
    'trusted-humans',
    'automation',
    'unattributed',
    'stack-dirs',
    'approval',
    'protected-paths'
];
const PROTECTED_PATHS_KEYS = ['paths', 'defaults', 'gate-on'];
const APPROVAL_KEYS = [
    'min-approvals',
    'min-permission',
    'allow-contributors',
    'allow-pr-author',
    'ai-logins',
    'approvers',
    'codeowners-fallback'
];
/**
 * Parses and validates the YAML text of a plangate config. Unknown keys are
 * errors (a typo must not silently weaken the gate), and every message
 * names the key path, what was expected and what was found.
 */
function parsePolicyConfig(text, source) {
    const document = distExports.parseDocument(text, {
        prettyErrors: false,
        uniqueKeys: true
    });
    const [first] = document.errors;
    if (first !== undefined) {
        const offset = first.pos[0];
        const before = text.slice(0, offset).split('\n');
        const line = before.length;
        const column = (before[before.length - 1]?.length ?? 0) + 1;
        throw new PolicyError(source, '', `expected YAML, found a syntax error at line ${line}, column ${column} (${first.code})`);
    }
    const doc = document.toJS();
    if (doc === null || doc === undefined)
        return DEFAULT_POLICY;
    const root = record(doc, source, '');
    for (const key of Object.keys(root)) {
        if (!KNOWN_KEYS.includes(key)) {
            throw new PolicyError(source, key, `unknown key; expected one of ${KNOWN_KEYS.join(', ')}`);
        }
    }
    if (root.version !== undefined && root.version !== 1) {
        throw new PolicyError(source, 'version', `must be 1, got ${show(root.version)}`);
    }
    const rules = root.rules === undefined ? {} : record(root.rules, source, 'rules');
    for (const key of Object.keys(rules)) {
        if (key !== 'disable' && key !== 'extra')
            throw new PolicyError(source, `rules.${key}`, 'unknown key; expected disable or extra');
    }
    const automation = root.automation === undefined
        ? {}
        : record(root.automation, source, 'automation');
    for (const key of Object.keys(automation)) {
        if (key !== 'treat-as')
            throw new PolicyError(source, `automation.${key}`, 'unknown key; expected treat-as');
    }
    const aiIdentities = strings(root['ai-identities'], source, 'ai-identities');
    return {
        gateOn: oneOf$1(root['gate-on'], GATE_ON, source, 'gate-on') ??
            DEFAULT_POLICY.gateOn,
        disableRules: strings(rules.disable, source, 'rules.disable'),
        extraRules: list(rules.extra, source, 'rules.extra').map((rule, i) => parseRule(rule, source, `rules.extra[${i}]`)),
        aiIdentities,
        trustedHumans: strings(root['trusted-humans'], source, 'trusted-humans'),
        automationAs: oneOf$1(automation['treat-as'], AUTOMATION_AS, source, 'automation.treat-as') ?? DEFAULT_POLICY.automationAs,
        unattributed: oneOf$1(root.unattributed, UNATTRIBUTED, source, 'unattributed') ??
            DEFAULT_POLICY.unattributed,
        stackDirs: stringMap(root['stack-dirs'], source, 'stack-dirs'),
        approval: parseApproval(root.approval, aiIdentities, source),
        protectedPaths: parseProtectedPaths(root['protected-paths'], source)
    };
}
/**
 * `protected-paths:` either a list of globs (added to the defaults) or a
 * mapping: `paths` (added to the defaults), `defaults: false` (drop the
 * defaults), `gate-on: ai|any`.
 */
function parseProtectedPaths(value, source) {
    if (value === undefined || value === null)
        return DEFAULT_PROTECTED_PATHS_POLICY;
    if (typeof value !== 'object')
        throw new PolicyError(source, 'protected-paths', `must be a list of globs or a mapping with ${PROTECTED_PATHS_KEYS.join(', ')}, got ${show(value)}`);
    const section = Array.isArray(value)
        ? { paths: value }
        : value;
    for (const key of Object.keys(section)) {
        if (!PROTECTED_PATHS_KEYS.includes(key))
            throw new PolicyError(source, `protected-paths.${key}`, `unknown key; expected one of ${PROTECTED_PATHS_KEYS.join(', ')}`);
    }
    const path = Array.isArray(value)
        ? 'protected-paths'
        : 'protected-paths.paths';
    const added = strings(section.paths, source, path).map((glob, i) => protectedGlob(glob, source, `${path}[${i}]`));
    const defaults = flag(section.defaults, source, 'protected-paths.defaults') ?? true;
    return {
        paths: [
            ...new Set([...(defaults ? DEFAULT_PROTECTED_PATHS : []), ...added])
        ],
        gateOn: oneOf$1(section['gate-on'], PROTECTED_GATE_ON, source, 'protected-paths.gate-on') ?? DEFAULT_PROTECTED_PATHS_POLICY.gateOn
    };
}
/**
 * A protected-path glob as commits name files: repository-relative, `/`
 * separators. A glob that could never match (a leading `/` or `./`, a
 * backslash) or that would invert (`!`) is an error, not a silent hole.
 */
function protectedGlob(glob, source, path) {
    const trimmed = glob.trim();
    const problem = trimmed.startsWith('!')
        ? 'a negated glob (protected paths can only be added; use defaults: false to start from none)'
        : trimmed.startsWith('/') || trimmed.startsWith('./')
            ? 'a path with a leading / or ./ (paths are relative to the repository root, e.g. "Makefile")'
            : trimmed.includes('\\')
                ? 'a backslash (use / between directories)'
                : undefined;
    if (problem !== undefined)
        throw new PolicyError(source, path, `expected a repository-relative glob (minimatch, e.g. "scripts/plan/**"), found ${problem}: ${show(glob)}`);
    return trimmed;
}
const LOGIN_GLOB = /^[A-Za-z0-9*?][A-Za-z0-9*?-]*(\[bot\])?$/;
const APPROVER = /^@?[A-Za-z0-9][A-Za-z0-9-]{0,38}(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;
/**
 * The `approval:` section. The login patterns of `ai-identities` join
 * `ai-logins`, so an account configured as an AI agent can never approve.
 */
function parseApproval(value, aiIdentities, source) {
    const section = value === undefined || value === null
        ? {}
        : record(value, source, 'approval');
    for (const key of Object.keys(section)) {
        if (!APPROVAL_KEYS.includes(key))
            throw new PolicyError(source, `approval.${key}`, `unknown key; expected one of ${APPROVAL_KEYS.join(', ')}`);
    }
    const defaults = DEFAULT_APPROVAL_POLICY;
    const aiLogins = strings(section['ai-logins'], source, 'approval.ai-logins').map((pattern, i) => {
        const trimmed = pattern.trim();
        if (!LOGIN_GLOB.test(trimmed))
            throw new PolicyError(source, `approval.ai-logins[${i}]`, `must be a login glob (letters, digits, -, * and ?), got ${show(pattern)}`);
        return trimmed;
    });
    const identityLogins = aiIdentities
        .map((pattern) => pattern.trim())
        .filter((pattern) => !pattern.includes('@'));
    const approvers = strings(section.approvers, source, 'approval.approvers').map((entry, i) => {
        const trimmed = entry.trim();
        if (!APPROVER.test(trimmed))
            throw new PolicyError(source, `approval.approvers[${i}]`, `must be a login or org/team, got ${show(entry)}`);
        return trimmed.replace(/^@/, '');
    });
    const codeowners = approvers.some((entry) => entry.toLowerCase() === CODEOWNERS_APPROVER);
    const fallback = oneOf$1(section['codeowners-fallback'], CODEOWNERS_FALLBACKS, source, 'approval.codeowners-fallback');
    if (fallback !== undefined && !codeowners)
        throw new PolicyError(source, 'approval.codeowners-fallback', `applies only with ${CODEOWNERS_APPROVER} in approval.approvers, got approvers ${approvers.length === 0 ? '(none)' : JSON.stringify(approvers)}`);
    return {
        minApprovals: minApprovals(section['min-approvals'], source),
        minPermission: oneOf$1(section['min-permission'], MIN_PERMISSIONS, source, 'approval.min-permission') ?? defaults.minPermission,
        allowContributors: flag(section['allow-contributors'], source, 'approval.allow-contributors') ?? defaults.allowContributors,
        allowPrAuthor: flag(section['allow-pr-author'], source, 'approval.allow-pr-author') ??
            defaults.allowPrAuthor,
        aiLogins: [...new Set([...aiLogins, ...identityLogins])],
        approvers,
        codeownersFallback: fallback ?? defaults.codeownersFallback
    };
}
function minApprovals(value, source) {
    if (value === undefined || value === null)
        return DEFAULT_APPROVAL_POLICY.minApprovals;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
        throw new PolicyError(source, 'approval.min-approvals', `must be an integer of at least 1, got ${show(value)}`);
    return value;
}
function flag(value, source, path) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value !== 'boolean')
        throw new PolicyError(source, path, `must be true or false, got ${show(value)}`);
    return value;
}
const RULE_KEYS = [
    'id',
    'tool',
    'confidence',
    'field',
    'key',
    'part',
    'match',
    'category',
    'note'
];
function parseRule(value, source, path) {
    const rule = record(value, source, path);
    for (const key of Object.keys(rule)) {
        if (!RULE_KEYS.includes(key))
            throw new PolicyError(source, `${path}.${key}`, `unknown key; expected one of ${RULE_KEYS.join(', ')}`);
    }
    const id = requiredString(rule.id, source, `${path}.id`);
    const tool = requiredString(rule.tool, source, `${path}.tool`);
    const confidence = oneOf$1(rule.confidence, CONFIDENCES, source, `${path}.confidence`) ??
        'likely';
    const field = oneOf$1(rule.field, RULE_FIELDS, source, `${path}.field`);
    if (field === undefined) {
        throw new PolicyError(source, `${path}.field`, `is required; one of ${RULE_FIELDS.join(', ')}`);
    }
    const category = oneOf$1(rule.category, ['ai', 'automation'], source, `${path}.category`) ?? 'ai';
    const match = parseMatcher(rule.match, source, `${path}.match`);
    const common = { id, tool, confidence, category, match };
    if (field === 'trailer') {
        const key = requiredString(rule.key, source, `${path}.key`);
        const part = oneOf$1(rule.part, TRAILER_PARTS, source, `${path}.part`);
        return part === undefined
            ? { ...common, field, key }
            : { ...common, field, key, part };
    }
    if (rule.key !== undefined || rule.part !== undefined) {
        throw new PolicyError(source, `${path}.key`, 'only trailer rules take key and part');
    }
    return { ...common, field };
}
/** `match: {exact: "..."}`, `{glob: "..."}` or `{regex: "^..."}`. */
function parseMatcher(value, source, path) {
    const matcher = record(value, source, path);
    const keys = Object.keys(matcher);
    const [kind] = keys;
    if (keys.length !== 1 ||
        (kind !== 'exact' && kind !== 'glob' && kind !== 'regex')) {
        throw new PolicyError(source, path, `must have exactly one of exact, glob or regex, got ${keys.length === 0 ? 'none' : keys.join(', ')}`);
    }
    const text = requiredString(matcher[kind], source, `${path}.${kind}`);
    switch (kind) {
        case 'exact':
            return { kind, value: text };
        case 'glob':
            return { kind, pattern: text };
        case 'regex':
            return { kind, source: text };
    }
}
function record(value, source, path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new PolicyError(source, path, `must be a mapping, got ${show(value)}`);
    }
    return value;
}
function list(value, source, path) {
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value))
        throw new PolicyError(source, path, `must be a list, got ${show(value)}`);
    return value;
}
function stringMap(value, source, path) {
    if (value === undefined || value === null)
        return {};
    const map = record(value, source, path);
    const out = {};
    for (const [key, item] of Object.entries(map))
        out[key] = requiredString(item, source, `${path}.${key}`);
    return out;
}
function strings(value, source, path) {
    return list(value, source, path).map((item, i) => requiredString(item, source, `${path}[${i}]`));
}
function requiredString(value, source, path) {
    if (typeof value !== 'string' || value.trim() === '') {
        throw new PolicyError(source, path, `must be a non-empty string, got ${show(value)}`);
    }
    return value;
}
function oneOf$1(value, allowed, source, path) {
    if (value === undefined || value === null)
        return undefined;
    if (typeof value === 'string' &&
        allowed.includes(value))
        return value;
    throw new PolicyError(source, path, `must be one of ${allowed.join('|')}, got ${show(value)}`);
}
/** Describes a config value for an error; configs are the user's own text, never secret. */
function show(value) {
    if (value === undefined)
        return 'nothing';
    if (typeof value === 'string')
        return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
    if (Array.isArray(value))
        return 'a list';
    if (value === null)
        return 'null';
    if (typeof value === 'number' || typeof value === 'boolean')
        return `${typeof value} ${String(value)}`;
    return typeof value === 'object' ? 'a mapping' : typeof value;
}
const RULE_OPTION_PATHS = {
    disable: 'rules.disable',
    aiIdentities: 'ai-identities',
    trustedHumans: 'trusted-humans'
};
/**
 * The detection rules a config asks for: the defaults, less what it
 * disables, plus its extra rules and identities. A rule problem is reported
 * at the config key it came from (`rules.disable[1]`, `rules.extra[0]`).
 */
function buildPolicyRules(config, source) {
    try {
        return buildRules(DEFAULT_RULES, {
            disable: config.disableRules,
            extra: config.extraRules,
            aiIdentities: config.aiIdentities,
            trustedHumans: config.trustedHumans
        });
    }
    catch (error) {
        if (!(error instanceof RuleError))
            throw error;
        const entry = /^(disable|aiIdentities|trustedHumans)\[(\d+)\]$/.exec(error.ruleId);
        const extraIndex = config.extraRules.findIndex((rule) => rule.id === error.ruleId);
        const path = entry !== null
            ? `${RULE_OPTION_PATHS[entry[1] ?? ''] ?? ''}[${entry[2] ?? ''}]`
            : extraIndex >= 0
                ? `rules.extra[${extraIndex}]`
                : `rules (rule ${error.ruleId})`;
        throw new PolicyError(source, path, `expected ${error.expected}, found ${error.found}`);
    }
}

/** Upper bound on one git command's output; V8 strings stop near 512 MiB. */
const MAX_GIT_OUTPUT_BYTES = 256 * 1024 * 1024;
/** Longest excerpt of git's stderr an error message quotes. */
const MAX_STDERR_CHARS = 200;
/**
 * Git (or the repository it reads) cannot give plangate the commits to
 * review. The message is one line: the repository, what failed, git's first
 * stderr line when it has one, and what to do about it. It never quotes file
 * content.
 */
class GitSourceError extends Error {
    name = 'GitSourceError';
    /** The repository directory as the caller passed it. */
    repo;
    /** The git subcommand that failed (`log`, `rev-parse`), or `git` itself. */
    command;
    /** The first non-empty line git wrote to stderr, truncated. */
    stderr;
    hint;
    constructor(repo, command, problem, stderr, hint, options) {
        super(`${repo}: ${problem}${stderr === undefined ? '' : ` (git ${command}: ${stderr})`}${hint === undefined ? '' : `; ${hint}`}`, options);
        this.repo = repo;
        this.command = command;
        this.stderr = stderr;
        this.hint = hint;
    }
}
const LOG_FIELDS = [
    '%H',
    '%P',
    '%an',
    '%ae',
    '%cn',
    '%ce',
    '%aI',
    '%s',
    '%N',
    '%B'
];
/**
 * Reads the commits of `base..head` from a local clone, oldest first, with
 * their messages, identities, `refs/notes/ai` notes and zero-context diffs:
 * everything the CLI needs for attribution, without a network.
 *
 * Order is `git rev-list --reverse --topo-order`. Each commit is diffed
 * against its first parent (see `SourceCommit.files`), with renames found.
 */
function readLocalCommits(options) {
    const { repo } = options;
    const shallow = runGit(repo, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
    const base = resolveCommit(repo, 'base', options.base, shallow);
    const head = resolveCommit(repo, 'head', options.head ?? 'HEAD', shallow);
    if (shallow)
        requireMergeBase(repo, options.base, base, head);
    const log = runGit(repo, [
        'log',
        '-z',
        '--reverse',
        '--topo-order',
        '--encoding=UTF-8',
        '--no-show-signature',
        '--no-notes',
        '--notes=ai',
        `--format=${LOG_FIELDS.join('%x00')}`,
        `${base}..${head}`,
        '--'
    ]);
    const commits = parseLog(repo, log);
    if (commits.length === 0)
        return [];
    // One diff-tree for the whole range: `SHA PARENT` diffs against that parent only.
    const input = commits
        .map((c) => c.parents[0] === undefined ? c.sha : `${c.sha} ${c.parents[0]}`)
        .join('\n');
    const patch = runGit(repo, [
        'diff-tree',
        '--stdin',
        '--root',
        '-r',
        '-p',
        '--unified=0',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--find-renames',
        '--submodule=short',
        '--src-prefix=a/',
        '--dst-prefix=b/',
        '--',
        ...(options.paths ?? [])
    ], `${input}\n`);
    const diffs = parseDiffTree(repo, patch);
    return commits.map((c) => ({ ...c, files: diffs.get(c.sha) ?? [] }));
}
/**
 * Reads, in one `git cat-file --batch`, the text before and after each
 * commit of every changed file `include` accepts, because hunks give line
 * numbers and attribution needs the blocks around them.
 */
function readFileVersions(repo, commits, include = () => true) {
    const wanted = [];
    const requests = [];
    for (const commit of commits) {
        for (const file of commit.files) {
            const before = file.previousPath ?? file.path;
            // cat-file reads one name a line: a path with a line break cannot be asked for.
            if (!include(file.path) || /[\n\r]/.test(file.path + before))
                continue;
            const parent = commit.parents[0];
            wanted.push({
                sha: commit.sha,
                path: file.path,
                ...(file.status === 'added' || parent === undefined
                    ? {}
                    : { before: `${parent}:${before}` }),
                ...(file.status === 'deleted'
                    ? {}
                    : { after: `${commit.sha}:${file.path}` })
            });
        }
    }
    for (const w of wanted) {
        if (w.before !== undefined)
            requests.push(w.before);
        if (w.after !== undefined)
            requests.push(w.after);
    }
    if (requests.length === 0)
        return [];
    const out = runGitBytes(repo, ['cat-file', '--batch'], `${requests.join('\n')}\n`);
    const blobs = new Map();
    let at = 0;
    for (const request of requests) {
        const eol = out.indexOf(0x0a, at);
        if (eol < 0)
            throw catFileError(repo);
        const header = out.toString('utf8', at, eol);
        at = eol + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            blobs.set(request, undefined);
            continue;
        }
        const size = Number(header.split(' ')[2]);
        if (!Number.isInteger(size) || at + size > out.length) {
            throw catFileError(repo);
        }
        blobs.set(request, out.toString('utf8', at, at + size));
        at += size + 1;
    }
    return wanted.map((w) => {
        const before = w.before === undefined ? undefined : blobs.get(w.before);
        const after = w.after === undefined ? undefined : blobs.get(w.after);
        return {
            sha: w.sha,
            path: w.path,
            ...(before === undefined ? {} : { before }),
            ...(after === undefined ? {} : { after })
        };
    });
}
function catFileError(repo) {
    return new GitSourceError(repo, 'cat-file', 'unexpected git cat-file output', undefined, 'please open an issue with your git version');
}
function resolveCommit(repo, which, ref, shallow) {
    const sha = ref === ''
        ? ''
        : runGit(repo, [
            'rev-parse',
            '--verify',
            '--quiet',
            '--end-of-options',
            `${ref}^{commit}`
        ], undefined, true).trim();
    if (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(sha))
        return sha;
    const fetch = `git fetch origin ${ref.replace(/^(?:refs\/remotes\/)?origin\//, '')}`;
    const hint = which === 'head'
        ? 'check out the change or pass --head with a ref or SHA that exists locally'
        : shallow
            ? `this is a shallow clone: fetch the base (${fetch}) or deepen it (git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0`
            : `fetch it first (${fetch}); in GitHub Actions use actions/checkout with fetch-depth: 0`;
    return fail(repo, 'rev-parse', `unknown ${which} ref "${ref}"`, hint);
}
/** In a shallow clone `base..head` is silently wrong when the histories do not meet. */
function requireMergeBase(repo, baseRef, base, head) {
    const found = runGit(repo, ['merge-base', '--end-of-options', base, head], undefined, true).trim();
    if (found !== '')
        return;
    fail(repo, 'merge-base', `shallow clone without the history that joins "${baseRef}" and the head`, 'deepen it (git fetch --deepen=200, or git fetch --unshallow); in GitHub Actions use actions/checkout with fetch-depth: 0');
}
function fail(repo, command, problem, hint) {
    throw new GitSourceError(repo, command, problem, undefined, hint);
}
/** Variables a calling hook or wrapper may set that would point git elsewhere. */
const REPOSITORY_ENV = [
    'GIT_DIR',
    'GIT_WORK_TREE',
    'GIT_INDEX_FILE',
    'GIT_COMMON_DIR',
    'GIT_OBJECT_DIRECTORY',
    'GIT_ALTERNATE_OBJECT_DIRECTORIES',
    'GIT_NAMESPACE',
    'GIT_NOTES_REF'
];
/**
 * Runs one read-only git command in `repo` and returns its stdout. With
 * `allowFailure`, an exit status of 1 (git's "not found" for `--verify
 * --quiet` and `merge-base`) returns `''` instead of throwing.
 */
function runGit(repo, args, input, allowFailure = false) {
    return runGitBytes(repo, args, input, allowFailure).toString('utf8');
}
function runGitBytes(repo, args, input, allowFailure = false) {
    const env = { ...process.env, LC_ALL: 'C' };
    for (const name of REPOSITORY_ENV)
        delete env[name];
    try {
        return execFileSync('git', ['-C', repo, '-c', 'core.quotepath=off', ...args], {
            env,
            maxBuffer: MAX_GIT_OUTPUT_BYTES,
            stdio: ['pipe', 'pipe', 'pipe'],
            ...(input === undefined ? {} : { input })
        });
    }
    catch (error) {
        if (allowFailure &&
            exitStatus(error) === 1 &&
            stderrLine(error) === undefined) {
            return Buffer.alloc(0);
        }
        throw toGitError(repo, args[0] ?? 'git', error);
    }
}
function toGitError(repo, command, error) {
    const code = property(error, 'code');
    if (code === 'ENOENT' && exitStatus(error) === undefined) {
        return new GitSourceError(repo, 'git', 'git is not installed or not on PATH', undefined, 'install git (https://git-scm.com/downloads) and run again', { cause: error });
    }
    if (code === 'ENOBUFS') {
        return new GitSourceError(repo, command, `git ${command} wrote more than ${MAX_GIT_OUTPUT_BYTES / 1024 / 1024} MiB`, undefined, 'review a shorter range (--base) or limit the diffs to infrastructure files', { cause: error });
    }
    const stderr = stderrLine(error);
    if (stderr !== undefined && /not a git repository/i.test(stderr)) {
        return new GitSourceError(repo, command, 'not a git repository', stderr, 'pass --repo with a directory inside the clone that holds the change', { cause: error });
    }
    if (stderr !== undefined && /cannot change to/i.test(stderr)) {
        return new GitSourceError(repo, command, 'no such directory', stderr, 'pass --repo with an existing directory', { cause: error });
    }
    return new GitSourceError(repo, command, `git ${command} failed${exitStatus(error) === undefined ? '' : ` with exit status ${exitStatus(error)}`}`, stderr, undefined, { cause: error });
}
function property(value, key) {
    return typeof value === 'object' && value !== null && key in value
        ? value[key]
        : undefined;
}
function exitStatus(error) {
    const status = property(error, 'status');
    return typeof status === 'number' ? status : undefined;
}
function stderrLine(error) {
    const stderr = property(error, 'stderr');
    const text = typeof stderr === 'string'
        ? stderr
        : Buffer.isBuffer(stderr)
            ? stderr.toString('utf8')
            : '';
    const line = text
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l !== '');
    if (line === undefined)
        return undefined;
    return line.length > MAX_STDERR_CHARS
        ? `${line.slice(0, MAX_STDERR_CHARS - 1)}…`
        : line;
}
function parseLog(repo, text) {
    if (text === '')
        return [];
    const fields = (text.endsWith('\0') ? text.slice(0, -1) : text).split('\0');
    const width = LOG_FIELDS.length;
    if (fields.length % width !== 0) {
        throw new GitSourceError(repo, 'log', `unexpected git log output (${fields.length} fields, expected a multiple of ${width})`);
    }
    const commits = [];
    for (let i = 0; i < fields.length; i += width) {
        const [sha, parents, an, ae, cn, ce, date, subject, notes, message] = fields.slice(i, i + width);
        commits.push({
            sha,
            parents: parents === '' ? [] : parents.split(' '),
            author: { name: an, email: ae },
            committer: { name: cn, email: ce },
            authorDate: date,
            subject,
            message,
            ...(notes === '' ? {} : { notes })
        });
    }
    return commits;
}
const COMMIT_LINE = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;
/**
 * Parses `git diff-tree --stdin -p --unified=0` output: a commit line, then
 * that commit's file sections. Commits with no change in the pathspec have
 * no section at all.
 */
function parseDiffTree(repo, text) {
    const byCommit = new Map();
    const lines = text.split('\n');
    if (lines.at(-1) === '')
        lines.pop();
    let files;
    let file;
    const flush = () => {
        if (file !== undefined && files !== undefined)
            files.push(finishFile(repo, file));
        file = undefined;
    };
    const malformed = (index, what) => new GitSourceError(repo, 'diff-tree', `unexpected git diff-tree output at line ${index + 1}: ${what}`, undefined, 'please open an issue with your git version');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (COMMIT_LINE.test(line)) {
            flush();
            files = [];
            byCommit.set(line, files);
            continue;
        }
        if (line.startsWith('diff --git ')) {
            if (files === undefined)
                throw malformed(i, 'a file before any commit');
            flush();
            file = {
                header: splitHeader(line.slice('diff --git '.length)),
                status: 'modified',
                from: undefined,
                to: undefined,
                oldName: undefined,
                newName: undefined,
                hunks: []
            };
            continue;
        }
        if (file === undefined) {
            // Only the commit line and file sections are expected; tolerate blank lines.
            if (line === '')
                continue;
            throw malformed(i, 'text outside a file section');
        }
        const hunk = HUNK_HEADER.exec(line);
        if (hunk !== null) {
            const oldLines = hunk[2] === undefined ? 1 : Number(hunk[2]);
            const newLines = hunk[4] === undefined ? 1 : Number(hunk[4]);
            const removed = [];
            const added = [];
            while (removed.length < oldLines || added.length < newLines) {
                i++;
                const body = lines[i];
                if (body === undefined)
                    throw malformed(i, 'a hunk cut short');
                if (body.startsWith('\\'))
                    continue;
                if (body.startsWith('-') && removed.length < oldLines) {
                    removed.push(body.slice(1));
                }
                else if (body.startsWith('+') && added.length < newLines) {
                    added.push(body.slice(1));
                }
                else {
                    throw malformed(i, 'a hunk line that does not match its header');
                }
            }
            file.hunks.push({
                oldStart: Number(hunk[1]),
                oldLines,
                newStart: Number(hunk[3]),
                newLines,
                removed,
                added
            });
            continue;
        }
        if (line.startsWith('\\'))
            continue; // "\ No newline at end of file"
        if (line.startsWith('new file mode '))
            file.status = 'added';
        else if (line.startsWith('deleted file mode '))
            file.status = 'deleted';
        else if (line.startsWith('rename from ')) {
            file.status = 'renamed';
            file.from = unquote(line.slice('rename from '.length));
        }
        else if (line.startsWith('rename to ')) {
            file.to = unquote(line.slice('rename to '.length));
        }
        else if (line.startsWith('copy to ')) {
            // Copies are not searched for; if git reports one, the copy is new.
            file.status = 'added';
            file.to = unquote(line.slice('copy to '.length));
        }
        else if (line.startsWith('--- ')) {
            file.oldName = diffName(line.slice(4), 'a/');
        }
        else if (line.startsWith('+++ ')) {
            file.newName = diffName(line.slice(4), 'b/');
        }
        // Other extended headers (index, mode, similarity, "Binary files ...
        // differ", copy from) add nothing the port carries.
    }
    flush();
    return byCommit;
}
function finishFile(repo, file) {
    const path = file.status === 'deleted'
        ? (file.oldName ?? file.header?.a)
        : (file.newName ?? file.to ?? file.header?.b);
    if (path === undefined) {
        throw new GitSourceError(repo, 'diff-tree', 'unexpected git diff-tree output: a file section without a path', undefined, 'please open an issue with your git version');
    }
    const previousPath = file.status === 'renamed' ? (file.from ?? file.oldName) : undefined;
    return {
        path,
        ...(previousPath === undefined ? {} : { previousPath }),
        status: file.status,
        hunks: file.hunks
    };
}
/** `a/x` or `/dev/null` from a `---`/`+++` line; undefined for /dev/null. */
function diffName(raw, prefix) {
    // Git ends the name with a tab when it contains a space.
    const name = raw.startsWith('"') ? unquote(raw) : raw.replace(/\t$/, '');
    if (name === '/dev/null')
        return undefined;
    return name.startsWith(prefix) ? name.slice(prefix.length) : name;
}
/**
 * Splits `a/X b/Y` from a `diff --git` line. Only needed for sections with no
 * `---`/`+++` or rename lines (binary files, mode changes, empty files), where
 * both names are the same, so an unquoted header splits in the middle.
 */
function splitHeader(rest) {
    if (rest.startsWith('"')) {
        const [a, after] = readQuoted(rest);
        const second = after.replace(/^ /, '');
        const b = second.startsWith('"') ? readQuoted(second)[0] : second;
        return strip(a, b);
    }
    const half = (rest.length - 1) / 2;
    if (Number.isInteger(half) && rest[half] === ' ') {
        const a = rest.slice(0, half);
        const b = rest.slice(half + 1);
        if (a.slice(2) === b.slice(2))
            return strip(a, b);
    }
    const at = rest.indexOf(' b/');
    if (at < 0)
        return undefined;
    const b = rest.slice(at + 1);
    return strip(rest.slice(0, at), b.startsWith('"') ? readQuoted(b)[0] : b);
}
function strip(a, b) {
    return {
        a: a.startsWith('a/') ? a.slice(2) : a,
        b: b.startsWith('b/') ? b.slice(2) : b
    };
}
/** A path as git prints it, C-quoted when it holds special characters. */
function unquote(raw) {
    return raw.startsWith('"') ? readQuoted(raw)[0] : raw;
}
const ESCAPES = {
    a: 7,
    b: 8,
    t: 9,
    n: 10,
    v: 11,
    f: 12,
    r: 13,
    '"': 34,
    '\\': 92
};
/**
 * Reads one C-style quoted string (git's `quote_c_style`) from the start of
 * `raw` and returns it with the rest. Octal escapes are bytes, so the result
 * is decoded as UTF-8 once all bytes are known.
 */
function readQuoted(raw) {
    const bytes = [];
    let i = 1;
    for (; i < raw.length; i++) {
        const code = raw.codePointAt(i) ?? 0;
        if (code === 34)
            break; // "
        if (code !== 92) {
            // A character outside the BMP takes two UTF-16 units.
            const ch = String.fromCodePoint(code);
            bytes.push(...Buffer.from(ch, 'utf8'));
            i += ch.length - 1;
            continue;
        }
        const next = raw[i + 1] ?? '';
        const octal = /^[0-7]{3}/.exec(raw.slice(i + 1, i + 4));
        if (octal !== null) {
            bytes.push(parseInt(octal[0], 8));
            i += 3;
        }
        else {
            bytes.push(ESCAPES[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return [Buffer.from(bytes).toString('utf8'), raw.slice(i + 1)];
}

/**
 * Reads the policy: the file given, else `.github/plangate.yml` of the
 * repository (or of the working directory), else the defaults. A file
 * given explicitly must exist.
 */
function loadPolicy(explicit, repo) {
    const candidate = explicit ?? join(repo ?? '.', DEFAULT_CONFIG_PATH);
    if (explicit === undefined && !existsSync(candidate)) {
        return {
            config: DEFAULT_POLICY,
            rules: buildPolicyRules(DEFAULT_POLICY, 'defaults'),
            source: undefined
        };
    }
    let text;
    try {
        text = readFileSync(candidate, 'utf8');
    }
    catch {
        throw new PolicyError(candidate, '', 'expected a readable plangate config file, found none');
    }
    const config = parsePolicyConfig(text, candidate);
    return {
        config,
        rules: buildPolicyRules(config, candidate),
        source: candidate
    };
}
/**
 * Reads the commits of `base..head`, classifies each (AI, automation,
 * human) and gathers the `.tf` file versions attribution needs.
 */
function readHistory(options) {
    const { repo } = options;
    const commits = readLocalCommits({
        repo,
        base: options.base,
        ...(options.head === undefined ? {} : { head: options.head })
    });
    const versions = new Map(readFileVersions(repo, commits, (path) => path.endsWith('.tf')).map((version) => [
        versionKey(version.sha, version.path),
        {
            ...(version.before === undefined ? {} : { before: version.before }),
            ...(version.after === undefined ? {} : { after: version.after })
        }
    ]));
    const rootDirs = planRootDirs(repo, options.planSources, options.rootModule);
    return {
        commits,
        verdicts: commits.map((commit) => classifyCommit(commit, undefined, options.rules)),
        versions,
        rootDirs
    };
}
/**
 * Plan source → repository-relative directory of its root module: the
 * directory a plan file sits in (plans are written next to the module they
 * plan), or `rootModule` when given.
 */
function planRootDirs(repo, planSources, rootModule) {
    const top = repositoryRoot(repo);
    return new Map(planSources.map((source) => [
        source,
        rootModule ?? moduleDirOf(source, top)
    ]));
}
function repositoryRoot(repo) {
    try {
        return execFileSync('git', ['-C', repo, 'rev-parse', '--show-toplevel'], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore']
        }).trim();
    }
    catch {
        throw new GitSourceError(repo, 'rev-parse', 'expected a git repository, found none');
    }
}
/** A plan file inside the repository sits in its root module; elsewhere, the repository root. */
function moduleDirOf(source, top) {
    if (source === '-')
        return '';
    const dir = relative(top, dirname(resolve(source)));
    if (dir.startsWith('..'))
        return '';
    return dir.split(sep$1).join('/');
}

/** A command line plangate cannot act on: exit code 2 with a one-line message. */
class UsageError extends Error {
    name = 'UsageError';
}
const OUTPUT_FORMATS = ['text', 'markdown', 'json'];
const COLOR_MODES = ['auto', 'always', 'never'];
const HELP = `plangate: find the destroys and replacements in infrastructure plans, and block them until a human approves.

Usage:
  plangate review [options] <plan>...                  review plans ("-" reads standard input)
  plangate review --before OLD --after NEW [<plan>...]  also compare two CloudFormation templates
  plangate verify [options] <plan>... --approved REPORT.json
                                                       before apply: check that every destroy or
                                                       replace of the plans was in an approved review
  plangate --help | --version

A plan is one of:
  Terraform/OpenTofu   terraform show -json PLANFILE > plan.json   (cdktf: a cdktf.out directory
                       whose stacks hold plan.json, see the README)
  CloudFormation/CDK   aws cloudformation describe-change-set --include-property-values ...
                       (a root change set and its nested ones: several files or a directory)
  Pulumi               pulumi preview --json > preview.json
  CDK without AWS      --before/--after: two templates, or two cdk.out directories from cdk synth

Options:
  -f, --format <text|markdown|json>  report format (default: text)
  -i, --input-format <auto|terraform|cloudformation|pulumi>
                                     how to read the plans (default: auto, from the content)
      --before <file|dir>            the old CloudFormation template, or the old cdk.out directory
      --after <file|dir>             the new CloudFormation template, or the new cdk.out directory
      --template <file|dir>          template or cdk.out directory naming the CDK constructs of
                                     change sets (aws:cdk:path); may be repeated
      --repo <dir> --base <ref> [--head <ref>]
                                     attribute destroys/replaces to the commits of base..head
                                     of a local clone, and find the AI-authored ones
      --root-module <dir>            the root module's directory in the repository (default: the
                                     plan file's directory)
      --config <file>                policy file (default: .github/plangate.yml of the repository)
  -o, --output <file>                write the report to a file instead of standard output ("-"
                                     is standard output; a device or a FIFO is written in place)
      --force                        let --output replace a file that is not a plangate report
      --color <auto|always|never>    colour the text report of review (default: auto, only on a
                                     terminal; NO_COLOR always wins)
      --approved <file>              verify only: the JSON report of the approved review
                                     (\`plangate review -f json\`, or the Action's report-path); repeat
                                     it for each pull request of a merge-queue batch
  -h, --help                         show this help
  -v, --version                      show the version

Options of review only: --repo, --base, --head, --root-module, --config, --color.

Exit codes:
  0  review: the gate would pass: no destroy or replace is gated
     verify: verified: every destroy or replace was reviewed and, where gated, approved
  1  review: the gate would block: gated destroys or replacements, or AI changes to protected
     paths (workflows, config, CODEOWNERS), need a human's approval, or a plan is incomplete
     verify: blocked: a destroy or replace was never reviewed or never approved, a review was
     blocked or denied, or a plan is incomplete
  2  usage or input error (the message names the file, what was expected and what was found; for
     verify also an unreadable or edited approved report)
  3  internal error (a bug: please open an issue with the message)
`;
function oneOf(name, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${name} must be one of ${allowed.join('|')}, got "${value}"`);
}
function historyOf(values) {
    const { repo, base, head } = values;
    const rootModule = values['root-module'];
    if (repo === undefined) {
        if (base !== undefined || head !== undefined || rootModule !== undefined) {
            throw new UsageError('--base, --head and --root-module need --repo DIR');
        }
        return undefined;
    }
    if (base === undefined) {
        throw new UsageError('--repo needs --base REF: the commit the change is compared against (e.g. origin/main)');
    }
    return { repo, base, head, rootModule };
}
/** The options of `review` that `verify` has no use for: it reads no history. */
const REVIEW_ONLY = [
    'repo',
    'base',
    'head',
    'root-module',
    'config',
    'color',
    'no-color'
];
/** The options common to both commands, parsed and checked. */
function common(command, values, plans) {
    const { before, after } = values;
    if ((before === undefined) !== (after === undefined)) {
        throw new UsageError(`--before and --after go together; got only --${before === undefined ? 'after' : 'before'}`);
    }
    if (plans.length === 0 && before === undefined) {
        throw new UsageError(command === 'review'
            ? 'no plan file given: `plangate review plan.json` (or `-` for standard input)'
            : 'no plan file given: `plangate verify plan.json --approved REPORT.json` (or `-` for standard input)');
    }
    if (plans.filter((p) => p === '-').length > 1) {
        throw new UsageError('standard input ("-") can be read only once');
    }
    // `--output -` is standard output, as if --output were left out.
    const output = values.output === '-' ? undefined : values.output;
    if (output === '') {
        throw new UsageError('--output needs a file path, or - for standard output');
    }
    return {
        plans,
        format: oneOf('format', values.format ?? 'text', OUTPUT_FORMATS),
        inputFormat: oneOf('input-format', values['input-format'] ?? 'auto', INPUT_FORMATS),
        templates: before === undefined || after === undefined
            ? undefined
            : { before, after },
        labelTemplates: values.template ?? [],
        output,
        force: values.force === true
    };
}
function verifyCommand(values, plans) {
    const extra = REVIEW_ONLY.find((name) => values[name] !== undefined);
    if (extra !== undefined) {
        throw new UsageError(`--${extra} belongs to \`plangate review\`; \`plangate verify\` reads no history or config: it checks the plans against the approved reports`);
    }
    const approved = values.approved ?? [];
    if (approved.length === 0) {
        throw new UsageError("verify needs --approved REPORT.json: the JSON report of the approved review (`plangate review -f json`, or the Action's report-path); repeat it for each pull request of a merge-queue batch");
    }
    if (approved.some((path) => path === '')) {
        throw new UsageError('--approved needs a file path');
    }
    const readsStdin = plans.filter((p) => p === '-').length +
        approved.filter((p) => p === '-').length;
    if (readsStdin > 1) {
        throw new UsageError('standard input ("-") can be read only once');
    }
    return { kind: 'verify', ...common('verify', values, plans), approved };
}
/** Parses argv (without node and script) into a command. */
function parseCommand(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: [...argv],
            allowPositionals: true,
            strict: true,
            options: {
                format: { type: 'string', short: 'f' },
                'input-format': { type: 'string', short: 'i' },
                before: { type: 'string' },
                after: { type: 'string' },
                template: { type: 'string', multiple: true },
                repo: { type: 'string' },
                base: { type: 'string' },
                head: { type: 'string' },
                'root-module': { type: 'string' },
                config: { type: 'string' },
                output: { type: 'string', short: 'o' },
                force: { type: 'boolean' },
                color: { type: 'string' },
                'no-color': { type: 'boolean' },
                approved: { type: 'string', multiple: true },
                help: { type: 'boolean', short: 'h' },
                version: { type: 'boolean', short: 'v' }
            }
        });
    }
    catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
        throw new UsageError(`${message ?? 'invalid arguments'}. Run \`plangate --help\` for usage.`);
    }
    const { values, positionals } = parsed;
    if (values.help === true)
        return { kind: 'help' };
    if (values.version === true)
        return { kind: 'version' };
    const [command, ...plans] = positionals;
    if (command === undefined)
        throw new UsageError('no command given. Run `plangate --help` for usage.');
    if (command !== 'review' && command !== 'verify') {
        throw new UsageError(`unknown command "${command}"; the commands are \`plangate review <plan-file>...\` and \`plangate verify <plan-file>... --approved REPORT.json\``);
    }
    if (command === 'verify')
        return verifyCommand(values, plans);
    if (values.approved !== undefined) {
        throw new UsageError('--approved belongs to `plangate verify`; `plangate review` reviews plans without a previous report');
    }
    return {
        kind: 'review',
        ...common('review', values, plans),
        history: historyOf(values),
        config: values.config,
        color: values['no-color'] === true
            ? 'never'
            : oneOf('color', values.color ?? 'auto', COLOR_MODES)
    };
}

/** Files whose change counts as a change of infrastructure code. */
const INFRA_FILE = /\.(tf|tfvars|tf\.json|hcl)$|(^|\/)(cdk\.json|Pulumi[^/]*\.ya?ml)$/;
/**
 * The one pure pipeline shared by the Action and the CLI: normalise every
 * plan with one redactor over all their secrets, attribute destructive
 * changes to the commits that caused them, count and decide. Inputs come
 * from `readPlan`, one file at a time, so that each file's text can be
 * freed as soon as it is parsed. "Blocked" is a result, not an error.
 */
function analyze(inputs, options = {}) {
    const { plans } = normalizePlans(inputs, options);
    const { history } = options;
    let gateHistory;
    let commits;
    if (history !== undefined) {
        const bySha = new Map(history.verdicts.map((verdict) => [verdict.sha, verdict]));
        commits = history.commits.map((commit) => commitReport(commit, bySha.get(commit.sha)));
        const reports = new Map(commits.map((report) => [report.sha, report]));
        gateHistory = {
            commits: reports,
            attribution: attributeChanges({
                plans,
                ...history,
                stackDirs: options.stackDirs ?? {}
            }),
            aiTouchedInfra: aiTouchedInfra(plans, history.commits, reports),
            aiUnread: history.commits
                .filter((commit) => commit.filesUnknown === true &&
                reports.get(commit.sha)?.verdict === 'ai')
                .map((commit) => commit.sha),
            files: history.commits
        };
    }
    const { decision, verdicts } = judgeChanges(plans, options.policy, gateHistory);
    return {
        plans,
        summary: countChanges(plans),
        decision,
        // Several plans can carry the same caveat (every template diff does): say it once.
        warnings: [...new Set(plans.flatMap((plan) => plan.warnings))],
        ...(commits === undefined ? {} : { commits, verdicts })
    };
}
/**
 * Whether an AI commit of the range changed infrastructure code. For CDK,
 * CloudFormation and Pulumi plans the code is ordinary source (a CDK app
 * in TypeScript, say), which plangate cannot tell from application code:
 * there any AI commit counts.
 */
function aiTouchedInfra(plans, commits, reports) {
    const ai = commits.filter((commit) => reports.get(commit.sha)?.verdict === 'ai');
    if (ai.length === 0)
        return false;
    if (plans.some((plan) => plan.sourceMap === undefined))
        return true;
    // A commit whose diff could not be read may have changed anything.
    return ai.some((commit) => commit.filesUnknown === true ||
        commit.files.some((file) => INFRA_FILE.test(file.path)));
}
function commitReport(commit, verdict) {
    const report = {
        sha: commit.sha,
        subject: commit.subject,
        verdict: verdict?.verdict ?? 'human',
        // Two rules can quote the same line: show it once, under the first rule.
        evidence: (verdict?.evidence ?? [])
            .filter((evidence, i, all) => all.findIndex((other) => other.field === evidence.field && other.text === evidence.text) === i)
            .map((evidence) => ({
            ruleId: evidence.ruleId,
            field: evidence.field,
            text: evidence.text
        }))
    };
    return {
        ...report,
        ...(verdict?.tool === undefined ? {} : { tool: verdict.tool }),
        ...(verdict?.confidence === undefined
            ? {}
            : { confidence: verdict.confidence })
    };
}

const STATES = ['pass', 'blocked', 'approved', 'rejected', 'incomplete'];
/**
 * Reads the JSON report of an approved review (`--approved REPORT.json`)
 * as the review `verify` checks a plan against. The report must carry a
 * `review` whose digest its items still give: an edited report is refused.
 * Offline, the file is trusted as given; the Action reads the review from
 * GitHub instead.
 */
function readApprovedReport(path, readStdin) {
    const value = parseJsonText(readPlanFile(path, readStdin), path);
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new PlanParseError(path, 'a plangate JSON report', 'other JSON');
    const report = value;
    if (typeof report.tool !== 'object' ||
        report.tool === null ||
        report.tool.name !== 'plangate')
        throw new PlanParseError(path, "a plangate JSON report (`plangate review -f json`, or the Action's report-path)", 'JSON without `"tool": {"name": "plangate"}`');
    if (report.review === undefined)
        throw new PlanParseError(path, 'a report with a `review` (written by plangate 0.2 or later)', 'a report without one');
    let record;
    try {
        record = parseRecord(report.review, 'review');
    }
    catch (error) {
        if (error instanceof RecordError)
            throw new PlanParseError(path, 'a readable review', error.message);
        throw error;
    }
    if (!recordIntact(record))
        throw new PlanParseError(path, 'a review whose digest its scope and items give', `digest ${JSON.stringify(record.digest)} that does not match them: the report was edited after plangate wrote it`);
    const review = report.review;
    const state = review.state;
    if (typeof state !== 'string' || !STATES.includes(state))
        throw new PlanParseError(path, `review.state: one of ${STATES.join(', ')}`, JSON.stringify(state) ?? 'nothing');
    const logins = (key) => {
        const list = review[key];
        if (!Array.isArray(list) ||
            !list.every((login) => typeof login === 'string'))
            throw new PlanParseError(path, `review.${key}: a list of logins`, list === undefined ? 'nothing' : 'something else');
        return list;
    };
    const approvedBy = logins('approvedBy');
    logins('deniedBy');
    return {
        number: record.scope.pullNumber,
        outcome: state === 'pass' || state === 'approved' || state === 'blocked'
            ? state
            : state === 'rejected'
                ? 'rejected'
                : 'undecided',
        approvedBy,
        record,
        source: path
    };
}

class Diff {
    diff(oldStr, newStr, 
    // Type below is not accurate/complete - see above for full possibilities - but it compiles
    options = {}) {
        let callback;
        if (typeof options === 'function') {
            callback = options;
            options = {};
        }
        else if ('callback' in options) {
            callback = options.callback;
        }
        // Allow subclasses to massage the input prior to running
        const oldString = this.castInput(oldStr, options);
        const newString = this.castInput(newStr, options);
        const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
        const newTokens = this.removeEmpty(this.tokenize(newString, options));
        return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
    }
    diffWithOptionsObj(oldTokens, newTokens, options, callback) {
        var _a;
        const done = (value) => {
            value = this.postProcess(value, options);
            if (callback) {
                setTimeout(function () { callback(value); }, 0);
                return undefined;
            }
            else {
                return value;
            }
        };
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let editLength = 1;
        let maxEditLength = newLen + oldLen;
        if (options.maxEditLength != null) {
            maxEditLength = Math.min(maxEditLength, options.maxEditLength);
        }
        const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
        const abortAfterTimestamp = Date.now() + maxExecutionTime;
        const bestPath = [{ oldPos: -1, lastComponent: undefined }];
        // Seed editLength = 0, i.e. the content starts with the same values
        let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
        if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
            // Identity per the equality and tokenizer
            return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
        }
        // Once we hit the right edge of the edit graph on some diagonal k, we can
        // definitely reach the end of the edit graph in no more than k edits, so
        // there's no point in considering any moves to diagonal k+1 any more (from
        // which we're guaranteed to need at least k+1 more edits).
        // Similarly, once we've reached the bottom of the edit graph, there's no
        // point considering moves to lower diagonals.
        // We record this fact by setting minDiagonalToConsider and
        // maxDiagonalToConsider to some finite value once we've hit the edge of
        // the edit graph.
        // This optimization is not faithful to the original algorithm presented in
        // Myers's paper, which instead pointlessly extends D-paths off the end of
        // the edit graph - see page 7 of Myers's paper which notes this point
        // explicitly and illustrates it with a diagram. This has major performance
        // implications for some common scenarios. For instance, to compute a diff
        // where the new text simply appends d characters on the end of the
        // original text of length n, the true Myers algorithm will take O(n+d^2)
        // time while this optimization needs only O(n+d) time.
        let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
        // Main worker method. checks all permutations of a given edit length for acceptance.
        const execEditLength = () => {
            for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
                let basePath;
                const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
                if (removePath) {
                    // No one else is going to attempt to use this value, clear it
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath - 1] = undefined;
                }
                let canAdd = false;
                if (addPath) {
                    // what newPos will be after we do an insertion:
                    const addPathNewPos = addPath.oldPos - diagonalPath;
                    canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
                }
                const canRemove = removePath && removePath.oldPos + 1 < oldLen;
                if (!canAdd && !canRemove) {
                    // If this path is a terminal then prune
                    // @ts-expect-error - perf optimisation. This type-violating value will never be read.
                    bestPath[diagonalPath] = undefined;
                    continue;
                }
                // Select the diagonal that we want to branch from. We select the prior
                // path whose position in the old string is the farthest from the origin
                // and does not pass the bounds of the diff graph
                if (!canRemove || (canAdd && removePath.oldPos < addPath.oldPos)) {
                    basePath = this.addToPath(addPath, true, false, 0, options);
                }
                else {
                    basePath = this.addToPath(removePath, false, true, 1, options);
                }
                newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
                if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
                    // If we have hit the end of both strings, then we are done
                    return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
                }
                else {
                    bestPath[diagonalPath] = basePath;
                    if (basePath.oldPos + 1 >= oldLen) {
                        maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
                    }
                    if (newPos + 1 >= newLen) {
                        minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
                    }
                }
            }
            editLength++;
        };
        // Performs the length of edit iteration. Is a bit fugly as this has to support the
        // sync and async mode which is never fun. Loops over execEditLength until a value
        // is produced, or until the edit length exceeds options.maxEditLength (if given),
        // in which case it will return undefined.
        if (callback) {
            (function exec() {
                setTimeout(function () {
                    if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
                        return callback(undefined);
                    }
                    if (!execEditLength()) {
                        exec();
                    }
                }, 0);
            }());
        }
        else {
            while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
                const ret = execEditLength();
                if (ret) {
                    return ret;
                }
            }
        }
    }
    addToPath(path, added, removed, oldPosInc, options) {
        const last = path.lastComponent;
        if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: last.count + 1, added: added, removed: removed, previousComponent: last.previousComponent }
            };
        }
        else {
            return {
                oldPos: path.oldPos + oldPosInc,
                lastComponent: { count: 1, added: added, removed: removed, previousComponent: last }
            };
        }
    }
    extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
        const newLen = newTokens.length, oldLen = oldTokens.length;
        let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
        while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
            newPos++;
            oldPos++;
            commonCount++;
            if (options.oneChangePerToken) {
                basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
            }
        }
        if (commonCount && !options.oneChangePerToken) {
            basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
        }
        basePath.oldPos = oldPos;
        return newPos;
    }
    equals(left, right, options) {
        if (options.comparator) {
            return options.comparator(left, right);
        }
        else {
            return left === right
                || (!!options.ignoreCase && left.toLowerCase() === right.toLowerCase());
        }
    }
    removeEmpty(array) {
        const ret = [];
        for (let i = 0; i < array.length; i++) {
            if (array[i]) {
                ret.push(array[i]);
            }
        }
        return ret;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    castInput(value, options) {
        return value;
    }
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    tokenize(value, options) {
        return Array.from(value);
    }
    join(chars) {
        // Assumes ValueT is string, which is the case for most subclasses.
        // When it's false, e.g. in diffArrays, this method needs to be overridden (e.g. with a no-op)
        // Yes, the casts are verbose and ugly, because this pattern - of having the base class SORT OF
        // assume tokens and values are strings, but not completely - is weird and janky.
        return chars.join('');
    }
    postProcess(changeObjects, 
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    options) {
        return changeObjects;
    }
    get useLongestToken() {
        return false;
    }
    buildValues(lastComponent, newTokens, oldTokens) {
        // First we convert our linked list of components in reverse order to an
        // array in the right order:
        const components = [];
        let nextComponent;
        while (lastComponent) {
            components.push(lastComponent);
            nextComponent = lastComponent.previousComponent;
            delete lastComponent.previousComponent;
            lastComponent = nextComponent;
        }
        components.reverse();
        const componentLen = components.length;
        let componentPos = 0, newPos = 0, oldPos = 0;
        for (; componentPos < componentLen; componentPos++) {
            const component = components[componentPos];
            if (!component.removed) {
                if (!component.added && this.useLongestToken) {
                    let value = newTokens.slice(newPos, newPos + component.count);
                    value = value.map(function (value, i) {
                        const oldValue = oldTokens[oldPos + i];
                        return oldValue.length > value.length ? oldValue : value;
                    });
                    component.value = this.join(value);
                }
                else {
                    component.value = this.join(newTokens.slice(newPos, newPos + component.count));
                }
                newPos += component.count;
                // Common case
                if (!component.added) {
                    oldPos += component.count;
                }
            }
            else {
                component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
                oldPos += component.count;
            }
        }
        return components;
    }
}

class LineDiff extends Diff {
    constructor() {
        super(...arguments);
        this.tokenize = tokenize;
    }
    equals(left, right, options) {
        // If we're ignoring whitespace, we need to normalise lines by stripping
        // whitespace before checking equality. (This has an annoying interaction
        // with newlineIsToken that requires special handling: if newlines get their
        // own token, then we DON'T want to trim the *newline* tokens down to empty
        // strings, since this would cause us to treat whitespace-only line content
        // as equal to a separator between lines, which would be weird and
        // inconsistent with the documented behavior of the options.)
        if (options.ignoreWhitespace) {
            if (!options.newlineIsToken || !left.includes('\n')) {
                left = left.trim();
            }
            if (!options.newlineIsToken || !right.includes('\n')) {
                right = right.trim();
            }
        }
        else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
            if (left.endsWith('\n')) {
                left = left.slice(0, -1);
            }
            if (right.endsWith('\n')) {
                right = right.slice(0, -1);
            }
        }
        return super.equals(left, right, options);
    }
}
const lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
    return lineDiff.diff(oldStr, newStr, options);
}
// Exported standalone so it can be used from jsonDiff too.
function tokenize(value, options) {
    if (options.stripTrailingCr) {
        // remove one \r before \n to match GNU diff's --strip-trailing-cr behavior
        value = value.replace(/\r\n/g, '\n');
    }
    const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
    // Ignore the final empty token that occurs if the string ends with a new line
    if (!linesAndNewlines[linesAndNewlines.length - 1]) {
        linesAndNewlines.pop();
    }
    // Merge the content and line separators into single tokens
    for (let i = 0; i < linesAndNewlines.length; i++) {
        const line = linesAndNewlines[i];
        if (i % 2 && !options.newlineIsToken) {
            retLines[retLines.length - 1] += line;
        }
        else {
            retLines.push(line);
        }
    }
    return retLines;
}

/** How many paths the "known after apply" line names before "and K more". */
const MAX_FOLDED_NAMES = 6;
/** Renders one side of an attribute for people. */
function formatValue(value) {
    switch (value.kind) {
        case 'sensitive':
            return SENSITIVE_TEXT;
        case 'unknown':
            return UNKNOWN_TEXT;
        case 'absent':
            return '';
        case 'value':
            return JSON.stringify(value.value) ?? 'null';
    }
}
/** Line-by-line diff of two multi-line strings, or undefined when it does not apply. */
function multilineDiff(change) {
    const before = stringSide(change.before);
    const after = stringSide(change.after);
    if (typeof before !== 'string' || typeof after !== 'string')
        return undefined;
    if (!before.includes('\n') && !after.includes('\n'))
        return undefined;
    const lines = [];
    for (const part of diffLines(before, after)) {
        const sign = part.added ? '+' : part.removed ? '-' : ' ';
        const text = part.value.endsWith('\n')
            ? part.value.slice(0, -1)
            : part.value;
        for (const line of text.split('\n'))
            lines.push({ sign, text: line });
    }
    return lines;
}
/** A side's plain value for a line diff: a sensitive or unknown side has none. */
function stringSide(value) {
    switch (value.kind) {
        case 'value':
            return value.value;
        case 'absent':
            return '';
        case 'sensitive':
        case 'unknown':
            return undefined;
    }
}
/**
 * The lines to show for a resource's changed attributes, with the noise
 * folded away so that what the change does stays visible: unknown values
 * that force nothing become one trailing "known after apply" line, and on a
 * destroy a subtree that repeats an earlier one (terraform_data's `output`
 * mirrors its `input`) becomes one "same as" line. Values print as
 * {@link formatValue} prints them, so a sensitive value never shows.
 */
function renderAttributeDiff(attributes, action, style) {
    const mirrors = action === 'destroy' ? findMirrors(attributes) : new Map();
    const lines = [];
    const folded = [];
    const mirrored = new Set();
    for (const attribute of attributes) {
        const [top] = splitTop(attribute.path);
        const original = mirrors.get(top);
        if (original !== undefined) {
            if (!mirrored.has(top))
                lines.push(`# ${displayPath(top)}: same as ${displayPath(original)}`);
            mirrored.add(top);
        }
        else if (attribute.after.kind === 'unknown' &&
            !attribute.forcesReplacement) {
            folded.push(displayPath(attribute.path));
        }
        else {
            lines.push(...renderAttribute(attribute, style));
        }
    }
    if (folded.length > 0)
        lines.push(knownAfterApplyLine(folded));
    return lines;
}
/**
 * Every attribute on its own line(s), nothing folded: for root outputs,
 * whose value is all there is to show of them.
 */
function renderAttributeLines(attributes, style) {
    return attributes.flatMap((attribute) => renderAttribute(attribute, style));
}
/** One attribute, a multi-line string expanded into a line diff. */
function renderAttribute(change, style) {
    const sign = signOf(change, style);
    const path = displayPath(change.path);
    const suffix = change.forcesReplacement ? '  # forces replacement' : '';
    const diff = multilineDiff(change);
    if (diff === undefined) {
        const value = sign === '+'
            ? formatValue(change.after)
            : sign === '-'
                ? formatValue(change.before)
                : `${formatValue(change.before)} -> ${formatValue(change.after)}`;
        return [`${sign} ${path} = ${value}${suffix}`];
    }
    return [
        `${sign} ${path} = <<-EOT${suffix}`,
        ...diff.map((line) => 
        // GitHub colours a diff line by its first character only.
        style === 'markdown'
            ? `${line.sign}     ${line.text}`
            : `    ${line.sign} ${line.text}`),
        '  EOT'
    ];
}
/** `+` added, `-` removed; a changed value is `!` in a GitHub diff fence, `~` elsewhere. */
function signOf(change, style) {
    if (change.before.kind === 'absent')
        return '+';
    if (change.after.kind === 'absent')
        return '-';
    return style === 'markdown' ? '!' : '~';
}
/** The name of the root value, whose path is empty. */
function displayPath(path) {
    return path === '' ? '(value)' : path;
}
/** "# 3 attributes known after apply: id, arn, output". */
function knownAfterApplyLine(paths) {
    const noun = paths.length === 1 ? 'attribute' : 'attributes';
    const named = paths.slice(0, MAX_FOLDED_NAMES).join(', ');
    const more = paths.length > MAX_FOLDED_NAMES
        ? ` and ${paths.length - MAX_FOLDED_NAMES} more`
        : '';
    return `# ${paths.length} ${noun} known after apply: ${named}${more}`;
}
/**
 * Splits a path into its top-level attribute and the rest:
 * `input.tags["a.b"]` → `input`, `.tags["a.b"]`; `[0].name` → `[0]`, `.name`.
 */
function splitTop(path) {
    const match = /^(?:\["(?:[^"\\]|\\.)*"\]|\[[^\]]*\]|[^.[]*)/.exec(path);
    const top = match?.[0] ?? '';
    return [top, path.slice(top.length)];
}
/**
 * Top-level attributes whose whole subtree repeats an earlier one's, each
 * mapped to the first one it repeats. Bare scalars are left alone: two
 * attributes that happen to be both `true` or both `22` mirror nothing.
 */
function findMirrors(attributes) {
    const subtrees = new Map();
    for (const change of attributes) {
        const [top, rest] = splitTop(change.path);
        const leaves = subtrees.get(top) ?? [];
        leaves.push({ rest, change });
        subtrees.set(top, leaves);
    }
    const mirrors = new Map();
    const seen = [];
    for (const [top, leaves] of subtrees) {
        if (!isStructured(leaves))
            continue;
        const original = seen.find(([, earlier]) => sameLeaves(earlier, leaves));
        if (original === undefined)
            seen.push([top, leaves]);
        else
            mirrors.set(top, original[0]);
    }
    return mirrors;
}
/** True when a subtree is an object or a list, not one bare scalar. */
function isStructured(leaves) {
    return leaves.some(({ rest, change }) => rest !== '' || isComposite(change.before) || isComposite(change.after));
}
function isComposite(value) {
    return (value.kind === 'value' &&
        typeof value.value === 'object' &&
        value.value !== null);
}
/** Same relative paths with the same changes; a sensitive leaf compares by kind only. */
function sameLeaves(a, b) {
    if (a.length === 0 || a.length !== b.length)
        return false;
    const byRest = new Map(b.map((leaf) => [leaf.rest, leaf.change]));
    return a.every(({ rest, change }) => {
        const other = byRest.get(rest);
        return (other !== undefined &&
            other.forcesReplacement === change.forcesReplacement &&
            sameValue(other.before, change.before) &&
            sameValue(other.after, change.after));
    });
}
function sameValue(a, b) {
    if (a.kind === 'value' && b.kind === 'value')
        return sameJson(a.value, b.value);
    return a.kind === b.kind;
}
/** Deep equality of JSON-shaped values (plan values come from JSON). */
function sameJson(a, b) {
    if (a === b)
        return true;
    if (typeof a !== 'object' || typeof b !== 'object')
        return false;
    if (a === null || b === null)
        return false;
    if (Array.isArray(a) !== Array.isArray(b))
        return false;
    const keysA = Object.keys(a);
    const keysB = Object.keys(b);
    if (keysA.length !== keysB.length)
        return false;
    const recordA = a;
    const recordB = b;
    return keysA.every((key) => Object.hasOwn(recordB, key) && sameJson(recordA[key], recordB[key]));
}

/*
 * Escaping for text that did not come from plangate (plan data, commit
 * subjects, logins, file names) on its way into Markdown. Every renderer
 * goes through these functions, so that one fix covers every report.
 */
/**
 * Every line terminator CommonMark or a browser may honour: CRLF, a lone CR
 * or LF, and the Unicode line and paragraph separators, NEL, VT and FF.
 */
const LINE_BREAKS = /\r\n|[\r\n\u2028\u2029\u0085\v\f]/g;
/** Text on one line: every line terminator becomes a space. */
function oneLine(text) {
    return text.replace(LINE_BREAKS, ' ');
}
/** Escapes text for HTML element content (summary lines, sub tags); never used in attributes. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Longest piece of free text a report quotes; the rest is cut with an ellipsis. */
const MAX_TEXT_CHARS = 2_000;
/**
 * Escapes free text (plan data, or plangate's words around it) for
 * Markdown: on one line, cut at `max` characters, and, outside the code
 * spans it holds, no HTML, no mention, no issue reference, no link, image
 * or autolink, and no backslash that could undo an escape. Code spans
 * (plangate's own, or a backtick run in data that CommonMark would close)
 * are kept as they are: nothing inside one is interpreted.
 */
function escapeText(text, max = MAX_TEXT_CHARS) {
    return mapOutsideCode(cut(oneLine(text), max), escapeProse);
}
/** Free text inside a table cell: also escapes the cell separator, inside code spans too. */
function escapeCell(text, max = MAX_TEXT_CHARS) {
    return escapeText(text, max).replace(/\|/g, '\\|');
}
function escapeProse(text) {
    return (text
        .replace(/\\/g, '\\\\')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Links and images need brackets.
        .replace(/[[\]]/g, (c) => `\\${c}`)
        // Mentions and team mentions, and e-mail autolinks.
        .replace(/@/g, '@\u200b')
        // Issue and pull request references: #12, GH-12, owner/repo#12.
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/\b(GH)-(?=\d)/gi, '$1\u200b-')
        // Autolinks without brackets: http://, https://, ftp://, www.
        .replace(/:\/\//g, ':\u200b//')
        .replace(/\b(www)\./gi, '$1\u200b.'));
}
/**
 * Applies `escape` to the parts of `text` outside CommonMark code spans (a
 * backtick run closed by a run of the same length); an unclosed run is
 * literal text.
 */
function mapOutsideCode(text, escape) {
    let out = '';
    let prose = '';
    let i = 0;
    while (i < text.length) {
        if (text[i] !== '`') {
            prose += text[i];
            i++;
            continue;
        }
        let n = 0;
        while (text[i + n] === '`')
            n++;
        const close = findRun(text, i + n, n);
        if (close === -1) {
            prose += '`'.repeat(n);
            i += n;
            continue;
        }
        out += escape(prose) + text.slice(i, close + n);
        prose = '';
        i = close + n;
    }
    return out + escape(prose);
}
/** Where the next run of exactly `n` backticks starts at or after `from`, or -1. */
function findRun(text, from, n) {
    let i = from;
    while (i < text.length) {
        if (text[i] !== '`') {
            i++;
            continue;
        }
        let m = 0;
        while (text[i + m] === '`')
            m++;
        if (m === n)
            return i;
        i += m;
    }
    return -1;
}
/** Text cut to `max` code points, the cut marked with an ellipsis. */
function cut(text, max) {
    if (text.length <= max)
        return text;
    const points = Array.from(text);
    return points.length <= max ? text : `${points.slice(0, max - 1).join('')}…`;
}
/**
 * Free text inside an HTML block (a `<details><summary>` line), where
 * GitHub does not read Markdown, so a backslash would show: HTML escapes,
 * defused mentions and references, one line.
 */
function escapeHtmlText(text, max = MAX_TEXT_CHARS) {
    return escapeHtml(cut(oneLine(text), max))
        .replace(/@/g, '@\u200b')
        .replace(/#(?=\d)/g, '#\u200b')
        .replace(/:\/\//g, ':\u200b//');
}
/**
 * Text as an HTML `<code>` element (a `<summary>` line, a table cell): every
 * character shown as it is, nothing interpreted as Markdown or HTML.
 */
function htmlCode(text) {
    const single = oneLine(text);
    let out = '';
    for (let i = 0; i < single.length; i++)
        out += entity(single, i);
    return `<code>${out}</code>`;
}
/** The character at `i` as inline HTML shows it; an underscore inside a word stays readable. */
function entity(text, i) {
    const c = text[i] ?? '';
    const plain = c === '_' &&
        /[A-Za-z0-9]/.test(text[i - 1] ?? '') &&
        /[A-Za-z0-9]/.test(text[i + 1] ?? '');
    return plain ? c : (ENTITIES[c] ?? c);
}
/** A code span that survives backticks in its content. */
function code(text, inTable = false) {
    const single = oneLine(text);
    const longest = Math.max(0, ...[...single.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = single.startsWith('`') || single.endsWith('`') || longest > 0 ? ' ' : '';
    const body = inTable ? single.replace(/\|/g, '\\|') : single;
    return `${ticks}${pad}${body}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside. */
function fence(text, lang) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${lang}\n${text}\n${ticks}`;
}
/**
 * A Markdown link to a URL plangate built (a commit, a comment, a run): the
 * label is escaped text, the URL has the characters that would end a link
 * destination percent-encoded.
 */
function link(label, url) {
    const safeLabel = label.replace(/[[\]\\]/g, (c) => `\\${c}`);
    const safeUrl = url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
    return `[${safeLabel}](${safeUrl})`;
}
/**
 * A resource address as inline code that wraps only between its segments
 * (a `<wbr>` after each `.` outside an instance key), never inside a name
 * or a key: what a table cell on a phone needs. Markdown and HTML
 * characters become entities, so the address is shown as it is and is
 * safe in a table cell.
 */
function addressCode(address) {
    const text = oneLine(address);
    let out = '';
    let depth = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const c = text[i] ?? '';
        out += entity(text, i);
        if (quoted) {
            if (c === '\\') {
                const next = text[i + 1] ?? '';
                out += ENTITIES[next] ?? next;
                i++;
            }
            else if (c === '"')
                quoted = false;
            continue;
        }
        if (c === '"')
            quoted = true;
        else if (c === '[')
            depth++;
        else if (c === ']')
            depth = Math.max(0, depth - 1);
        else if (c === '.' && depth === 0)
            out += '<wbr>';
    }
    return `<code>${out}</code>`;
}
/** Characters that HTML or Markdown would read inside inline HTML. */
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '*': '&#42;',
    _: '&#95;',
    '`': '&#96;',
    '[': '&#91;',
    ']': '&#93;',
    '~': '&#126;',
    '\\': '&#92;',
    ':': '&#58;'
};
/** "1 change", "2 changes". */
function plural(count, noun, many = `${noun}s`) {
    return `${count.toLocaleString('en-US')} ${count === 1 ? noun : many}`;
}
/** The length of text in UTF-8 bytes, without encoding it. */
function utf8Length(text) {
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 0x80)
            n += 1;
        else if (c < 0x800)
            n += 2;
        else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
            n += 4;
            i++;
        }
        else
            n += 3;
    }
    return n;
}
/**
 * Code points a terminal acts on instead of showing: C0 controls (tab and
 * newline included: only plangate breaks its own lines), DEL, C1 controls,
 * the line and paragraph separators, and the bidirectional marks,
 * embeddings, overrides and isolates that reorder what is shown.
 */
function isTerminalControl(code) {
    return (code <= 0x1f ||
        (code >= 0x7f && code <= 0x9f) ||
        code === 0x061c ||
        code === 0x200e ||
        code === 0x200f ||
        (code >= 0x2028 && code <= 0x202e) ||
        (code >= 0x2066 && code <= 0x2069));
}
/** The readable forms of the most common control characters. */
const TERMINAL_SHORT_FORMS = {
    '\t': '\\t',
    '\n': '\\n',
    '\r': '\\r'
};
/**
 * Text that did not come from plangate on its way to a terminal (the text
 * report, the CLI's messages): every control character is shown as an
 * escape (`\x1b`, `\r`, `\u202e`), so that only plangate moves the cursor,
 * colours, links or reorders what the reader sees. A backslash is kept as
 * it is. Multi-line data is split on `\n` first, each line escaped.
 */
function escapeTerminal(text) {
    let out = '';
    let plain = 0;
    for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (!isTerminalControl(code))
            continue;
        const c = text[i] ?? '';
        out +=
            text.slice(plain, i) +
                (TERMINAL_SHORT_FORMS[c] ??
                    (code <= 0xff
                        ? `\\x${code.toString(16).padStart(2, '0')}`
                        : `\\u${code.toString(16).padStart(4, '0')}`));
        plain = i + 1;
    }
    return plain === 0 ? text : out + text.slice(plain);
}

/** The tool a plan came from, for headings. */
function toolName(format) {
    switch (format) {
        case 'terraform':
            return 'Terraform';
        case 'opentofu':
            return 'OpenTofu';
        case 'cloudformation':
            return 'CloudFormation';
        case 'cloudformation-template':
            return 'CloudFormation template diff';
        case 'pulumi':
            return 'Pulumi';
    }
}
/** "Terraform 1.11.4, format 1.2, destroy plan": where a plan came from, for headings. */
function describeOrigin(plan) {
    const parts = [
        plan.toolVersion === 'unknown'
            ? toolName(plan.format)
            : `${toolName(plan.format)} ${plan.toolVersion}`
    ];
    if (plan.format === 'terraform' || plan.format === 'opentofu')
        parts.push(`format ${plan.formatVersion}`);
    if (plan.mode !== 'normal')
        parts.push(`${plan.mode} plan`);
    if (plan.targeted)
        parts.push('targeted (-target)');
    return parts.join(', ');
}
/** Terraform's own marker for each kind of change. */
function markerFor(change) {
    switch (change.action) {
        case 'create':
            return '+';
        case 'update':
            return '~';
        case 'replace':
            return change.replaceOrder === 'create-first' ? '+/-' : '-/+';
        case 'destroy':
            return '-';
        case 'forget':
            return '.';
        case 'read':
            return '<=';
        case 'no-op':
            return change.movedFrom !== undefined
                ? '->'
                : change.imported
                    ? '<-'
                    : ' ';
    }
}
/** A short label: "[construct path] replace (create first)", "destroy (deposed object)". */
function labelFor(change) {
    // A pure move or import changes nothing else: say what it does instead of "no-op".
    const quiet = change.action === 'no-op' &&
        (change.movedFrom !== undefined || change.imported);
    const parts = quiet ? [] : [change.action];
    if (change.label !== undefined)
        parts.unshift(`[${change.label}]`);
    if (change.action === 'replace') {
        if (change.conditional === true)
            parts.push('(may replace)');
        parts.push(change.replaceOrder === 'create-first'
            ? '(create first)'
            : '(delete first)');
        if (change.keepsOld === true)
            parts.push('(old object kept)');
    }
    if (change.snapshot === true)
        parts.push('(old object snapshotted)');
    if (change.protected === true)
        parts.push('(protected: the tool will refuse)');
    if (change.deposed !== undefined)
        parts.push(`(deposed object ${change.deposed})`);
    const wrap = (text) => (quiet ? text : `(${text})`);
    if (change.movedFrom !== undefined)
        parts.push(wrap(`moved from ${change.movedFrom}`));
    if (change.imported)
        parts.push(wrap(change.importId === undefined
            ? 'import'
            : `import id ${JSON.stringify(change.importId)}`));
    return parts.join(' ');
}
/** Order in which actions are presented: the most dangerous first. */
const ACTION_ORDER = [
    'destroy',
    'replace',
    'forget',
    'update',
    'create',
    'read',
    'no-op'
];
/** Sorts changes destructive first, then by action, then by address. */
function sortForReport(changes) {
    return [...changes].sort((a, b) => Number(b.destructive) - Number(a.destructive) ||
        ACTION_ORDER.indexOf(a.action) - ACTION_ORDER.indexOf(b.action) ||
        (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
}
/** True when a change is worth listing (not a plain no-op). */
function isListed(change) {
    return (change.action !== 'no-op' ||
        change.movedFrom !== undefined ||
        change.imported);
}
/** "3 to create, 1 to replace, ...", skipping zero counts. */
function countsLine(counts) {
    const words = {
        create: 'to create',
        update: 'to update',
        replace: 'to replace',
        destroy: 'to destroy',
        forget: 'to forget',
        read: 'to read',
        'no-op': 'unchanged'
    };
    const parts = ACTION_ORDER.filter((a) => counts[a] > 0).map((a) => `${counts[a]} ${words[a]}`);
    return parts.length === 0 ? 'no changes' : parts.join(', ');
}
/** One line per reviewed commit: short SHA, verdict (tool, confidence), subject. */
function commitLines(analysis) {
    return (analysis.commits ?? []).map((commit) => `${commit.sha.slice(0, 7)} (${describeAuthor(commit)}) ${JSON.stringify(commit.subject)}`);
}
/** "AI: claude-code, definite", "automation: dependabot" or "human". */
function describeAuthor(commit) {
    switch (commit.verdict) {
        case 'ai':
            return `AI: ${commit.tool ?? 'agent'}${commit.confidence === undefined ? '' : `, ${commit.confidence}`}`;
        case 'automation':
            return `automation${commit.tool === undefined ? '' : `: ${commit.tool}`}`;
        case 'human':
            return 'human';
    }
}
/**
 * The commits behind a destructive change, for the reports: who caused it,
 * how, the evidence of AI authorship, and the gate's verdict. Empty when no
 * commit history was given.
 */
function attributionLines(analysis, change) {
    const verdict = analysis.verdicts?.get(change);
    if (verdict === undefined)
        return [];
    const commits = new Map((analysis.commits ?? []).map((c) => [c.sha, c]));
    const lines = [];
    for (const cause of verdict.causedBy) {
        const commit = commits.get(cause.sha);
        const who = commit === undefined ? 'unknown' : describeAuthor(commit);
        lines.push(`caused by ${cause.sha.slice(0, 7)} ${JSON.stringify(commit?.subject ?? '')} (${who}): ${cause.how}`);
        const evidence = commit?.verdict === 'ai' ? commit.evidence[0] : undefined;
        if (evidence !== undefined)
            lines.push(`  evidence: ${evidence.text}`);
    }
    if (!verdict.pinned)
        lines.push('no commit of the range could be tied to it');
    lines.push(verdict.gated ? "gated: merging needs a person's approval" : 'not gated');
    return lines;
}

const ANSI = {
    red: '\u001b[31m',
    green: '\u001b[32m',
    yellow: '\u001b[33m',
    cyan: '\u001b[36m',
    bold: '\u001b[1m',
    dim: '\u001b[2m',
    reset: '\u001b[0m'
};
/** Plan data on one line: every control character shown as an escape. */
const data = escapeTerminal;
/** Plan data that may span lines (a check message): one escaped line per line. */
function dataLines(text) {
    return text.split('\n').map(escapeTerminal);
}
/**
 * Renders the analysis for a terminal: destructive changes first,
 * Terraform's markers. Everything that came from a plan, a commit or a file
 * name goes through {@link escapeTerminal}: colours and line breaks come
 * only from plangate.
 */
function renderText(analysis, options) {
    const paint = (style, text) => options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
    const out = [];
    for (const plan of analysis.plans)
        renderPlan(analysis, plan, out, paint);
    if (analysis.commits !== undefined) {
        const ai = analysis.commits.filter((c) => c.verdict === 'ai').length;
        out.push(paint('bold', `Commits reviewed (${analysis.commits.length}, ${ai} by AI agents)`));
        for (const line of commitLines(analysis))
            out.push(`  ${data(line)}`);
        out.push('');
    }
    for (const warning of analysis.warnings)
        out.push(paint('yellow', `warning: ${data(warning)}`));
    if (analysis.warnings.length > 0)
        out.push('');
    const { decision } = analysis;
    if (decision.gatedPaths.length > 0) {
        out.push(paint('red', paint('bold', `Protected paths changed (${decision.gatedPaths.length})`)));
        for (const g of decision.gatedPaths) {
            const where = g.path === undefined
                ? 'any path (the diff was not read)'
                : g.previousPath === undefined
                    ? data(g.path)
                    : `${data(g.previousPath)} -> ${data(g.path)}`;
            out.push(`  ${where} (${g.status}, ${data(g.sha.slice(0, 7))})`);
            out.push(`    ${data(g.why)}`);
        }
        out.push('');
    }
    const verdict = decision.verdict === 'pass'
        ? paint('green', paint('bold', 'PASS'))
        : paint('red', paint('bold', 'BLOCKED'));
    out.push(`Total: ${countsLine(analysis.summary)}`);
    for (const problem of decision.planProblems)
        out.push(paint('red', `! ${data(problem)}`));
    out.push(`Verdict: ${verdict}: ${data(decision.summary)}`);
    return out.join('\n') + '\n';
}
function renderPlan(analysis, plan, out, paint) {
    const tool = toolName(plan.format);
    out.push(paint('bold', `Plan ${data(plan.source)} (${data(describeOrigin(plan))})`));
    out.push(`  ${countsLine(countChanges([plan]))}`);
    if (plan.incomplete !== undefined) {
        for (const note of plan.incomplete.notes) {
            const [first = '', ...rest] = dataLines(note);
            out.push(paint('red', `  ! incomplete: ${first}`));
            for (const line of rest)
                out.push(paint('red', `    ${line}`));
        }
    }
    // Grouped by action, the most dangerous first; destructive groups in red.
    const listed = sortForReport(plan.changes.filter(isListed));
    if (listed.length === 0)
        out.push('', '  No resource changes.');
    for (const action of ACTION_ORDER) {
        const group = listed.filter((c) => c.action === action);
        if (group.length === 0)
            continue;
        const destructive = group.some((c) => c.destructive);
        const title = `  ${GROUP_TITLES[action]} (${group.length})`;
        out.push('', destructive ? paint('red', paint('bold', title)) : paint('bold', title));
        for (const change of group)
            renderChange(analysis, change, out, paint);
    }
    if (plan.outputs.some((o) => o.action !== 'no-op')) {
        out.push('', paint('bold', '  Outputs'));
        for (const output of plan.outputs) {
            if (output.action === 'no-op')
                continue;
            for (const line of renderAttributeLines(output.attributes, 'terminal'))
                out.push(`    ${data(line)}`);
        }
    }
    if (plan.drift.length > 0) {
        out.push('', paint('bold', `  Changed outside ${tool} (drift, not caused by this change) (${plan.drift.length})`));
        for (const change of sortForReport(plan.drift))
            renderChange(analysis, change, out, paint);
    }
    const failing = plan.checks.filter((c) => c.status !== 'pass');
    if (failing.length > 0) {
        out.push('', paint('bold', '  Checks'));
        for (const check of failing) {
            out.push(paint('yellow', `    ${check.status}: ${data(check.address)}`));
            for (const problem of check.problems)
                for (const line of dataLines(problem))
                    out.push(`      ${line}`);
        }
    }
    out.push('');
}
const GROUP_TITLES = {
    destroy: 'Destroy',
    replace: 'Replace',
    forget: 'Forget: stop managing, keep the real object',
    update: 'Update in place',
    create: 'Create',
    read: 'Read',
    'no-op': 'Move or import only'
};
function renderChange(analysis, change, out, paint) {
    const marker = markerFor(change).padEnd(3);
    const style = change.destructive
        ? 'red'
        : change.action === 'create'
            ? 'green'
            : change.action === 'no-op'
                ? 'dim'
                : 'yellow';
    out.push(`    ${paint(style, marker)} ${paint('bold', data(change.address))}  ${paint('dim', data(labelFor(change)))}`);
    if (change.explanation !== undefined)
        for (const line of dataLines(change.explanation))
            out.push(`        ${line}`);
    for (const line of attributionLines(analysis, change))
        out.push(paint(line.startsWith('gated') ? 'red' : 'cyan', `        ${data(line)}`));
    const diff = renderAttributeDiff(change.attributes, change.action, 'terminal');
    for (const line of diff)
        out.push(line.startsWith('#')
            ? paint('dim', `        ${data(line)}`)
            : `        ${data(line)}`);
}

/** GitHub rejects comment bodies over 65,536 characters; stay well under. */
const MAX_COMMENT_CHARS = 60_000;
/** Attribute lines shown per resource in the `short` tier. */
const SHORT_TIER_LINES = 20;
/** How much detail the full report carries, from most to least. */
const MARKDOWN_TIERS = ['full', 'short', 'list', 'counts'];
/**
 * The full report: every change of every plan with its attribute diff, the
 * reviewed commits, drift, checks and warnings. The verdict, the plans'
 * counts and the destructive lists are the overview's (src/report/
 * overview.ts), which the comment, the job summary and the CLI put first.
 * Tries each tier from full detail down and returns the first that fits.
 */
function renderMarkdown(analysis, options = {}) {
    const maxChars = options.maxChars ?? MAX_COMMENT_CHARS;
    let last;
    for (const tier of MARKDOWN_TIERS) {
        const markdown = renderTier$1(analysis, tier);
        last = { markdown, tier, shortened: SHORTENED[tier] };
        if (markdown.length <= maxChars)
            return last;
    }
    // `counts` is a few lines per plan; past that, cut on a line boundary.
    const markdown = last?.markdown ?? '';
    const cut = markdown.lastIndexOf('\n', Math.max(0, maxChars - 80));
    return {
        markdown: `${markdown.slice(0, Math.max(0, cut))}\n\n… cut to fit\n`,
        tier: 'counts',
        shortened: SHORTENED.counts
    };
}
const SHORTENED = {
    full: undefined,
    short: `attribute diffs are cut to ${SHORT_TIER_LINES} lines per resource to fit`,
    list: 'attribute diffs are left out to fit; changes are listed by address',
    counts: 'only counts are shown to fit; the job summary and the JSON report list every change'
};
function renderTier$1(analysis, tier) {
    const out = [];
    const shortened = SHORTENED[tier];
    if (shortened !== undefined)
        out.push(`> [!NOTE]\n> Shortened: ${shortened}.`, '');
    const multi = analysis.plans.length > 1;
    for (const plan of analysis.plans) {
        if (tier === 'counts') {
            out.push(`- ${code(plan.source)}: ${escapeText(countsLine(countChanges([plan])))}`);
            continue;
        }
        renderPlanDetails(analysis, plan, tier, multi, out);
    }
    if (tier === 'counts')
        out.push('');
    if (analysis.commits !== undefined && tier !== 'counts') {
        const ai = analysis.commits.filter((c) => c.verdict === 'ai').length;
        out.push(`<details><summary>Commits reviewed: ${analysis.commits.length}, ${ai} by AI agents</summary>`, '', ...commitLines(analysis).map((line) => `- ${escapeText(line)}`), '', '</details>', '');
    }
    for (const warning of analysis.warnings.slice(0, tier === 'counts' ? 10 : undefined))
        out.push(`> [!WARNING]\n> ${escapeText(warning)}`, '');
    return out.join('\n').trimEnd() + '\n';
}
function renderPlanDetails(analysis, plan, tier, multi, out) {
    const tool = toolName(plan.format);
    const listed = sortForReport(plan.changes.filter(isListed));
    out.push(`#### ${code(plan.source)}${multi ? '' : ': every change'}`, '', `<sub>${escapeText(describeOrigin(plan))}</sub>`, '');
    if (plan.incomplete !== undefined) {
        for (const note of plan.incomplete.notes)
            out.push(`> [!CAUTION]\n> Incomplete plan: ${escapeText(note)}`, '');
    }
    if (listed.length === 0)
        out.push('No resource changes.', '');
    for (const change of listed) {
        if (tier === 'list') {
            out.push(`- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`);
            continue;
        }
        renderChangeDetails(analysis, change, tier, out);
    }
    if (tier === 'list' && listed.length > 0)
        out.push('');
    const outputs = plan.outputs.filter((o) => o.action !== 'no-op');
    if (outputs.length > 0 && tier !== 'list') {
        const lines = outputs.flatMap((o) => renderAttributeLines(o.attributes, 'markdown'));
        out.push('<details><summary>Outputs</summary>', '', fence(lines.join('\n'), 'diff'), '', '</details>', '');
    }
    if (plan.drift.length > 0) {
        out.push(`<details><summary>Changed outside ${tool} (drift, not caused by this change): ${plan.drift.length}</summary>`, '');
        for (const change of sortForReport(plan.drift)) {
            out.push(`- ${code(markerFor(change))} ${code(change.address)} ${escapeText(labelFor(change))}`);
        }
        out.push('', '</details>', '');
    }
    const failing = plan.checks.filter((c) => c.status !== 'pass');
    if (failing.length > 0) {
        out.push('**Checks**', '');
        for (const check of failing) {
            out.push(`- ${check.status}: ${code(check.address)}${check.problems.length > 0 ? ` — ${escapeText(check.problems.join('; '))}` : ''}`);
        }
        out.push('');
    }
}
function renderChangeDetails(analysis, change, tier, out) {
    const summary = `${htmlCode(`${markerFor(change)} ${change.address}`)} ${escapeHtmlText(labelFor(change))}`;
    let lines = renderAttributeDiff(change.attributes, change.action, 'markdown');
    if (tier === 'short' && lines.length > SHORT_TIER_LINES) {
        const cut = lines.length - SHORT_TIER_LINES;
        lines = [...lines.slice(0, SHORT_TIER_LINES), `# … ${cut} more lines`];
    }
    const why = [
        ...(change.explanation === undefined
            ? []
            : [escapeText(capitalize$1(change.explanation)) + '.', '']),
        ...attributionLines(analysis, change).map((line) => {
            if (!line.startsWith('  '))
                return `- ${escapeText(line)}`;
            // Evidence is quoted data, never Markdown.
            const evidence = /^ {2}evidence: (.*)$/s.exec(line)?.[1];
            return evidence === undefined
                ? `  - ${escapeText(line.trim())}`
                : `  - evidence: ${code(evidence)}`;
        })
    ];
    if (why.length > 0 && why[why.length - 1] !== '')
        why.push('');
    if (lines.length === 0 && why.length === 0) {
        out.push(`- ${summary}`, '');
        return;
    }
    out.push(`<details><summary>${summary}</summary>`, '', ...why);
    if (lines.length > 0)
        out.push(fence(lines.join('\n'), 'diff'), '');
    out.push('</details>', '');
}
function capitalize$1(text) {
    return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}

/** Version of the JSON report's shape; bumped on any incompatible change. */
const REPORT_SCHEMA_VERSION = 1;
/** The report's `review` object. */
function reviewData(review) {
    return {
        ...recordData(review.record),
        state: review.state,
        approvedBy: review.approvedBy,
        deniedBy: review.deniedBy
    };
}
/**
 * The JSON report (docs/report-schema.md). Built only from the model, whose
 * strings are already redacted, so no sensitive value can reach it.
 */
function buildJsonReport(analysis, tool, review) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool,
        ...(review === undefined ? {} : { review: reviewData(review) }),
        decision: analysis.decision,
        summary: analysis.summary,
        plans: analysis.plans.map((plan) => ({
            source: plan.source,
            format: plan.format,
            formatVersion: plan.formatVersion,
            toolVersion: plan.toolVersion,
            mode: plan.mode,
            targeted: plan.targeted,
            ...(plan.incomplete === undefined ? {} : { incomplete: plan.incomplete }),
            summary: countChanges([plan]),
            changes: plan.changes.filter(isListed).map((change) => {
                const verdict = analysis.verdicts?.get(change);
                return verdict === undefined
                    ? change
                    : {
                        ...change,
                        causedBy: verdict.causedBy.map((cause) => cause.sha),
                        causes: verdict.causedBy,
                        gated: verdict.gated,
                        gateReason: verdict.why
                    };
            }),
            drift: plan.drift,
            outputs: plan.outputs,
            checks: plan.checks,
            warnings: plan.warnings
        })),
        warnings: analysis.warnings,
        ...(analysis.commits === undefined ? {} : { commits: analysis.commits })
    };
}
/**
 * Serialises the JSON report compactly: reports of large plans run to
 * megabytes, and `jq .` pretty-prints for people.
 */
function renderJson(analysis, tool, review) {
    return JSON.stringify(buildJsonReport(analysis, tool, review)) + '\n';
}

/** GitHub refuses commit status descriptions longer than this. */
/**
 * "2 destructive changes", "1 protected path", "1 destructive change and
 * 2 protected paths": how a status counts what it gates. Approval runs read
 * the counts back with {@link gatedCountsOf}, so the two change together.
 */
function gatedNoun(gated, paths) {
    const changes = gated - paths;
    const noun = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
    if (paths === 0)
        return noun(changes, 'destructive change');
    if (changes === 0)
        return noun(paths, 'protected path');
    return `${noun(changes, 'destructive change')} and ${noun(paths, 'protected path')}`;
}

const newNode = () => ({ children: new Map(), resources: new Map() });
/**
 * The tree lines for changes, grouped by plan (a `# source` line before
 * each plan's tree when `multi`). `fold` puts the instances of one
 * resource on one line; otherwise every instance has its own line.
 */
function addressTree(pairs, options) {
    const roots = new Map();
    const sorted = [...pairs].sort((a, b) => a.change.address < b.change.address
        ? -1
        : a.change.address > b.change.address
            ? 1
            : 0);
    for (const { plan, change } of sorted) {
        let node = roots.get(plan.source) ?? newNode();
        roots.set(plan.source, node);
        const segments = splitModuleAddress(change.module);
        const inModule = segments !== undefined &&
            change.module !== '' &&
            change.address.startsWith(`${change.module}.`);
        for (const segment of inModule ? segments : []) {
            const child = node.children.get(segment) ?? newNode();
            node.children.set(segment, child);
            node = child;
        }
        const local = inModule
            ? change.address.slice(change.module.length + 1)
            : change.address;
        const match = options.fold ? /^([^[]*)\[(.*)\]$/.exec(local) : null;
        const base = match?.[1] ?? local;
        const marker = markerFor(change);
        const key = `${marker} ${base}`;
        const group = node.resources.get(key) ?? { marker, base, keys: [] };
        group.keys.push(match?.[2] ?? '');
        node.resources.set(key, group);
    }
    const lines = [];
    const walk = (node, depth) => {
        const indent = '  '.repeat(depth);
        for (const { marker, base, keys } of node.resources.values()) {
            const single = keys.length === 1 && keys[0] === '';
            const instances = single
                ? ''
                : `[${compressKeys(keys)}]${keys.length > 1 ? ` (${keys.length})` : ''}`;
            lines.push({
                text: oneLine(`${indent}${marker.padEnd(3)} ${base}${instances}`),
                addresses: single ? 1 : keys.length
            });
        }
        for (const [segment, child] of node.children) {
            lines.push({ text: oneLine(`${indent}${segment}`), addresses: 0 });
            walk(child, depth + 1);
        }
    };
    for (const [source, root] of roots) {
        if (options.multi)
            lines.push({ text: oneLine(`# ${source}`), addresses: 0 });
        walk(root, 0);
    }
    return lines;
}
/**
 * Keeps the lines that fit in `budget` characters (joined by newlines);
 * returns them with the number of addresses left out.
 */
function clipTree(lines, budget) {
    const kept = [];
    let used = 0;
    let hidden = 0;
    for (const line of lines) {
        if (hidden > 0 || used + line.text.length + 1 > budget) {
            hidden += line.addresses;
            continue;
        }
        kept.push(line.text);
        used += line.text.length + 1;
    }
    // A module line with nothing under it says nothing: drop trailing ones.
    while (kept.length > 0 && !/^\s*(-\/\+|\+\/-|-)\s/.test(kept.at(-1) ?? ''))
        kept.pop();
    return { lines: kept, hidden };
}
/**
 * Splits `module.a["x.y"].module.b[0]` into its module instances, or
 * returns undefined when the text is not a module address.
 */
function splitModuleAddress(module) {
    const segments = [];
    let i = 0;
    while (i < module.length) {
        if (!module.startsWith('module.', i))
            return undefined;
        let j = i + 'module.'.length;
        while (j < module.length && /[A-Za-z0-9_-]/.test(module[j] ?? ''))
            j++;
        if (module[j] === '[') {
            j++;
            if (module[j] === '"') {
                j++;
                while (j < module.length && module[j] !== '"')
                    j += module[j] === '\\' ? 2 : 1;
                j++;
            }
            else {
                while (j < module.length && /[0-9]/.test(module[j] ?? ''))
                    j++;
            }
            if (module[j] !== ']')
                return undefined;
            j++;
        }
        segments.push(module.slice(i, j));
        if (j === module.length)
            break;
        if (module[j] !== '.')
            return undefined;
        i = j + 1;
    }
    return segments;
}
/** Instance keys for a folded line: integer runs become `0…99`. */
function compressKeys(keys) {
    if (!keys.every((k) => /^\d+$/.test(k)))
        return keys.join(', ');
    const numbers = [...new Set(keys.map(Number))].sort((a, b) => a - b);
    const runs = [];
    let start = numbers[0] ?? 0;
    let previous = start;
    for (const n of [...numbers.slice(1), Number.NaN]) {
        if (n === previous + 1) {
            previous = n;
            continue;
        }
        runs.push(start === previous ? String(start) : `${start}…${previous}`);
        start = n;
        previous = n;
    }
    return runs.join(', ');
}

/*
 * What a reviewer reads first, shared by the pull request comment, the job
 * summary and the CLI's Markdown: the verdict for the review's state, one
 * line per plan, the destructive changes with why each is gated and who
 * caused it, and what to do next. Parts that depend on the review's state
 * (the verdict and the next step) are rendered from a `ReviewView` alone,
 * so that an approval run, which reads no plan, can restate a comment.
 */
/** The command a reviewer types to approve, with the digest after a space. */
const APPROVE_COMMAND = '/approve-destroy';
/** The command that rejects a gated set. */
const DENY_COMMAND = '/deny-destroy';
/**
 * The view of a review outside a pull request (the CLI, push runs): the
 * state follows the decision, and there is no digest to approve.
 */
function localView(analysis, extra = {}) {
    return {
        state: analysis.decision.planProblems.length > 0
            ? 'incomplete'
            : analysis.decision.verdict === 'pass'
                ? 'pass'
                : 'blocked',
        statusContext: extra.statusContext ?? '',
        headSha: extra.headSha ?? '',
        digest: '',
        gatedCount: analysis.decision.gated.length + analysis.decision.gatedPaths.length,
        pathCount: analysis.decision.gatedPaths.length,
        destructiveCount: analysis.summary.destructive,
        ...(extra.links === undefined ? {} : { links: extra.links })
    };
}
/** The heading line for a state. */
function reviewHeadline(view) {
    const gated = view.gatedCount;
    const changes = gatedNoun(gated, view.pathCount ?? 0);
    if (view.stale !== undefined)
        return view.stale.headSha === view.headSha
            ? '## ⏸️ plangate: outdated, see the newer report'
            : '## ⏸️ plangate: outdated, a newer push is under review';
    switch (view.state) {
        case 'pass':
            return view.destructiveCount === 0
                ? '## ✅ plangate: no destructive changes'
                : `## ✅ plangate: ${plural(view.destructiveCount, 'destructive change')}, none needs approval`;
        case 'blocked':
            return `## ⛔ plangate: ${changes} need${gated === 1 ? 's' : ''} approval`;
        case 'approved':
            return `## ✅ plangate: ${changes} approved`;
        case 'rejected':
            return `## ⛔ plangate: ${changes} denied`;
        case 'incomplete':
            return '## ⛔ plangate: a plan is incomplete, so nothing can be approved';
    }
}
/**
 * The verdict: the headline and one paragraph on where the review stands,
 * in a GitHub alert coloured for the state (cdk-diff-action's warning
 * callout): caution while blocked, a tip once approved.
 */
function stateSection(view) {
    const paragraph = stateParagraph(view);
    const kind = view.stale !== undefined
        ? 'WARNING'
        : view.state === 'pass'
            ? undefined
            : view.state === 'approved'
                ? 'TIP'
                : 'CAUTION';
    return [
        reviewHeadline(view),
        '',
        ...(kind === undefined ? [paragraph] : [`> [!${kind}]`, `> ${paragraph}`]),
        ''
    ];
}
function stateParagraph(view) {
    const out = [];
    const at = view.headSha === '' ? 'this head' : code(view.headSha.slice(0, 12));
    if (view.stale !== undefined) {
        const now = code(view.stale.headSha.slice(0, 12));
        out.push(`${view.stale.headSha === view.headSha ? `plangate reviewed ${at} again.` : `This report is for ${at}; the pull request is now at ${now}.`} ${view.stale.url === undefined
            ? 'plangate replaces this report when it has reviewed the new head.'
            : `${link('The report for the new head', view.stale.url)} is the one that counts.`} Approvals of this report no longer count.`);
        return out.join(' ');
    }
    switch (view.state) {
        case 'pass':
            out.push(view.destructiveCount === 0
                ? 'Nothing here destroys or replaces existing infrastructure.'
                : 'The destroys and replacements below were caused by people (or the policy does not gate them): nothing needs approval. Read them anyway.');
            break;
        case 'blocked': {
            if (view.digest === '') {
                out.push(`**Blocked:** ${gatedPhrase(view)} need${view.gatedCount === 1 ? 's' : ''} a person's approval. On a pull request, plangate blocks the merge and posts the command that approves exactly ${view.gatedCount === 1 ? 'it' : 'them'}.`);
                break;
            }
            const so = (view.approvedBy ?? []).length;
            out.push(`**Merging is blocked** until a person with write access who did not write this pull request's commits approves exactly ${gatedPhrase(view)}${view.headSha === '' ? '' : ` at ${at}`}.${so > 0
                ? ` ${so} of ${view.required ?? so + 1} approvals so far: ${people(view.approvedBy ?? [], view.links)}.`
                : ''}`);
            break;
        }
        case 'approved':
            out.push(`**Approved** by ${people(view.approvedBy ?? [], view.links, true)} for digest ${code(view.digest)} at ${at}. plangate no longer blocks the merge. A new push or a changed plan needs a new approval.`);
            break;
        case 'rejected':
            out.push(`**Denied** by ${people(view.deniedBy ?? [], view.links, true)} for digest ${code(view.digest)} at ${at}. An approval cannot outvote a denial. To go on, push a change that removes these destroys and replacements or makes them differently (the new plan gets a new digest and needs a new approval), or the person who denied deletes the ${code(DENY_COMMAND)} comment (or dismisses the review).`);
            break;
        case 'incomplete':
            out.push('**Merging is blocked** because a plan is incomplete (see below): it may not show every change, so no approval can unblock it. Fix the plan and run plangate again.');
            break;
    }
    return out.join(' ');
}
/**
 * The next step, after the lists: the exact command to copy while blocked,
 * nothing to copy once approved or denied; then the audit trail.
 */
function actionSection(view) {
    const out = [];
    if (view.stale === undefined &&
        view.state === 'blocked' &&
        view.digest !== '') {
        out.push(`**To approve** exactly ${gatedPhrase(view)} at ${code(view.headSha.slice(0, 12))}, comment with this as the first line:`, '', fence(`${APPROVE_COMMAND} ${view.digest}`, 'text'), '', `To deny ${view.gatedCount === 1 ? 'it' : 'them'}: ${code(`${DENY_COMMAND} ${view.digest}`)}. A new push or a changed plan needs a new approval.`, '');
    }
    if (view.stale === undefined &&
        view.owners !== undefined &&
        (view.state === 'blocked' || view.state === 'approved'))
        out.push(...ownersSection(view.owners));
    const audit = view.audit ?? [];
    if (audit.length > 0) {
        out.push('<details><summary>Approval history</summary>', '', ...audit.map((line) => `- ${linkAudit(escapeText(line), view.links)}`), '', '</details>', '');
    }
    return out;
}
/** Most groups the comment lists; the rest are counted. */
const MAX_OWNER_GROUPS = 20;
/**
 * Who can approve each group of gated changes (code owners): every group
 * needs an approval from one of the people or teams named for it.
 */
function ownersSection(owners) {
    const out = [
        '**Who can approve** (code owners of the files that declare each change; every group needs one of them):',
        ''
    ];
    if (owners.groups.length === 0)
        out.push(`- ${escapeText(owners.note)}`);
    for (const group of owners.groups.slice(0, MAX_OWNER_GROUPS)) {
        const [first = ''] = group.changes;
        const more = group.changes.length > 1 ? ` and ${group.changes.length - 1} more` : '';
        const who = group.owners.length === 0
            ? `no code owner, fallback ${group.fallback ?? 'approvers'}: ${group.canApprove.join(', ')}`
            : group.canApprove.join(', ');
        const done = group.approvedBy.length > 0
            ? ` (approved by ${group.approvedBy.map((login) => `@${login}`).join(', ')})`
            : '';
        out.push(`- ${code(first)}${escapeText(more)}: ${escapeText(`${who}${done}`)}`);
    }
    if (owners.groups.length > MAX_OWNER_GROUPS)
        out.push(`- ${owners.groups.length - MAX_OWNER_GROUPS} more groups: see the status`);
    if (owners.note !== '' && owners.groups.length > 0)
        out.push('', escapeText(owners.note));
    out.push('');
    return out;
}
function gatedPhrase(view) {
    const count = view.gatedCount;
    const paths = view.pathCount ?? 0;
    const what = paths === 0
        ? 'change'
        : paths === count
            ? 'protected-path change'
            : 'gated item';
    return count === 1
        ? `this ${what}`
        : `these ${count.toLocaleString('en-US')} ${what}s`;
}
/** "@alice ([comment](…), 2026-12-06 19:02 UTC)", joined. */
function people(approvers, links, withWhen = false) {
    if (approvers.length === 0)
        return 'nobody';
    return approvers
        .map((person) => {
        const first = person.candidates[0];
        const login = escapeText(`@${person.login}`);
        if (!withWhen || first === undefined)
            return login;
        const where = itemUrl(first.kind, first.id, links);
        const label = first.kind === 'comment' ? 'comment' : 'review';
        const when = first.at === '' ? '' : `, ${formatTime(first.at)}`;
        return `${login} (${where === undefined ? label : link(label, where)}${when})`;
    })
        .join(', ');
}
/** A comment's or review's URL on the pull request, when links are known. */
function itemUrl(kind, id, links) {
    if (links?.repositoryUrl === undefined || links.pullNumber === undefined)
        return undefined;
    const anchor = kind === 'comment' ? `issuecomment-${id}` : `pullrequestreview-${id}`;
    return `${links.repositoryUrl}/pull/${links.pullNumber}#${anchor}`;
}
/** "(comment 123)" in plangate's own audit lines becomes a link. */
function linkAudit(line, links) {
    return line.replace(/\((comment|review) (\d+)\)/g, (whole, kind, id) => {
        const url = itemUrl(kind, Number(id), links);
        return url === undefined ? whole : `(${link(`${kind} ${id}`, url)})`;
    });
}
/** `2026-12-06T19:02:11Z` → `2026-12-06 19:02 UTC`; anything else as it is. */
function formatTime(at) {
    const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(at);
    return match === null ? escapeText(at) : `${match[1]} ${match[2]} UTC`;
}
// ---------------------------------------------------------------------------
// Plans
/** Plans listed one per line above the fold; the rest are counted. */
const PLAN_LINES_MAX = 25;
/**
 * One line per plan: its name, tool, counts, and when it is incomplete the
 * reason and the fix. Plans with something to say come first; past
 * PLAN_LINES_MAX the quiet ones are counted.
 */
function planSection(analysis) {
    const { plans } = analysis;
    if (plans.length === 0)
        return ['**No plan was given.**', ''];
    const ranked = [...plans].sort((a, b) => planRank(b) - planRank(a) || compare(a.source, b.source));
    const shown = ranked.slice(0, PLAN_LINES_MAX);
    const out = [];
    for (const plan of plans.filter((p) => shown.includes(p))) {
        const counts = countChanges([plan]);
        out.push(`- ${code(plan.source)} · ${escapeText(describeOrigin(plan))} · ${planCounts(counts)}`);
        for (const note of plan.incomplete?.notes ?? [])
            out.push(`  - ⛔ **Incomplete:** ${escapeText(note)}`);
    }
    const rest = ranked.slice(PLAN_LINES_MAX);
    if (rest.length > 0) {
        const counts = countChanges(rest);
        out.push(`- and ${plural(rest.length, 'more plan')}: ${planCounts(counts)}`);
    }
    out.push('');
    return out;
}
function planRank(plan) {
    if (plan.incomplete !== undefined)
        return 2;
    return plan.changes.some((c) => c.destructive) ? 1 : 0;
}
/** "**2 to destroy, 1 to replace**, 3 to update" without unchanged or reads. */
function planCounts(counts) {
    const n = (count) => count.toLocaleString('en-US');
    const bold = [];
    const rest = [];
    if (counts.destroy > 0)
        bold.push(`${n(counts.destroy)} to destroy`);
    if (counts.replace > 0)
        bold.push(`${n(counts.replace)} to replace`);
    if (counts.forget > 0)
        rest.push(`${n(counts.forget)} to forget`);
    if (counts.update > 0)
        rest.push(`${n(counts.update)} to update`);
    if (counts.create > 0)
        rest.push(`${n(counts.create)} to create`);
    if (counts.moved > 0)
        rest.push(`${n(counts.moved)} moved`);
    if (counts.imported > 0)
        rest.push(`${n(counts.imported)} imported`);
    const parts = [
        ...(bold.length > 0 ? [`**${bold.join(', ')}**`] : []),
        ...rest
    ];
    return parts.length === 0 ? 'no changes' : parts.join(', ');
}
// ---------------------------------------------------------------------------
// Destructive changes
// ---------------------------------------------------------------------------
// Protected paths
/** Rows of the protected-path table in the comment; the job summary shows more. */
const PATH_ROWS_MAX = 50;
/**
 * The gated changes of protected paths (workflows, the config, CODEOWNERS):
 * each path (both sides of a rename), how it changed, the commit and why it
 * is gated. Paths are attacker-controlled: each is an HTML code element, so
 * nothing in a file name is read as Markdown or HTML.
 */
function protectedPathSection(analysis, links, rowsMax = PATH_ROWS_MAX) {
    const paths = analysis.decision.gatedPaths;
    if (paths.length === 0)
        return [];
    const commits = commitIndex(analysis);
    const out = [
        `### Protected paths (${paths.length.toLocaleString('en-US')})`,
        '',
        'These files decide what plangate sees (the workflows that make the plans, its config, CODEOWNERS): a change to them needs the same approval as a destroy, whatever the plans say.',
        '',
        '| Path | Change | Commit | Protected by |',
        '| --- | --- | --- | --- |'
    ];
    for (const g of paths.slice(0, rowsMax)) {
        const where = g.path === undefined
            ? '_any: the diff was not read_'
            : g.previousPath === undefined
                ? htmlCode(g.path)
                : `${htmlCode(g.previousPath)} → ${htmlCode(g.path)}`;
        const commit = commits.get(g.sha);
        const subject = commit === undefined ? '' : ` ${escapeCell(commit.subject.trim(), 60)}`;
        out.push(`| ${where} | ${g.status} | ${shaLink(g.sha, links)}${subject} ${who(commit)} | ${protectedBy(g)} |`);
    }
    if (paths.length > rowsMax)
        out.push('', `and ${plural(paths.length - rowsMax, 'more protected-path change')}: ${links?.runUrl === undefined ? "the run's job summary" : link("the run's job summary", links.runUrl)} and the JSON report (\`report-path\`) list every one.`);
    out.push('');
    return out;
}
/** The pattern that protects a path and the rule that gates its commit; the reason for an unread diff. */
function protectedBy(g) {
    if (g.pattern === undefined)
        return escapeCell(g.why);
    return `${code(g.pattern, true)}${g.rule === 'any' ? ' (`gate-on: any`)' : ''}`;
}
/** Destructive changes in report order, split into gated and not gated. */
function destructiveEntries(analysis) {
    const gatedBy = new Map();
    for (const g of analysis.decision.gated)
        gatedBy.set(`${g.source}\u0000${g.address}`, g);
    const gated = [];
    const free = [];
    for (const plan of analysis.plans) {
        for (const change of sortForReport(plan.changes)) {
            if (!change.destructive)
                continue;
            const g = gatedBy.get(`${plan.source}\u0000${change.address}`);
            const verdict = analysis.verdicts?.get(change);
            const entry = {
                plan,
                change,
                ...(g === undefined ? {} : { gated: g }),
                ...(verdict === undefined ? {} : { verdict })
            };
            // A verdict, when there is one, is the truth for this very object (deposed copies share an address).
            const isGated = verdict === undefined ? g !== undefined : verdict.gated;
            (isGated ? gated : free).push(entry);
        }
    }
    return { gated, free };
}
/** How much a list of destructive changes shows, from most to least. */
const LIST_TIERS = ['rows', 'tree', 'folded', 'modules'];
/** A table with one row per change is used up to this many changes. */
const TABLE_ROWS_MAX = 50;
/**
 * A list of destructive changes in the fullest tier that fits the budget:
 * a table (action, why destructive, why gated, caused by) up to
 * `rowsMax` rows; a module tree with one line per address; the tree with
 * instances folded; counts per module. Tree and counts tiers start with a
 * table of causes, so that the reviewer still sees who caused what.
 */
function renderList(entries, options) {
    const tiers = options.tiers ?? LIST_TIERS;
    const rowsMax = options.rowsMax ?? TABLE_ROWS_MAX;
    const fits = (r) => size(r.lines) + size(r.folded) <= options.budget;
    for (const tier of tiers) {
        if (tier === 'rows' && entries.length > rowsMax)
            continue;
        const rendered = renderTier(entries, tier, options);
        if (fits(rendered) && rendered.complete)
            return rendered;
    }
    // Nothing covers every address or module: the folded tree names the most.
    const last = tiers.includes('folded') ? 'folded' : (tiers.at(-1) ?? 'folded');
    return renderTier(entries, last, options, true);
}
function size(lines) {
    return lines.reduce((n, line) => n + line.length + 1, 0);
}
function renderTier(entries, tier, options, clip = false) {
    const multi = options.analysis.plans.length > 1;
    switch (tier) {
        case 'rows':
            return {
                lines: tableRows(entries, options, multi),
                folded: [],
                tier,
                hidden: 0,
                complete: true
            };
        case 'tree':
        case 'folded': {
            const head = [
                ...causeTable(entries, options),
                ...(options.collapse === true ? topModules(entries, multi) : [])
            ];
            const tree = addressTree(entries, { multi, fold: tier === 'folded' });
            const budget = Math.max(0, options.budget - size(head) - 400 // the fence, the summary line and the note
            );
            const { lines, hidden } = clipTree(tree, budget);
            const out = [...head];
            const folded = [];
            if (lines.length > 0) {
                const block = fence(lines.join('\n'), 'text');
                if (options.collapse === true)
                    folded.push(`<details><summary>${options.gated ? 'Every gated address' : 'Every address'}${hidden > 0 ? ' that fits' : ''}, as a module tree</summary>`, '', block, '', '</details>', '');
                else
                    out.push(block, '');
            }
            return { lines: out, folded, tier, hidden, complete: hidden === 0 };
        }
        case 'modules': {
            const head = causeTable(entries, options);
            const { lines, complete } = moduleCounts(entries, multi, clip ? Math.max(0, options.budget - size(head) - 300) : Infinity);
            if (options.collapse !== true)
                return {
                    lines: [...head, ...lines],
                    folded: [],
                    tier,
                    hidden: entries.length,
                    complete
                };
            return {
                lines: [...head, ...topModules(entries, multi)],
                folded: [
                    '<details><summary>Counts for every module</summary>',
                    '',
                    ...lines,
                    '</details>',
                    ''
                ],
                tier,
                hidden: entries.length,
                complete
            };
        }
    }
}
/** Rows of the at-a-glance tables of long lists. */
const TOP_ROWS = 10;
/** Entries grouped by a key, in first-seen order, each group with its tally. */
function tallyBy(entries, keyOf) {
    const groups = new Map();
    for (const entry of entries) {
        const key = keyOf(entry);
        const group = groups.get(key) ?? {
            first: entry,
            tally: { destroy: 0, deleteFirst: 0, createFirst: 0 }
        };
        const { change } = entry;
        if (change.action === 'destroy')
            group.tally.destroy++;
        else if (change.replaceOrder === 'create-first')
            group.tally.createFirst++;
        else
            group.tally.deleteFirst++;
        groups.set(key, group);
    }
    return groups;
}
const totalOf = (t) => t.destroy + t.deleteFirst + t.createFirst;
/** The three count cells of a table row; several tallies are summed. */
function tallyCells(...tallies) {
    const sum = (f) => tallies.reduce((n, t) => n + f(t), 0).toLocaleString('en-US');
    return [
        sum((t) => t.destroy),
        sum((t) => t.deleteFirst),
        sum((t) => t.createFirst)
    ];
}
const TALLY_HEADER = 'Destroy | Replace, delete first | Replace, create first |';
const TALLY_ALIGN = '--:|--:|--:|';
/**
 * What is at risk in a long list, at a glance: the resource types with the
 * most destructive changes (by action), then the top-level modules they
 * sit in.
 */
function topModules(entries, multi) {
    const types = [...tallyBy(entries, (e) => e.change.type)].sort(([a, x], [b, y]) => totalOf(y.tally) - totalOf(x.tally) || compare(a, b));
    const modules = new Map();
    for (const { plan, change } of entries) {
        const top = splitModuleAddress(change.module)?.[0] ?? '';
        const key = multi ? `${plan.source}\u0000${top}` : top;
        modules.set(key, (modules.get(key) ?? 0) + 1);
    }
    const out = [`| Resource type | ${TALLY_HEADER}`, `|---|${TALLY_ALIGN}`];
    for (const [type, { tally }] of types.slice(0, TOP_ROWS))
        out.push(`| ${[code(type, true), ...tallyCells(tally)].join(' | ')} |`);
    const rest = types.slice(TOP_ROWS);
    if (rest.length > 0)
        out.push(`| ${[`and ${plural(rest.length, 'more type')}`, ...tallyCells(...rest.map(([, g]) => g.tally))].join(' | ')} |`);
    out.push('');
    if (modules.size > 1) {
        const top = [...modules]
            .sort(([a, x], [b, y]) => y - x || compare(a, b))
            .slice(0, TOP_ROWS)
            .map(([key, n]) => {
            const [source, module] = multi
                ? [
                    key.slice(0, key.indexOf('\u0000')),
                    key.slice(key.indexOf('\u0000') + 1)
                ]
                : ['', key];
            const where = module === '' ? 'the root module' : addressCode(module);
            return `${where}${multi ? ` of ${code(source)}` : ''} (${n.toLocaleString('en-US')})`;
        });
        out.push(`In ${top.join(', ')}${modules.size > TOP_ROWS ? `, and ${plural(modules.size - TOP_ROWS, 'more module')}` : ''}.`, '');
    }
    return out;
}
/** One row per change, grouped under a plan heading when there are several plans. */
function tableRows(entries, options, multi) {
    const out = [];
    const commits = commitIndex(options.analysis);
    const withCauses = options.analysis.commits !== undefined;
    // One reason for every row is said once, above the table.
    const reasons = new Set(entries.map((e) => whyGated(e.gated?.gatedBy, commits, options.links)));
    const [onlyReason] = reasons;
    const reasonColumn = options.gated && reasons.size > 1;
    if (options.gated && onlyReason !== undefined && reasons.size === 1)
        out.push(`${entries.length === 1 ? 'Gated' : 'All gated'} because ${onlyReason}.`, '');
    const columns = [
        'Resource',
        'What happens',
        ...(reasonColumn ? ['Why gated'] : []),
        ...(withCauses ? ['Caused by'] : [])
    ];
    const header = [
        `| ${columns.join(' | ')} |`,
        `|${columns.map(() => '---|').join('')}`
    ];
    // A few changes read best as a list on a phone; more, as a table to scan.
    const asList = entries.length <= LIST_ITEMS_MAX;
    let source;
    for (const entry of entries) {
        const first = source === undefined;
        if ((multi && entry.plan.source !== source) || first) {
            if (!first)
                out.push('');
            source = entry.plan.source;
            if (multi)
                out.push(`**${code(entry.plan.source)}**`, '');
            if (!asList)
                out.push(...header);
        }
        const why = reasonColumn
            ? whyGated(entry.gated?.gatedBy, commits, options.links)
            : undefined;
        const cause = withCauses
            ? causedBy(entry, commits, options.links)
            : undefined;
        if (asList) {
            const details = [
                ...(why === undefined ? [] : [`gated because ${why}`]),
                ...(cause === undefined || cause === ''
                    ? []
                    : [`caused by ${cause.replace(/<br>/g, ', ')}`])
            ];
            out.push(`- ${resourceCell(entry.change)} ${whatHappens(entry.change)}${details.length === 0 ? '' : `<br>${details.join('; ')}`}`);
            continue;
        }
        const cells = [resourceCell(entry.change), whatHappens(entry.change)];
        if (why !== undefined)
            cells.push(why);
        if (cause !== undefined)
            cells.push(cause);
        out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
    return out;
}
/** Up to this many changes are a list (phone-friendly); more are a table. */
const LIST_ITEMS_MAX = 8;
/** The address, wrapping between segments, and the CDK construct path under it. */
function resourceCell(change) {
    const label = change.label === undefined
        ? ''
        : `<br><sub>${escapeCell(change.label)}</sub>`;
    const deposed = change.deposed === undefined
        ? ''
        : `<br><sub>deposed object ${escapeCell(change.deposed)}</sub>`;
    return `${addressCode(change.address)}${label}${deposed}`;
}
/** "**replace, delete first**: `ami` changed and cannot be updated in place". */
function whatHappens(change) {
    const verb = actionPhrase(change);
    const because = change.explanation?.replace(/^(may be )?(destroyed|replaced|deleted|removed)( \([^)]*\))? because /i, 'because ');
    return because === undefined
        ? `**${verb}**`
        : `**${verb}** ${escapeCell(because)}`;
}
/** The action in words, with the replacement order spelled out. */
function actionPhrase(change) {
    const extra = [];
    if (change.snapshot === true)
        extra.push('snapshot first');
    if (change.protected === true)
        extra.push('protected');
    switch (change.action) {
        case 'replace': {
            const verb = change.conditional === true ? 'may replace' : 'replace';
            const order = change.replaceOrder === 'create-first' ? 'create first' : 'delete first';
            if (change.keepsOld === true)
                extra.push('old object kept');
            return [`${verb}, ${order}`, ...extra].join(', ');
        }
        case 'destroy':
            return ['destroy', ...extra].join(', ');
        case 'create':
        case 'update':
        case 'forget':
        case 'read':
        case 'no-op':
            return [change.action, ...extra].join(', ');
    }
}
/** Why the gate holds a change, short. */
function whyGated(reason, commits, links) {
    if (reason === undefined)
        return '';
    switch (reason.kind) {
        case 'ai-commit': {
            const commit = commits.get(reason.sha);
            const tool = reason.tool ?? commit?.tool ?? 'an AI agent';
            const evidence = commit?.evidence[0]?.text;
            return `🤖 an AI commit caused it (${escapeCell(tool)}${reason.confidence === undefined ? '' : `, ${reason.confidence}`}${evidence === undefined ? '' : `: ${code(cut(evidence.trim(), 80), true)}`})`;
        }
        case 'ai-unread':
            return `🤖 the diff of AI commit ${shaLink(reason.sha, links)} could not be read, so it may have caused it`;
        case 'unattributed-ai-infra':
            return 'no commit could be tied to it, and an AI agent changed infrastructure code in this pull request';
        case 'unattributed':
            return 'no commit could be tied to it (`unattributed: gate`)';
        case 'policy':
            return 'the policy gates every destructive change (`gate-on: destructive`)';
        case 'no-history':
            return 'no commit history was given, so nobody can say no AI agent caused it';
    }
}
/** The commits behind a change, as links with their subject and author kind. */
function causedBy(entry, commits, links) {
    const causes = entry.verdict?.causedBy ?? [];
    if (causes.length === 0)
        return entry.verdict === undefined ? '' : 'no commit could be tied to it';
    const shown = causes.slice(0, 3).map((cause) => {
        const commit = commits.get(cause.sha);
        const subject = commit === undefined ? '' : ` ${escapeCell(commit.subject.trim(), 60)}`;
        return `${shaLink(cause.sha, links)}${subject} ${who(commit)}`;
    });
    if (causes.length > 3)
        shown.push(`and ${causes.length - 3} more`);
    return shown.join('<br>');
}
/** 🤖 tool, ⚙️ bot or 👤 person. */
function who(commit) {
    if (commit === undefined)
        return '';
    switch (commit.verdict) {
        case 'ai':
            return `🤖 ${escapeCell(commit.tool ?? 'AI agent')}`;
        case 'automation':
            return `⚙️ ${escapeCell(commit.tool ?? 'automation')}`;
        case 'human':
            return '👤 person';
    }
}
/** A short SHA that GitHub links: a Markdown link when the repository is known. */
function shaLink(sha, links) {
    const short = sha.slice(0, 7);
    if (links?.repositoryUrl === undefined || !/^[0-9a-f]{7,64}$/.test(sha))
        return code(short, true);
    return link(short, `${links.repositoryUrl}/commit/${sha}`);
}
function commitIndex(analysis) {
    return new Map((analysis.commits ?? []).map((c) => [c.sha, c]));
}
/** Causes with their counts: who caused what, whatever the tier. */
const CAUSE_ROWS_MAX = 10;
function causeTable(entries, options) {
    const commits = commitIndex(options.analysis);
    const withCause = options.analysis.commits !== undefined;
    const causeOf = (entry) => {
        if (!withCause)
            return '';
        const shas = (entry.verdict?.causedBy ?? []).map((c) => c.sha);
        if (shas.length === 0)
            return 'no commit could be tied to them';
        return (shas
            .slice(0, 2)
            .map((sha) => `${shaLink(sha, options.links)} ${who(commits.get(sha))}`)
            .join('<br>') + (shas.length > 2 ? ` and ${shas.length - 2} more` : ''));
    };
    const whyOf = (entry) => options.gated ? whyGated(entry.gated?.gatedBy, commits, options.links) : '';
    const rows = [
        ...tallyBy(entries, (e) => `${causeOf(e)}\u0000${whyOf(e)}`).values()
    ].sort((a, b) => totalOf(b.tally) - totalOf(a.tally));
    const [only] = rows;
    // One reason and no commits to tell apart: a sentence says it all.
    if (!withCause && rows.length === 1 && only !== undefined)
        return options.gated ? [`All gated because ${whyOf(only.first)}.`, ''] : [];
    const out = [
        `| ${withCause ? 'Caused by | ' : ''}${options.gated ? 'Why gated | ' : ''}${TALLY_HEADER}`,
        `|${withCause ? '---|' : ''}${options.gated ? '---|' : ''}${TALLY_ALIGN}`
    ];
    for (const row of rows.slice(0, CAUSE_ROWS_MAX)) {
        const cells = [
            ...(withCause ? [causeOf(row.first)] : []),
            ...(options.gated ? [whyOf(row.first)] : []),
            ...tallyCells(row.tally)
        ];
        out.push(`| ${cells.join(' | ')} |`);
    }
    const rest = rows.slice(CAUSE_ROWS_MAX);
    if (rest.length > 0) {
        const cells = [
            ...(withCause ? [`${rest.length} more causes`] : []),
            ...(options.gated ? [''] : []),
            ...tallyCells(...rest.map((r) => r.tally))
        ];
        out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
    return out;
}
/** Counts per module instance, for lists too long for even the folded tree. */
function moduleCounts(entries, multi, budget) {
    const groups = [
        ...tallyBy(entries, (e) => `${e.plan.source}\u0000${e.change.module}`).values()
    ].sort((a, b) => compare(a.first.plan.source, b.first.plan.source) ||
        compare(a.first.change.module, b.first.change.module));
    const out = [
        `| ${multi ? 'Plan | ' : ''}Module | ${TALLY_HEADER}`,
        `|${multi ? '---|' : ''}---|${TALLY_ALIGN}`
    ];
    let used = out.join('\n').length;
    let hiddenModules = 0;
    for (const { first, tally } of groups) {
        const module = first.change.module;
        const cells = [
            ...(multi ? [code(first.plan.source, true)] : []),
            module === '' ? '(root)' : addressCode(module),
            ...tallyCells(tally)
        ];
        const row = `| ${cells.join(' | ')} |`;
        if (hiddenModules > 0 || used + row.length + 1 > budget) {
            hiddenModules++;
            continue;
        }
        out.push(row);
        used += row.length + 1;
    }
    if (hiddenModules > 0)
        out.push(`| ${multi ? '| ' : ''}and ${plural(hiddenModules, 'more module')} | … | … | … |`);
    out.push('');
    return { lines: out, complete: hiddenModules === 0 };
}
function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

/** GitHub drops a job summary over 1 MiB; keep a margin. */
const MAX_SUMMARY_BYTES = 1_000_000;
/**
 * The full report's share: a page of a few hundred KB still opens quickly;
 * past that it steps down a tier (the JSON report has every diff).
 */
const MAX_FULL_REPORT_BYTES = 300_000;
/** Rows of a table before the summary's lists turn into module trees. */
const SUMMARY_ROWS_MAX = 500;
/**
 * The job summary (and the CLI's Markdown): the comment's overview with the
 * command to copy, then EVERY destructive address (a table, or a module
 * tree with one line per address, or with instances folded), then the full
 * report in the largest tier that still fits.
 */
function renderSummary(analysis, view, options = {}) {
    const maxBytes = options.maxBytes ?? MAX_SUMMARY_BYTES;
    const links = view.links === undefined ? {} : { links: view.links };
    const top = [...stateSection(view), ...planSection(analysis)];
    const action = actionSection(view);
    const fixed = bytes(top) + bytes(action);
    const { gated, free } = destructiveEntries(analysis);
    const lists = [
        ...protectedPathSection(analysis, view.links, SUMMARY_ROWS_MAX)
    ];
    for (const [entries, isGated] of [
        [gated, true],
        [free, false]
    ]) {
        if (entries.length === 0)
            continue;
        const list = renderList(entries, {
            analysis,
            ...links,
            gated: isGated,
            rowsMax: SUMMARY_ROWS_MAX,
            tiers: ['rows', 'tree', 'folded'],
            budget: Math.floor((maxBytes - fixed - bytes(lists)) * 0.9) - 2_000
        });
        const title = isGated
            ? `Gated changes (${entries.length.toLocaleString('en-US')})`
            : capitalize(`${plural(entries.length, 'destructive change')} that ${entries.length === 1 ? 'does' : 'do'} not need approval`);
        lists.push(`### ${title}`, '', ...list.lines, ...list.folded);
        if (list.hidden > 0)
            lists.push(`> [!WARNING]\n> ${plural(list.hidden, 'address', 'addresses')} did not fit in the job summary; the JSON report (\`report-path\`) lists every one.`, '');
    }
    // The command comes before the lists: here they are complete, and can be long.
    const head = [...top, ...action, ...lists];
    let room = Math.min(maxBytes - bytes(head) - 200, MAX_FULL_REPORT_BYTES);
    for (;;) {
        if (room < 1_000)
            return head.join('\n');
        const report = renderMarkdown(analysis, { maxChars: room });
        const body = [
            ...head,
            '### Full report',
            '',
            report.markdown.trimEnd(),
            ''
        ].join('\n');
        const size = utf8Length(body);
        if (size <= maxBytes)
            return body;
        room -= size - maxBytes + 1_000;
    }
}
function bytes(lines) {
    return lines.reduce((n, line) => n + utf8Length(line) + 1, 0);
}
function capitalize(text) {
    return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}

/*
 * The reports of `verify`: what the apply job is about to do that nobody
 * reviewed or approved, and where it should have been reviewed. Problems
 * first, then the changes that block, then (folded) the ones that passed.
 */
/** Rows of each table in the job summary; the rest is counted. */
const MAX_ROWS = 500;
const STATE_WORDS = {
    approved: 'approved',
    reviewed: 'reviewed, not gated',
    unapproved: 'never approved',
    unreviewed: 'never reviewed'
};
function blocking(change) {
    return change.state === 'unapproved' || change.state === 'unreviewed';
}
/** The job summary (and `plangate verify -f markdown`). */
function renderVerifyMarkdown(result, links = {}) {
    const pull = (n) => n === undefined
        ? '—'
        : links.repositoryUrl === undefined
            ? `#${n}`
            : link(`#${n}`, `${links.repositoryUrl}/pull/${n}`);
    const lines = [];
    const verified = result.verdict === 'verified';
    lines.push(`## ${verified ? '✅' : '⛔'} plangate verify: ${verified ? 'verified' : 'blocked'}`, '', verified
        ? `> [!TIP]\n> ${escapeText(result.summary)}. The apply step may run.`
        : `> [!CAUTION]\n> ${escapeText(result.summary)}. **Do not apply this plan**: the step failed so that the apply step does not run.`, '');
    if (result.problems.length > 0) {
        lines.push('### Why', '');
        for (const problem of result.problems)
            lines.push(`- ${escapeText(problem)}`);
        lines.push('');
    }
    const bad = result.changes.filter(blocking);
    const good = result.changes.filter((c) => !blocking(c));
    const table = (changes) => {
        const rows = changes
            .slice(0, MAX_ROWS)
            .map((c) => `| ${addressCode(c.address)} | ${c.action} | ${code(c.type, true)} | ${escapeCell(c.stack === '' ? c.source : `${c.stack} (${c.source})`)} | ${STATE_WORDS[c.state]} | ${pull(c.pull)} | ${escapeCell(c.detail)} |`);
        const more = changes.length - rows.length;
        return [
            '| Address | Action | Type | Plan | State | Pull request | Detail |',
            '| --- | --- | --- | --- | --- | --- | --- |',
            ...rows,
            ...(more > 0 ? ['', `…and ${plural(more, 'more change')}.`] : [])
        ];
    };
    if (bad.length > 0)
        lines.push(`### ${plural(bad.length, 'destructive change')} not approved`, '', ...table(bad), '');
    if (good.length > 0)
        lines.push('<details>', `<summary>${plural(good.length, 'destructive change')} reviewed${good.some((c) => c.state === 'approved') ? ' and approved' : ''}</summary>`, '', ...table(good), '', '</details>', '');
    return lines.join('\n');
}
/** The terminal report of `plangate verify`. */
function renderVerifyText(result) {
    const lines = [
        `plangate verify: ${result.verdict.toUpperCase()}: ${escapeTerminal(result.summary)}`
    ];
    for (const problem of result.problems)
        lines.push(`  problem: ${escapeTerminal(problem)}`);
    for (const change of result.changes) {
        const mark = blocking(change) ? '✗' : '✓';
        lines.push(`  ${mark} ${escapeTerminal(change.address)} (${change.action}, ${escapeTerminal(change.type)}${change.stack === '' ? '' : `, stack ${escapeTerminal(change.stack)}`}): ${STATE_WORDS[change.state]}: ${escapeTerminal(change.detail)}`);
    }
    return lines.join('\n') + '\n';
}
/** The JSON report of `plangate verify -f json`. */
function renderVerifyJson(result, tool) {
    return (JSON.stringify({
        schemaVersion: 1,
        tool,
        verify: {
            verdict: result.verdict,
            summary: result.summary,
            problems: result.problems,
            changes: result.changes
        }
    }) + '\n');
}

/** plangate's version; test/version.test.ts keeps it equal to package.json's. */
const VERSION = '0.1.0';

/**
 * The commit a local review saw (`--head`, default `HEAD`), as a full SHA:
 * the JSON report's review record names it, as the Action's names the pull
 * request's head.
 */
function resolveHead(repo, head) {
    const ref = head ?? 'HEAD';
    try {
        return execFileSync('git', ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`], {
            cwd: repo,
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'pipe'],
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0' }
        }).trim();
    }
    catch (error) {
        throw new GitSourceError(repo, 'rev-parse', `cannot resolve the head ${JSON.stringify(ref)} to a commit`, undefined, 'give --head a commit of the repository', { cause: error });
    }
}

/** The largest existing file plangate reads to recognise its own JSON report. */
const MAX_REPORT_CHECK_BYTES = 256 * 1024 * 1024;
/** Bytes read from each end of an existing file to recognise a Markdown or text report. */
const SNIFF_BYTES = 4096;
/** Decides where the report goes; refuses anything whose contents plangate would lose. */
function resolveOutput(output, plans, force, reports = []) {
    let link;
    try {
        link = lstatSync(output);
    }
    catch {
        return { kind: 'file', path: output }; // nothing there yet
    }
    let stat;
    try {
        stat = statSync(output);
    }
    catch (error) {
        if (link.isSymbolicLink())
            throw new UsageError(`--output ${output} is a symlink to a missing file; give the path it should point at, or remove the link`);
        throw cannotWrite(output, error);
    }
    if (isSameFile(stat, fdStat(1)))
        return { kind: 'stdout' };
    if (isSameFile(stat, fdStat(2)))
        return { kind: 'stderr' };
    if (stat.isDirectory())
        throw new UsageError(`--output ${output} is a directory; give a file path`);
    if (plans.some((plan) => isSamePath(plan, output, stat)))
        throw new UsageError(`--output ${output} is one of the plan files being read; choose another path`);
    if (reports.some((report) => isSamePath(report, output, stat)))
        throw new UsageError(`--output ${output} is one of the approved reports being read; choose another path`);
    if (stat.isCharacterDevice() || stat.isFIFO())
        return { kind: 'stream', path: output };
    if (!stat.isFile())
        throw new UsageError(`--output ${output} is a ${describeType(stat)}, which plangate does not write to; give a file path, or leave --output out and redirect standard output`);
    const path = link.isSymbolicLink() ? realpathSync(output) : output;
    if (!force && stat.size > 0 && !isPlangateReport(path))
        throw new UsageError(`--output ${output} exists and is not a plangate report (plangate replaces only its own JSON, Markdown or text reports); choose another path, or pass --force to replace it`);
    return { kind: 'file', path };
}
/** Writes the report where {@link resolveOutput} decided. */
function writeOutput(target, report, io) {
    switch (target.kind) {
        case 'stdout':
            io.stdout(report);
            return;
        case 'stderr':
            io.stderr(report);
            return;
        case 'stream':
            writeStream(target.path, report);
            return;
        case 'file':
            writeAtomically(target.path, report);
            return;
    }
}
/** A device or a FIFO: opened for writing only (a FIFO waits for its reader), never created. */
function writeStream(path, content) {
    let fd;
    try {
        fd = openSync(path, constants.O_WRONLY | constants.O_NOCTTY);
    }
    catch (error) {
        throw cannotWrite(path, error);
    }
    try {
        const stat = fstatSync(fd);
        if (!stat.isCharacterDevice() && !stat.isFIFO())
            throw new UsageError(`--output ${path} changed while plangate ran (now a ${describeType(stat)}); run again`);
        const buffer = Buffer.from(content);
        let written = 0;
        while (written < buffer.length)
            written += writeSync(fd, buffer, written, buffer.length - written);
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        throw cannotWrite(path, error);
    }
    finally {
        closeSync(fd);
    }
}
/** A regular file: a temporary file beside it, renamed over it, with the old file's mode. */
function writeAtomically(path, content) {
    const temporary = join(dirname(path), `.${basename(path)}.plangate-${process.pid}.tmp`);
    try {
        let mode;
        try {
            mode = statSync(path).mode & 0o777;
        }
        catch {
            mode = undefined;
        }
        writeFileSync(temporary, content, {
            flag: 'wx',
            ...(mode === undefined ? {} : { mode })
        });
        renameSync(temporary, path);
    }
    catch (error) {
        rmSync(temporary, { force: true });
        throw cannotWrite(path, error);
    }
}
/**
 * True for plangate's own reports, recognised by their shape: JSON with a
 * numeric `schemaVersion` and `tool.name` "plangate"; Markdown whose first
 * line is the headline plangate writes (`## ✅ plangate: …`, `## ⛔ plangate:
 * …`, `## ⏸️ plangate: …`, see reviewHeadline) followed by a blank line;
 * text that starts with `Plan ` (or `Total: `) and ends with the
 * `Verdict: PASS|BLOCKED: …` line. A file that merely mentions plangate is
 * not one.
 */
function isPlangateReport(path) {
    let fd;
    try {
        // Non-blocking: a FIFO swapped in since the check must not hang the read.
        fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    }
    catch {
        return false;
    }
    try {
        const stat = fstatSync(fd);
        if (!stat.isFile())
            return false;
        const head = readAt(fd, 0, Math.min(SNIFF_BYTES, stat.size));
        if (/^\s*\{/.test(head))
            return (stat.size <= MAX_REPORT_CHECK_BYTES &&
                isJsonReport(readAt(fd, 0, stat.size)));
        if (MARKDOWN_HEADLINE.test(head) || VERIFY_HEADLINE.test(head))
            return true;
        if (VERIFY_TEXT_HEAD.test(head))
            return true;
        const tailStart = Math.max(0, stat.size - SNIFF_BYTES);
        return (TEXT_HEAD.test(head) &&
            TEXT_TAIL.test(readAt(fd, tailStart, stat.size - tailStart)));
    }
    catch {
        return false;
    }
    finally {
        closeSync(fd);
    }
}
/** The first line of the Markdown report (reviewHeadline), then a blank line. */
const MARKDOWN_HEADLINE = /^## (?:✅|⛔|⏸️) plangate: [^\n]+\n\n/u;
/** The first line of the Markdown report of `plangate verify`. */
const VERIFY_HEADLINE = /^## (?:✅|⛔) plangate verify: (?:verified|blocked)\n\n/u;
/** The first line of the text report of `plangate verify`. */
const VERIFY_TEXT_HEAD = /^plangate verify: (?:VERIFIED|BLOCKED): /;
/** SGR colour codes, which a `--color always` text report holds. */
const SGR = '(?:\\u001b\\[[0-9;]*m)*';
/** The first line of the text report: its first plan, or the totals. */
const TEXT_HEAD = new RegExp(`^${SGR}(?:Plan |Total: )`);
/** The last line of the text report. */
const TEXT_TAIL = new RegExp(`(?:^|\\n)Verdict: ${SGR}(?:PASS|BLOCKED)${SGR}: [^\\n]*\\n$`);
function isJsonReport(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch {
        return false;
    }
    if (!isRecord(value) || typeof value.schemaVersion !== 'number')
        return false;
    return isRecord(value.tool) && value.tool.name === 'plangate';
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function readAt(fd, position, length) {
    const buffer = Buffer.alloc(length);
    let read = 0;
    while (read < length) {
        const n = readSync(fd, buffer, read, length - read, position + read);
        if (n === 0)
            break;
        read += n;
    }
    return buffer.subarray(0, read).toString('utf8');
}
function fdStat(fd) {
    try {
        return fstatSync(fd);
    }
    catch {
        return undefined;
    }
}
function isSameFile(a, b) {
    return b !== undefined && a.dev === b.dev && a.ino === b.ino;
}
/** True when a plan argument names the output: the same path, or the same file through a link. */
function isSamePath(plan, output, stat) {
    if (plan === '-')
        return false;
    if (resolve(plan) === resolve(output))
        return true;
    try {
        return isSameFile(statSync(plan), stat);
    }
    catch {
        return false;
    }
}
function describeType(stat) {
    if (stat.isBlockDevice())
        return 'block device';
    if (stat.isSocket())
        return 'socket';
    if (stat.isDirectory())
        return 'directory';
    if (stat.isFIFO())
        return 'FIFO';
    if (stat.isFile())
        return 'file';
    return 'special file';
}
function cannotWrite(path, error) {
    return new UsageError(`cannot write --output ${path}: ${error instanceof Error ? error.message : String(error)}`);
}

/** Runs one CLI invocation and returns the exit code (0 pass or verified, 1 blocked). */
async function runCli(argv, io) {
    const command = parseCommand(argv);
    switch (command.kind) {
        case 'help':
            io.stdout(HELP);
            return 0;
        case 'version':
            io.stdout(`plangate ${VERSION}\n`);
            return 0;
        case 'review':
            return review(command, io);
        case 'verify':
            return verify(command, io);
    }
}
/** Reads the plans (and template pairs) of a command, one file at a time. */
async function readInputs(command, io) {
    const inputs = [];
    for (const ref of expandPlanPaths(command.plans)) {
        // One file at a time: each text can be freed once parsed.
        inputs.push(readPlanInput(ref, command.inputFormat, io.readStdin));
    }
    if (command.templates !== undefined) {
        const { before, after } = command.templates;
        for (const pair of readTemplatePairs(before, after, io.readStdin)) {
            inputs.push(await prepareTemplateDiff(readTemplatePair(pair.before, pair.after, pair.stackName)));
        }
    }
    return inputs;
}
/** Where `--output` sends the report, decided before anything is read. */
function outputOf(command, reports = []) {
    return command.output === undefined
        ? undefined
        : {
            path: command.output,
            target: resolveOutput(command.output, command.plans, command.force, reports)
        };
}
function emit(output, format, report, io) {
    if (output === undefined) {
        io.stdout(report);
    }
    else {
        writeOutput(output.target, report, io);
        io.stderr(`plangate: wrote the ${format} report to ${escapeTerminal(output.path)}\n`);
    }
}
/**
 * \`plangate verify\`: the plans about to be applied against the JSON reports
 * of the approved reviews. No history: what matters is what the plans do
 * and what the reviews showed, not who wrote the code.
 */
async function verify(command, io) {
    const output = outputOf(command, command.approved);
    // The reports first: a wrong report is found before a large plan is read.
    const reviews = command.approved.map((path) => readApprovedReport(path, io.readStdin));
    const inputs = await readInputs(command, io);
    const labels = readConstructLabels(command.labelTemplates);
    const analysis = analyze(inputs, labels === undefined ? {} : { labels });
    const result = verifyAgainstReviews(analysis, reviews);
    let report;
    switch (command.format) {
        case 'json':
            report = renderVerifyJson(result, { name: 'plangate', version: VERSION });
            break;
        case 'markdown':
            report = renderVerifyMarkdown(result);
            break;
        case 'text':
            report = renderVerifyText(result);
            break;
    }
    emit(output, command.format, report, io);
    if (command.output !== undefined || command.format !== 'text') {
        for (const warning of analysis.warnings)
            io.stderr(`warning: ${escapeTerminal(warning)}\n`);
        io.stderr(`plangate: ${result.verdict === 'verified' ? 'VERIFIED' : 'BLOCKED'}: ${escapeTerminal(result.summary)}\n`);
    }
    return result.verdict === 'verified' ? 0 : 1;
}
async function review(command, io) {
    // Decided before the plans are read: a refusal costs nothing.
    const output = outputOf(command);
    const inputs = await readInputs(command, io);
    const labels = readConstructLabels(command.labelTemplates);
    const policy = loadPolicy(command.config, command.history?.repo);
    const history = command.history === undefined
        ? undefined
        : readHistory({
            ...command.history,
            planSources: inputs.map((input) => input.source),
            rules: policy.rules
        });
    const analysis = analyze(inputs, {
        ...(labels === undefined ? {} : { labels }),
        policy: policy.config,
        stackDirs: policy.config.stackDirs,
        ...(history === undefined ? {} : { history })
    });
    const report = render(analysis, command, io, reviewOf(analysis, command));
    emit(output, command.format, report, io);
    // Plan data on standard error is escaped like the text report's.
    if (command.output !== undefined || command.format !== 'text') {
        for (const warning of analysis.warnings)
            io.stderr(`warning: ${escapeTerminal(warning)}\n`);
        io.stderr(`plangate: ${analysis.decision.verdict === 'pass' ? 'PASS' : 'BLOCKED'}: ${escapeTerminal(analysis.decision.summary)}\n`);
    }
    return analysis.decision.verdict === 'pass' ? 0 : 1;
}
/**
 * The JSON report's \`review\`: the record a later \`plangate verify\` checks
 * the apply plan against. Locally there is no pull request (repository ''
 * and number 0); the head is the commit reviewed, when a repository is
 * given. No approval happens locally: the state is the gate's verdict.
 */
function reviewOf(analysis, command) {
    if (command.format !== 'json')
        return undefined;
    const { history } = command;
    const record = buildRecord({
        repository: '',
        pullNumber: 0,
        baseRef: history?.base ?? '',
        headSha: history === undefined ? '' : resolveHead(history.repo, history.head)
    }, reviewedItems(analysis));
    return {
        record,
        state: analysis.decision.planProblems.length > 0
            ? 'incomplete'
            : analysis.decision.verdict,
        approvedBy: [],
        deniedBy: []
    };
}
function render(analysis, command, io, review) {
    switch (command.format) {
        case 'json':
            return renderJson(analysis, { name: 'plangate', version: VERSION }, review);
        case 'markdown':
            return renderSummary(analysis, localView(analysis));
        case 'text': {
            // NO_COLOR wins over everything (https://no-color.org).
            const noColor = (io.env.NO_COLOR ?? '') !== '';
            const color = !noColor &&
                (command.color === 'always' ||
                    (command.color === 'auto' &&
                        command.output === undefined &&
                        io.stdoutIsTty));
            return renderText(analysis, { color });
        }
    }
}

// Maps errors to exit codes: bad input 2, internal error 3, never a bare stack.
// Messages can quote plan data or file names: escaped for the terminal, one
// line each (a stack keeps its lines, each escaped).
try {
    process.exitCode = await runCli(process.argv.slice(2), {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        readStdin: () => readFileSync(0),
        stdoutIsTty: process.stdout.isTTY === true,
        env: process.env
    });
}
catch (error) {
    if (error instanceof UsageError ||
        error instanceof PlanParseError ||
        error instanceof PolicyError ||
        error instanceof GitSourceError) {
        process.stderr.write(`plangate: error: ${escapeTerminal(error.message)}\n`);
        process.exitCode = 2;
    }
    else {
        const detail = error instanceof Error
            ? process.env.PLANGATE_DEBUG
                ? (error.stack ?? error.message)
                    .split('\n')
                    .map(escapeTerminal)
                    .join('\n')
                : escapeTerminal(error.message)
            : escapeTerminal(String(error));
        process.stderr.write(`plangate: internal error: ${detail}\nThis is a bug in plangate; please open an issue with this message (set PLANGATE_DEBUG=1 for the stack).\n`);
        process.exitCode = 3;
    }
}
