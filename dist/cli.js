#!/usr/bin/env node
import { statSync, readFileSync, existsSync, readdirSync, openSync, readSync, closeSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';

/** What a sensitive value is shown as, everywhere. */
const SENSITIVE_TEXT = '(sensitive)';
/** What a value known only after apply is shown as. */
const UNKNOWN_TEXT = '(known after apply)';
/**
 * Secrets shorter than this are masked only where a whole value equals them;
 * shorter ones would blank out common words inside unrelated strings.
 */
const MIN_EMBEDDED_SECRET_LENGTH = 6;
/** Builds a redactor over all the secret strings collected from the inputs. */
function createRedactor(secrets) {
    const whole = new Set();
    const fragments = new Set();
    for (const secret of secrets) {
        if (secret.length === 0)
            continue;
        whole.add(secret);
        if (secret.length >= MIN_EMBEDDED_SECRET_LENGTH)
            fragments.add(secret);
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
        const out = {};
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
/** The command that produces what plangate reads, for hints. */
const SHOW_JSON_HINT = 'run `terraform show -json PLANFILE > plan.json` (or `tofu show -json PLANFILE`) and pass that file';

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
    try {
        return JSON.parse(body);
    }
    catch (error) {
        throw jsonSyntaxError(body, source, error);
    }
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

const ABSENT = { kind: 'absent' };
const SENSITIVE = { kind: 'sensitive' };
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
            return SENSITIVE;
        if (typeof value === 'string') {
            if (redactor.isSecret(value))
                return SENSITIVE;
            return {
                kind: 'value',
                value: redactor.active ? redactor.text(value) : value
            };
        }
        if (typeof value === 'number') {
            return redactor.isSecret(String(value))
                ? SENSITIVE
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
                emit(path, ABSENT, UNKNOWN);
            }
            else {
                emit(path, bAbsent ? ABSENT : side(b, bMask), UNKNOWN);
            }
            return;
        }
        if (bSensitive || aSensitive) {
            if (bSensitive === aSensitive && bAbsent === aAbsent && deepEqual(b, a))
                return;
            emit(path, bAbsent ? ABSENT : side(b, bMask), aAbsent ? ABSENT : side(a, aMask));
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
            const empty = (bObj === undefined || sizeOf(bObj) === 0) &&
                (aObj === undefined || sizeOf(aObj) === 0);
            if (empty) {
                // An empty collection appearing or disappearing is still a change.
                if (bNull !== aNull)
                    emit(path, bNull ? (bAbsent ? ABSENT : side(null, undefined)) : side(b, bMask), aNull ? (aAbsent ? ABSENT : side(null, undefined)) : side(a, aMask));
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
                walk(joinPath(path, key), bRec[key], !(key in bRec), maskAt(bMask, key), aRec[key], !(key in aRec) && maskAt(aUnknown, key) !== true, maskAt(aMask, key), maskAt(aUnknown, key));
            }
            return;
        }
        if (!bNull && !aNull && deepEqual(b, a))
            return;
        emit(path, bAbsent ? ABSENT : side(b ?? null, bMask), aAbsent ? ABSENT : side(a ?? null, aMask));
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
    const out = {};
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
        extra.every((k) => k in before))
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
function sizeOf(value) {
    return Array.isArray(value) ? value.length : Object.keys(value).length;
}
function maskAt(mask, key) {
    if (mask === true)
        return true;
    if (typeof mask !== 'object' || mask === null)
        return undefined;
    return mask[key];
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
        if (!(key in bRec) || !deepEqual(aRec[key], bRec[key]))
            return false;
    }
    return true;
}

/** Small guards for reading untyped JSON without casts. */
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringAt(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
}
function recordAt(record, key) {
    const value = record[key];
    return isRecord(value) ? value : undefined;
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
    if (!isRecord(value))
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
    return (isRecord(doc) &&
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
function plansNothing(doc) {
    const planned = recordAt(recordAt(doc, 'planned_values') ?? {}, 'root_module');
    return ((arrayAt(planned ?? {}, 'resources')?.length ?? 0) === 0 &&
        (arrayAt(planned ?? {}, 'child_modules')?.length ?? 0) === 0);
}
function findSensitiveOutputs(doc) {
    const rootConfig = recordAt(recordAt(doc, 'configuration') ?? {}, 'root_module') ?? {};
    const outputConfig = recordAt(rootConfig, 'outputs') ?? {};
    return new Set(Object.entries(outputConfig)
        .filter(([, decl]) => isRecord(decl) && decl.sensitive === true)
        .map(([name]) => name));
}
function notAPlan(doc, source) {
    const expected = 'a Terraform/OpenTofu JSON plan (from `terraform show -json PLANFILE`)';
    if (isRecord(doc)) {
        if (typeof doc.format_version === 'string' && isRecord(doc.values)) {
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
        if (!isRecord(decl) || decl.sensitive !== true)
            continue;
        const variable = variables[name];
        if (isRecord(variable))
            collectLeafStrings(variable.value, secrets);
        if ('default' in decl)
            collectLeafStrings(decl.default, secrets);
    }
    const rawChanges = arrayAt(doc, 'resource_changes');
    for (const list of [rawChanges, arrayAt(doc, 'resource_drift')]) {
        for (const entry of list ?? []) {
            const change = isRecord(entry) ? recordAt(entry, 'change') : undefined;
            if (change === undefined)
                continue;
            collectMaskedStrings(change.before, change.before_sensitive, secrets);
            collectMaskedStrings(change.after, change.after_sensitive, secrets);
        }
    }
    for (const [name, change] of Object.entries(recordAt(doc, 'output_changes') ?? {})) {
        if (!isRecord(change))
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
            if (isRecord(output) &&
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
        if (!isRecord(resource))
            continue;
        if (dataOnly && resource.mode !== 'data')
            continue;
        collectMaskedStrings(resource.values, resource.sensitive_values, secrets);
    }
    for (const child of arrayAt(module, 'child_modules') ?? []) {
        if (isRecord(child))
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
        ...incompleteness(doc, changes),
        targeted,
        warnings: warnings.map((w) => redactor.text(w))
    };
}
function hasDeferred(doc) {
    const deferred = doc.deferred_changes;
    return Array.isArray(deferred) && deferred.length > 0;
}
function incompleteness(doc, changes) {
    const notes = [];
    const errored = doc.errored === true;
    const applyable = doc.applyable !== false;
    const complete = doc.complete !== false;
    if (errored) {
        notes.push('the plan errored part-way (errored: true): applying would fail, and the changes listed may not be all of them');
    }
    const hasChanges = changes.some((c) => c.action !== 'no-op' && c.action !== 'read');
    if (!errored && !applyable && hasChanges) {
        notes.push('Terraform marked the plan as not applyable (applyable: false) although it lists changes');
    }
    if (hasDeferred(doc)) {
        notes.push('some changes are deferred to a later plan (deferred_changes): this plan is not the whole change');
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
    if (!isRecord(entry)) {
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
        !isRecord(change)) {
        const missing = [
            typeof address !== 'string' ? 'address' : undefined,
            typeof type !== 'string' ? 'type' : undefined,
            typeof name !== 'string' ? 'name' : undefined,
            !isRecord(change) ? 'change' : undefined
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
            ((action === 'replace' && !keepsOld) || action === 'destroy'),
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
    if (isRecord(importing)) {
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
        if (!isRecord(change)) {
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
        if (!isRecord(check))
            continue;
        const address = recordAt(check, 'address');
        const display = (address && stringAt(address, 'to_display')) ?? 'unknown check';
        const status = stringAt(check, 'status') ?? 'unknown';
        const problems = [];
        for (const instance of arrayAt(check, 'instances') ?? []) {
            if (!isRecord(instance))
                continue;
            for (const problem of arrayAt(instance, 'problems') ?? []) {
                const message = isRecord(problem)
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

/**
 * Parses and checks one plan file's text. The Terraform reader is the only
 * one so far; it also explains what a document of another kind is.
 */
function readPlan(input) {
    return readTerraformPlan(parseJsonText(input.text, input.source), input.source);
}
/**
 * Normalises every input with one redactor built from the secrets of all
 * of them, so a secret marked in one plan is masked in every plan.
 */
function normalizePlans(inputs) {
    const secrets = new Set();
    for (const input of inputs)
        for (const secret of input.secrets)
            secrets.add(secret);
    const redactor = createRedactor(secrets);
    return {
        plans: inputs.map((input) => normalizeTerraformPlan(input, redactor)),
        redactor
    };
}

/** A command line plangate cannot act on: exit code 2 with a one-line message. */
class UsageError extends Error {
    name = 'UsageError';
}
const OUTPUT_FORMATS = ['text', 'markdown', 'json'];
const COLOR_MODES = ['auto', 'always', 'never'];
/** Formats a plan file can be read as; `auto` detects from the content. */
const INPUT_FORMATS = [
    'auto',
    'terraform',
    'cloudformation',
    'pulumi'
];
const HELP = `plangate: find the destroys and replacements in infrastructure plans, and block them until a human approves.

Usage:
  plangate review [options] <plan>...                  review plans ("-" reads standard input)
  plangate review --before OLD --after NEW [<plan>...]  also compare two CloudFormation templates
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
  -o, --output <file>                write the report to a file instead of standard output
      --force                        let --output replace a file that is not a plangate report
      --color <auto|always|never>    colour the text report (default: auto, only on a terminal; NO_COLOR always wins)
  -h, --help                         show this help
  -v, --version                      show the version

Exit codes:
  0  the gate would pass: no destroy or replace
  1  the gate would block: destroys or replacements need a human's approval, or a plan is incomplete
  2  usage or input error (the message names the file, what was expected and what was found)
  3  internal error (a bug: please open an issue with the message)
`;
function oneOf(name, value, allowed) {
    if (allowed.includes(value))
        return value;
    throw new UsageError(`--${name} must be one of ${allowed.join('|')}, got "${value}"`);
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
                output: { type: 'string', short: 'o' },
                force: { type: 'boolean' },
                color: { type: 'string' },
                'no-color': { type: 'boolean' },
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
    if (command !== 'review') {
        throw new UsageError(`unknown command "${command}"; the command is \`plangate review <plan-file>...\``);
    }
    const { before, after } = values;
    if ((before === undefined) !== (after === undefined)) {
        throw new UsageError(`--before and --after go together; got only --${before === undefined ? 'after' : 'before'}`);
    }
    if (plans.length === 0 && before === undefined) {
        throw new UsageError('no plan file given: `plangate review plan.json` (or `-` for standard input)');
    }
    if (plans.filter((p) => p === '-').length > 1) {
        throw new UsageError('standard input ("-") can be read only once');
    }
    const output = values.output;
    if (output !== undefined && (output === '' || output === '-')) {
        throw new UsageError('--output needs a file path; leave it out to write to standard output');
    }
    return {
        kind: 'review',
        plans,
        format: oneOf('format', values.format ?? 'text', OUTPUT_FORMATS),
        inputFormat: oneOf('input-format', values['input-format'] ?? 'auto', INPUT_FORMATS),
        templates: before === undefined || after === undefined
            ? undefined
            : { before, after },
        labelTemplates: values.template ?? [],
        output,
        force: values.force === true,
        color: values['no-color'] === true
            ? 'never'
            : oneOf('color', values.color ?? 'auto', COLOR_MODES)
    };
}

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
/**
 * Decides the gate. Until AI attribution exists every destructive change
 * blocks, and so does any plan that is not a complete picture of the change.
 */
function decideGate(plans) {
    const gated = [];
    const planProblems = [];
    for (const plan of plans) {
        for (const change of plan.changes) {
            if (!change.destructive)
                continue;
            gated.push({
                source: plan.source,
                address: change.address,
                action: change.action,
                why: change.explanation ?? `${change.action} of an existing object`
            });
        }
        if (plan.incomplete !== undefined) {
            for (const note of plan.incomplete.notes)
                planProblems.push(`${plan.source}: ${note}`);
        }
    }
    if (plans.length === 0)
        planProblems.push('no plan was given');
    const blocked = gated.length > 0 || planProblems.length > 0;
    return {
        verdict: blocked ? 'blocked' : 'pass',
        summary: summarize(gated, planProblems),
        gated,
        planProblems
    };
}
function summarize(gated, planProblems) {
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
    if (planProblems.length > 0) {
        parts.push(planProblems.length === 1 && planProblems[0] === 'no plan was given'
            ? 'no plan was given'
            : `${planProblems.length === 1 ? 'a plan is' : 'plans are'} incomplete and cannot be trusted`);
    }
    if (parts.length === 0)
        return 'no destroy or replace: nothing needs approval';
    return parts.join('; ');
}

/**
 * The one pure pipeline shared by the Action and the CLI: normalise every
 * plan with one redactor over all their secrets, count and decide.
 * Inputs come from `readPlan`, one file at a time, so that each file's text
 * can be freed as soon as it is parsed. "Blocked" is a result, not an error.
 */
function analyze(inputs) {
    const { plans } = normalizePlans(inputs);
    return {
        plans,
        summary: countChanges(plans),
        decision: decideGate(plans),
        warnings: plans.flatMap((plan) => plan.warnings)
    };
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
            throw tooLarge('-', data.length);
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
        throw tooLarge(path, size);
    try {
        // Buffer then decode: faster than readFileSync(path, 'utf8') on Node 20.
        return readFileSync(path).toString('utf8');
    }
    catch (error) {
        throw fileError(path, error);
    }
}
function tooLarge(path, bytes) {
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
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false; // readPlanFile reports a missing file with its own message
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
        parts.push('(final snapshot first)');
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
    const before = change.before.kind === 'value'
        ? change.before.value
        : change.before.kind === 'absent'
            ? ''
            : undefined;
    const after = change.after.kind === 'value'
        ? change.after.value
        : change.after.kind === 'absent'
            ? ''
            : undefined;
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
/** The sign Terraform shows in front of an attribute line. */
function attributeSign(change) {
    if (change.before.kind === 'absent')
        return '+';
    if (change.after.kind === 'absent')
        return '-';
    return '~';
}
/** One attribute change as a single line: `~ path = "a" -> "b"`. */
function formatAttributeLine(change) {
    const sign = attributeSign(change);
    const suffix = change.forcesReplacement ? '  # forces replacement' : '';
    const path = change.path === '' ? '(value)' : change.path;
    switch (sign) {
        case '+':
            return `+ ${path} = ${formatValue(change.after)}${suffix}`;
        case '-':
            return `- ${path} = ${formatValue(change.before)}${suffix}`;
        case '~':
            return `~ ${path} = ${formatValue(change.before)} -> ${formatValue(change.after)}${suffix}`;
    }
}
/** Attribute lines of a change, multi-line strings expanded into a line diff. */
function formatAttributeLines(attributes) {
    const lines = [];
    for (const attribute of attributes) {
        const diff = multilineDiff(attribute);
        if (diff === undefined) {
            lines.push(formatAttributeLine(attribute));
            continue;
        }
        const suffix = attribute.forcesReplacement ? '  # forces replacement' : '';
        lines.push(`${attributeSign(attribute)} ${attribute.path} = <<-EOT${suffix}`);
        for (const line of diff)
            lines.push(`    ${line.sign} ${line.text}`);
        lines.push('  EOT');
    }
    return lines;
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

const ANSI = {
    red: '\u001b[31m',
    green: '\u001b[32m',
    yellow: '\u001b[33m',
    cyan: '\u001b[36m',
    bold: '\u001b[1m',
    dim: '\u001b[2m',
    reset: '\u001b[0m'
};
/** Renders the analysis for a terminal: destructive changes first, Terraform's markers. */
function renderText(analysis, options) {
    const paint = (style, text) => options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text;
    const out = [];
    for (const plan of analysis.plans)
        renderPlan(plan, out, paint);
    for (const warning of analysis.warnings)
        out.push(paint('yellow', `warning: ${warning}`));
    if (analysis.warnings.length > 0)
        out.push('');
    const { decision } = analysis;
    const verdict = decision.verdict === 'pass'
        ? paint('green', paint('bold', 'PASS'))
        : paint('red', paint('bold', 'BLOCKED'));
    out.push(`Total: ${countsLine(analysis.summary)}`);
    for (const problem of decision.planProblems)
        out.push(paint('red', `! ${problem}`));
    out.push(`Verdict: ${verdict}: ${decision.summary}`);
    return out.join('\n') + '\n';
}
function renderPlan(plan, out, paint) {
    const tool = toolName(plan.format);
    out.push(paint('bold', `Plan ${plan.source} (${describeOrigin(plan)})`));
    out.push(`  ${countsLine(countChanges([plan]))}`);
    if (plan.incomplete !== undefined) {
        for (const note of plan.incomplete.notes)
            out.push(paint('red', `  ! incomplete: ${note}`));
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
            renderChange(change, out, paint);
    }
    if (plan.outputs.some((o) => o.action !== 'no-op')) {
        out.push('', paint('bold', '  Outputs'));
        for (const output of plan.outputs) {
            if (output.action === 'no-op')
                continue;
            for (const line of formatAttributeLines(output.attributes))
                out.push(`    ${line}`);
        }
    }
    if (plan.drift.length > 0) {
        out.push('', paint('bold', `  Changed outside ${tool} (drift, not caused by this change) (${plan.drift.length})`));
        for (const change of sortForReport(plan.drift))
            renderChange(change, out, paint);
    }
    const failing = plan.checks.filter((c) => c.status !== 'pass');
    if (failing.length > 0) {
        out.push('', paint('bold', '  Checks'));
        for (const check of failing) {
            out.push(paint('yellow', `    ${check.status}: ${check.address}`));
            for (const problem of check.problems)
                out.push(`      ${problem}`);
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
    read: 'Read during apply',
    'no-op': 'Move or import only'
};
function renderChange(change, out, paint) {
    const marker = markerFor(change).padEnd(3);
    const style = change.destructive
        ? 'red'
        : change.action === 'create'
            ? 'green'
            : change.action === 'no-op'
                ? 'dim'
                : 'yellow';
    out.push(`    ${paint(style, marker)} ${paint('bold', change.address)}  ${paint('dim', labelFor(change))}`);
    if (change.explanation !== undefined)
        out.push(`        ${change.explanation}`);
    for (const line of formatAttributeLines(change.attributes))
        out.push(`        ${line}`);
}

/** GitHub rejects comment bodies over 65,536 characters; stay well under. */
const MAX_COMMENT_CHARS = 60_000;
/** Attribute lines shown per resource in the `short` tier. */
const SHORT_TIER_LINES = 20;
/** How much detail a rendering carries, from most to least. */
const MARKDOWN_TIERS = [
    'full',
    'short',
    'list',
    'summary',
    'grouped',
    'clipped'
];
/**
 * Renders the analysis as Markdown (the PR comment and job summary). Tries
 * each tier from full detail down and returns the first that fits; every
 * destroy/replace address survives in every tier but the last resort,
 * which still names how many were cut.
 */
function renderMarkdown(analysis, options = {}) {
    const maxChars = options.maxChars ?? MAX_COMMENT_CHARS;
    let last;
    for (const tier of MARKDOWN_TIERS) {
        const markdown = renderTier(analysis, tier, maxChars);
        last = { markdown, tier, shortened: SHORTENED[tier] };
        if (markdown.length <= maxChars)
            return last;
    }
    // `clipped` is built to fit; this is only reached for absurdly small limits.
    return last;
}
const SHORTENED = {
    full: undefined,
    short: `attribute diffs are cut to ${SHORT_TIER_LINES} lines per resource to fit the comment size limit`,
    list: 'attribute diffs are left out to fit the comment size limit; non-destructive changes are listed by address',
    summary: 'only destructive changes are listed, to fit the comment size limit; the rest are counted',
    grouped: 'only destructive changes are listed, instances of one resource grouped, to fit the comment size limit',
    clipped: 'the list of destructive changes is cut to fit the comment size limit; the full list is in the JSON report and job summary'
};
function renderTier(analysis, tier, maxChars) {
    const out = [];
    const { decision } = analysis;
    const icon = decision.verdict === 'pass' ? '✅' : '⛔';
    out.push(`### ${icon} plangate: ${decision.verdict === 'pass' ? 'pass' : 'blocked'}`, '');
    out.push(escapeText(capitalize(decision.summary)) + '.', '');
    for (const problem of decision.planProblems)
        out.push(`> [!CAUTION]\n> ${escapeText(problem)}`, '');
    out.push(countsTable(analysis.plans), '');
    const shortened = SHORTENED[tier];
    if (shortened !== undefined)
        out.push(`> [!NOTE]\n> Shortened: ${shortened}.`, '');
    const destructive = [];
    for (const plan of analysis.plans)
        for (const change of plan.changes)
            if (change.destructive)
                destructive.push({ plan, change });
    const multi = analysis.plans.length > 1;
    if (destructive.length > 0) {
        out.push(`#### Destructive changes (${destructive.length})`, '');
        if (tier === 'grouped' || tier === 'clipped') {
            const lines = destructiveTree(destructive, multi);
            const budget = maxChars - out.join('\n').length - 2_000;
            out.push(fence(clipLines(lines, tier === 'clipped' ? budget : Number.POSITIVE_INFINITY).join('\n'), 'text'));
            out.push('');
        }
        else {
            out.push('| | Address | Why |', '|---|---|---|');
            for (const { plan, change } of sortPairs(destructive)) {
                out.push(`| ${code(markerFor(change), true)} | ${code(change.address, true)}${multi ? ` <sub>${escapeHtml(plan.source)}</sub>` : ''} | ${escapeCell(change.explanation ?? labelFor(change))} |`);
            }
            out.push('');
        }
    }
    if (tier === 'full' || tier === 'short' || tier === 'list') {
        for (const plan of analysis.plans)
            renderPlanDetails(plan, tier, multi, out);
    }
    for (const warning of analysis.warnings)
        out.push(`> [!WARNING]\n> ${escapeText(warning)}`, '');
    return out.join('\n').trimEnd() + '\n';
}
function renderPlanDetails(plan, tier, multi, out) {
    const tool = toolName(plan.format);
    const listed = sortForReport(plan.changes.filter(isListed));
    const heading = multi ? `#### ${escapeText(plan.source)}` : '#### Changes';
    out.push(heading, '');
    out.push(`<sub>${escapeHtml(describeOrigin(plan))}</sub>`, '');
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
        renderChangeDetails(change, tier, out);
    }
    if (tier === 'list' && listed.length > 0)
        out.push('');
    const outputs = plan.outputs.filter((o) => o.action !== 'no-op');
    if (outputs.length > 0 && tier !== 'list') {
        const lines = outputs.flatMap((o) => formatAttributeLines(o.attributes));
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
function renderChangeDetails(change, tier, out) {
    const summary = `<code>${escapeHtml(markerFor(change))} ${escapeHtml(change.address)}</code> ${escapeHtml(labelFor(change))}`;
    let lines = formatAttributeLines(change.attributes);
    if (tier === 'short' && lines.length > SHORT_TIER_LINES) {
        const cut = lines.length - SHORT_TIER_LINES;
        lines = [...lines.slice(0, SHORT_TIER_LINES), `# … ${cut} more lines`];
    }
    const why = change.explanation === undefined
        ? []
        : [escapeText(capitalize(change.explanation)) + '.', ''];
    if (lines.length === 0 && why.length === 0) {
        out.push(`- ${summary}`, '');
        return;
    }
    out.push(`<details><summary>${summary}</summary>`, '', ...why);
    if (lines.length > 0)
        out.push(fence(lines.join('\n'), 'diff'), '');
    out.push('</details>', '');
}
function countsTable(plans) {
    const rows = ['| Action | Count |', '|---|--:|'];
    const counts = countChanges(plans);
    for (const action of CHANGE_ACTIONS) {
        if (counts[action] === 0)
            continue;
        rows.push(`| ${ACTION_LABELS[action]} | ${counts[action]} |`);
    }
    if (counts.moved > 0)
        rows.push(`| ↪️ moved | ${counts.moved} |`);
    if (counts.imported > 0)
        rows.push(`| 📥 imported | ${counts.imported} |`);
    if (rows.length === 2)
        return `No changes. ${countsLine(counts)}.`;
    return rows.join('\n');
}
const ACTION_LABELS = {
    create: '🟢 create',
    update: '🟡 update',
    replace: '🔴 replace',
    destroy: '🔴 destroy',
    forget: '🟠 forget',
    read: '🔵 read',
    'no-op': '⚪ no-op'
};
function sortPairs(pairs) {
    const order = new Map(sortForReport(pairs.map((p) => p.change)).map((c, i) => [c, i]));
    return [...pairs].sort((a, b) => (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0));
}
const newNode = () => ({ children: new Map(), resources: new Map() });
/**
 * Destructive addresses as a tree of module instances, so that long module
 * paths are written once, with instances of one resource folded into one
 * line: `terraform_data.x[0]` … `[99]` becomes `terraform_data.x[0…99] (100)`.
 * Every address can still be read off the tree.
 */
function destructiveTree(pairs, multi) {
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
        const inModule = segments !== undefined && change.address.startsWith(`${change.module}.`);
        for (const segment of inModule ? segments : []) {
            const child = node.children.get(segment) ?? newNode();
            node.children.set(segment, child);
            node = child;
        }
        const local = inModule
            ? change.address.slice(change.module.length + 1)
            : change.address;
        const match = /^([^[]*)\[(.*)\]$/.exec(local);
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
            const instances = keys.length === 1 && keys[0] === ''
                ? ''
                : `[${compressKeys(keys)}]${keys.length > 1 ? ` (${keys.length})` : ''}`;
            lines.push(`${indent}${marker.padEnd(3)} ${base}${instances}`);
        }
        for (const [segment, child] of node.children) {
            lines.push(`${indent}${segment}`);
            walk(child, depth + 1);
        }
    };
    for (const [source, root] of roots) {
        if (multi)
            lines.push(`# ${source}`);
        walk(root, 0);
    }
    return lines;
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
/** Instance keys for a grouped line: integer runs become `0…99`. */
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
function clipLines(lines, budget) {
    const kept = [];
    let used = 0;
    for (const line of lines) {
        if (used + line.length + 1 > budget) {
            kept.push(`… and ${lines.length - kept.length} more lines of destructive changes, cut to fit`);
            return kept;
        }
        kept.push(line);
        used += line.length + 1;
    }
    return kept;
}
function capitalize(text) {
    return text.length === 0 ? text : text[0]?.toUpperCase() + text.slice(1);
}
/** Escapes text for HTML element content (summary lines, sub tags); never used in attributes. */
function escapeHtml(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
/** Escapes free text so that it cannot open HTML, mentions or Markdown structures. */
function escapeText(text) {
    return escapeHtml(text).replace(/@/g, '@\u200b').replace(/\r?\n/g, ' ');
}
function escapeCell(text) {
    return escapeText(text).replace(/\|/g, '\\|');
}
/** A code span that survives backticks in its content. */
function code(text, inTable = false) {
    const oneLine = text.replace(/\r?\n/g, ' ');
    const longest = Math.max(0, ...[...oneLine.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    const pad = oneLine.startsWith('`') || oneLine.endsWith('`') || longest > 0 ? ' ' : '';
    const body = inTable ? oneLine.replace(/\|/g, '\\|') : oneLine;
    return `${ticks}${pad}${body}${pad}${ticks}`;
}
/** A fenced block whose fence is longer than any backtick run inside. */
function fence(text, lang) {
    const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
    const ticks = '`'.repeat(longest + 1);
    return `${ticks}${lang}\n${text}\n${ticks}`;
}

/** Version of the JSON report's shape; bumped on any incompatible change. */
const REPORT_SCHEMA_VERSION = 1;
/**
 * The JSON report (docs/report-schema.md). Built only from the model, whose
 * strings are already redacted, so no sensitive value can reach it.
 */
function buildJsonReport(analysis, tool) {
    return {
        schemaVersion: REPORT_SCHEMA_VERSION,
        tool,
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
            changes: plan.changes.filter(isListed),
            drift: plan.drift,
            outputs: plan.outputs,
            checks: plan.checks,
            warnings: plan.warnings
        })),
        warnings: analysis.warnings
    };
}
/**
 * Serialises the JSON report compactly: reports of large plans run to
 * megabytes, and `jq .` pretty-prints for people.
 */
function renderJson(analysis, tool) {
    return JSON.stringify(buildJsonReport(analysis, tool)) + '\n';
}

/** plangate's version; test/version.test.ts keeps it equal to package.json's. */
const VERSION = '0.1.0';

/** Runs one CLI invocation and returns the exit code (0 pass, 1 blocked, 2 input error). */
function runCli(argv, io) {
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
    }
}
function review(command, io) {
    if (command.output !== undefined)
        checkOutputTarget(command.output, command.plans, command.force);
    if (command.templates !== undefined ||
        command.labelTemplates.length > 0 ||
        (command.inputFormat !== 'auto' && command.inputFormat !== 'terraform')) {
        throw new UsageError('CloudFormation and Pulumi inputs are not wired into this build yet');
    }
    const inputs = [];
    for (const ref of expandPlanPaths(command.plans)) {
        // One file at a time: each text can be freed once parsed.
        inputs.push(readPlan({
            source: ref.source,
            text: readPlanFile(ref.path, io.readStdin)
        }));
    }
    const analysis = analyze(inputs);
    const report = render(analysis, command, io);
    if (command.output === undefined) {
        io.stdout(report);
    }
    else {
        writeAtomically(command.output, report);
        io.stderr(`plangate: wrote the ${command.format} report to ${command.output}\n`);
    }
    if (command.output !== undefined || command.format !== 'text') {
        for (const warning of analysis.warnings)
            io.stderr(`warning: ${warning}\n`);
        io.stderr(`plangate: ${analysis.decision.verdict === 'pass' ? 'PASS' : 'BLOCKED'}: ${analysis.decision.summary}\n`);
    }
    return analysis.decision.verdict === 'pass' ? 0 : 1;
}
function render(analysis, command, io) {
    switch (command.format) {
        case 'json':
            return renderJson(analysis, { name: 'plangate', version: VERSION });
        case 'markdown':
            return renderMarkdown(analysis).markdown;
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
/** Refuses to overwrite an input plan, or a file plangate did not write, unless forced. */
function checkOutputTarget(output, plans, force) {
    const target = resolve(output);
    if (plans.some((plan) => plan !== '-' && resolve(plan) === target)) {
        throw new UsageError(`--output ${output} is one of the plan files being read; choose another path`);
    }
    let head;
    try {
        const stat = statSync(output);
        if (stat.isDirectory())
            throw new UsageError(`--output ${output} is a directory; give a file path`);
        const fd = openSync(output, 'r');
        try {
            const buffer = Buffer.alloc(512);
            const read = readSync(fd, buffer, 0, buffer.length, 0);
            head = buffer.subarray(0, read).toString('utf8');
        }
        finally {
            closeSync(fd);
        }
    }
    catch (error) {
        if (error instanceof UsageError)
            throw error;
        return; // nothing there yet
    }
    if (!force && head.length > 0 && !head.includes('plangate')) {
        throw new UsageError(`--output ${output} exists and is not a plangate report; remove it or pass --force to replace it`);
    }
}
function writeAtomically(path, content) {
    const temporary = `${path}.plangate-${process.pid}.tmp`;
    try {
        writeFileSync(temporary, content);
        renameSync(temporary, path);
    }
    catch (error) {
        rmSync(temporary, { force: true });
        throw new UsageError(`cannot write --output ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

// Maps errors to exit codes: bad input 2, internal error 3, never a bare stack.
try {
    process.exitCode = runCli(process.argv.slice(2), {
        stdout: (text) => process.stdout.write(text),
        stderr: (text) => process.stderr.write(text),
        readStdin: () => readFileSync(0),
        stdoutIsTty: process.stdout.isTTY === true,
        env: process.env
    });
}
catch (error) {
    if (error instanceof UsageError || error instanceof PlanParseError) {
        process.stderr.write(`plangate: error: ${error.message}\n`);
        process.exitCode = 2;
    }
    else {
        const detail = error instanceof Error
            ? process.env.PLANGATE_DEBUG
                ? error.stack
                : error.message
            : String(error);
        process.stderr.write(`plangate: internal error: ${detail}\nThis is a bug in plangate; please open an issue with this message (set PLANGATE_DEBUG=1 for the stack).\n`);
        process.exitCode = 3;
    }
}
