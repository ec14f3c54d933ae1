#!/usr/bin/env node
import { statSync, readFileSync, existsSync, readdirSync, openSync, readSync, closeSync, writeFileSync, renameSync, rmSync } from 'node:fs';
import { posix, join, resolve, relative, isAbsolute, basename } from 'node:path';
import { parseArgs } from 'node:util';

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
            const empty = (bObj === undefined || sizeOf(bObj) === 0) &&
                (aObj === undefined || sizeOf(aObj) === 0);
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
                walk(joinPath(path, key), bRec[key], !(key in bRec), maskAt(bMask, key), aRec[key], !(key in aRec) && maskAt(aUnknown, key) !== true, maskAt(aMask, key), maskAt(aUnknown, key));
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

/** Small guards for reading untyped JSON without casts. */
function isRecord$1(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function stringAt(record, key) {
    const value = record[key];
    return typeof value === 'string' ? value : undefined;
}
function recordAt(record, key) {
    const value = record[key];
    return isRecord$1(value) ? value : undefined;
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
    if (!isRecord$1(value))
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
    if (!isRecord$1(doc))
        return false;
    if ('AWSTemplateFormatVersion' in doc)
        return true;
    const resources = doc.Resources;
    return (isRecord$1(resources) &&
        Object.values(resources).every((resource) => isRecord$1(resource) && typeof resource.Type === 'string'));
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
function isEmptyObject(doc) {
    return isRecord$1(doc) && Object.keys(doc).length === 0;
}
const TEMPLATE_EXPECTED = 'a CloudFormation template (JSON with "Resources")';
/** Checks the sections plangate reads; everything else is ignored. */
function checkTemplate(doc, source) {
    if (!isRecord$1(doc))
        throw notATemplate(doc, source);
    if (!('Resources' in doc) && !('AWSTemplateFormatVersion' in doc))
        throw notATemplate(doc, source);
    for (const section of ['Resources', 'Parameters', 'Outputs']) {
        const value = doc[section];
        if (value !== undefined && !isRecord$1(value)) {
            throw new PlanParseError(source, `"${section}" to be an object`, describeScalar(value));
        }
    }
    for (const [id, resource] of Object.entries(recordAt(doc, 'Resources') ?? {})) {
        if (!isRecord$1(resource) || typeof resource.Type !== 'string') {
            throw new PlanParseError(source, `Resources.${safeName(id)} to be an object with a string "Type"`, isRecord$1(resource)
                ? `Type ${describeScalar(resource.Type)}`
                : describeScalar(resource));
        }
        const properties = resource.Properties;
        if (properties !== undefined && !isRecord$1(properties)) {
            throw new PlanParseError(source, `Resources.${safeName(id)}.Properties to be an object`, describeScalar(properties));
        }
    }
    return doc;
}
function notATemplate(doc, source) {
    if (isRecord$1(doc)) {
        if (typeof doc.format_version === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a Terraform/OpenTofu JSON document', 'pass a Terraform plan as a plan file, not as a template; ' +
                CDK_SYNTH_HINT);
        }
        if (Array.isArray(doc.Changes) || typeof doc.ChangeSetId === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a CloudFormation change set (`describe-change-set` output)', 'a change set is reviewed on its own, not as one side of a template pair; ' +
                CDK_SYNTH_HINT);
        }
        if (isRecord$1(doc.artifacts) && typeof doc.version === 'string') {
            return new PlanParseError(source, TEMPLATE_EXPECTED, 'a cloud assembly manifest (`cdk.out/manifest.json`)', 'pass the `cdk.out` directory itself, or one of its `*.template.json` files');
        }
        if (typeof doc.TemplateBody === 'string' || isRecord$1(doc.TemplateBody)) {
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
        : isRecord$1(item) && typeof item.Name === 'string'
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
            if (isRecord$1(resource) && resource.Type === 'AWS::CloudFormation::Stack')
                ids.add(safeName(id));
        }
    }
    return [...ids].sort();
}
/** NoEcho parameters hide their value in the console; their defaults are secrets. */
function collectNoEchoDefaults(doc, into) {
    for (const parameter of Object.values(recordAt(doc, 'Parameters') ?? {})) {
        if (!isRecord$1(parameter))
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
        const inBefore = old !== undefined && name in before;
        const inAfter = now !== undefined && name in after;
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
        if (name in before && name in after && deepEqual(before[name], after[name]))
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
        const inBefore = name in before;
        const inAfter = name in after;
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
    if (!isRecord$1(doc))
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
    if (!isRecord$1(doc) || !looksLikeChangeSet(doc))
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
    if (isRecord$1(doc) && ('changes' in doc || 'changeSetId' in doc)) {
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
function oneOf$1(values, value) {
    return (typeof value === 'string' && values.includes(value));
}
/** Reads an optional enum field; a value outside the enum is an error. */
function optionalEnum(record, key, values, where, source) {
    const value = record[key];
    if (value === undefined || value === null)
        return undefined;
    if (oneOf$1(values, value))
        return value;
    throw new PlanParseError(source, `${where}.${key} to be one of ${values.join(', ')}`, `${key} ${describeScalar(value)}`, 'plangate does not guess what an unknown value means for real infrastructure; upgrade plangate');
}
function readChange(entry, index, source) {
    const where = `Changes[${index}]`;
    if (!isRecord$1(entry)) {
        throw new PlanParseError(source, `${where} to be an object`, describeKind(entry));
    }
    if (entry.Type !== undefined && entry.Type !== 'Resource') {
        throw new PlanParseError(source, `${where}.Type to be "Resource"`, `Type ${describeScalar(entry.Type)}`, 'plangate does not guess what an unknown kind of change does; upgrade plangate');
    }
    const change = entry.ResourceChange;
    if (!isRecord$1(change)) {
        throw new PlanParseError(source, `${where}.ResourceChange to be an object`, describeKind(change));
    }
    const logicalId = change.LogicalResourceId;
    if (typeof logicalId !== 'string' || logicalId === '') {
        throw new PlanParseError(source, `${where}.ResourceChange.LogicalResourceId to be a non-empty string`, describeKind(logicalId));
    }
    const at = `${where}.ResourceChange (${logicalId})`;
    const action = change.Action;
    if (!oneOf$1(ACTIONS, action)) {
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
    if (!isRecord$1(detail)) {
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
        try {
            parsed = JSON.parse(text);
        }
        catch {
            parsed = undefined;
        }
    }
    if (!isRecord$1(parsed)) {
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
        if (!isRecord$1(parameter))
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
    if (isRecord$1(value))
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
    if (isRecord$1(value))
        for (const item of Object.values(value))
            addLeaves(item, into);
}
/** Walks both contexts side by side; a plain value facing a secret reference is secret. */
function collectBesideReferences(before, after, into) {
    if (before === undefined || after === undefined)
        return;
    if (isRecord$1(before) && isRecord$1(after)) {
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
        else if (isRecord$1(current))
            current = current[String(step)];
        else
            return undefined;
    }
    return current;
}
/** Reads `Resources.*.Metadata["aws:cdk:path"]` of a template: logical ID → CDK construct path. */
function constructPaths(template) {
    const paths = new Map();
    const resources = isRecord$1(template)
        ? recordAt(template, 'Resources')
        : undefined;
    for (const [logicalId, resource] of Object.entries(resources ?? {})) {
        const metadata = isRecord$1(resource)
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
        else if (!oneOf$1(STATUSES, status)) {
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
    if (isRecord$1(value)) {
        const mask = {};
        for (const [key, item] of Object.entries(value))
            mask[key] = maskWhere(item, test);
        return mask;
    }
    return false;
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
    if (!isRecord$1(value))
        return false;
    if (typeof value.sequence !== 'number' && typeof value.timestamp !== 'number')
        return false;
    return Object.keys(value).some((key) => key.endsWith('Event') && isRecord$1(value[key]));
}
function hasPulumiUrn(list) {
    return (list ?? []).some((entry) => isRecord$1(entry) &&
        typeof entry.urn === 'string' &&
        entry.urn.startsWith(URN_PREFIX));
}
/** The one-line `--output json` summary: `{result, duration, summary}` (some versions add `resources`). */
function isOutputJsonSummary(doc) {
    return (typeof doc.result === 'string' &&
        !('steps' in doc) &&
        (isRecord$1(doc.summary) || hasPulumiUrn(arrayAt(doc, 'resources'))));
}
function isPreviewDiagnostic(entry) {
    return (isRecord$1(entry) &&
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
    if (!isRecord$1(doc))
        return false;
    if (hasPulumiUrn(arrayAt(doc, 'steps')))
        return true;
    if (isRecord$1(doc.changeSummary))
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
    if (!isRecord$1(doc)) {
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
    for (const step of steps) {
        collectSecretValues(step.oldState, secrets);
        collectSecretValues(step.newState, secrets);
    }
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
    const errors = (arrayAt(doc, 'diagnostics') ?? []).filter((d) => isRecord$1(d) && d.severity === 'error').length;
    if (errors > 0) {
        return new PlanParseError(source, EXPECTED, `a preview that failed before it planned any resource (${errors} error ${errors === 1 ? 'diagnostic' : 'diagnostics'}, no "steps")`, `fix the error \`pulumi preview\` reports, then ${DIGEST_HINT}`);
    }
    if (isRecord$1(doc.changeSummary)) {
        return new PlanParseError(source, EXPECTED, 'a digest without "steps" (only a change summary)', DIGEST_HINT);
    }
    return new PlanParseError(source, EXPECTED, describeJson(doc), DIGEST_HINT);
}
function readStep(entry, index, source) {
    const where = `steps[${index}]`;
    if (!isRecord$1(entry)) {
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
    if (!isRecord$1(value)) {
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
    if (!isRecord$1(value)) {
        throw new PlanParseError(source, `${where}.detailedDiff to be an object or null`, describeScalar(value));
    }
    const out = [];
    for (const [path, diff] of Object.entries(value)) {
        const kind = isRecord$1(diff) ? diff.kind : undefined;
        if (typeof kind !== 'string') {
            throw new PlanParseError(source, `${where}.detailedDiff entries to be {"kind": …, "inputDiff": …}`, isRecord$1(diff) ? `kind ${describeScalar(kind)}` : describeScalar(diff));
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
        if (!isRecord$1(entry))
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
    return isRecord$1(value) && value[SIG_KEY] === SECRET_SIG;
}
function isSecretMarker(value) {
    return value === SECRET_TEXT || isSecretSignature(value);
}
/**
 * Collects the plaintext of every secret-signature object: `value` (the
 * wire form) and `plaintext` (state with --show-secrets, a JSON text).
 * `ciphertext` holds nothing readable.
 */
function collectSecretValues(value, into) {
    if (typeof value !== 'object' || value === null)
        return;
    if (Array.isArray(value)) {
        for (const item of value)
            collectSecretValues(item, into);
        return;
    }
    const record = value;
    if (isSecretSignature(record)) {
        if ('value' in record)
            collectLeafStrings(record.value, into);
        const plaintext = record.plaintext;
        if (typeof plaintext === 'string') {
            collectLeafStrings(plaintext, into);
            try {
                collectLeafStrings(JSON.parse(plaintext), into);
            }
            catch {
                // Not JSON: the text itself is already collected.
            }
        }
        return;
    }
    for (const key in record)
        collectSecretValues(record[key], into);
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
    if (isRecord$1(value)) {
        const out = {};
        let sensitive;
        let unknown;
        for (const [key, item] of Object.entries(value)) {
            if (key.startsWith('__'))
                continue;
            const part = prepareValue(item);
            out[key] = part.value;
            if (part.sensitive !== undefined)
                (sensitive ??= {})[key] = part.sensitive;
            if (part.unknown !== undefined)
                (unknown ??= {})[key] = part.unknown;
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
            if (!isRecord$1(current) || !(step in current))
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
        warnings.push(`${source}: Pulumi warning: ${oneLine(diagnostic.message)}`);
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
function oneLine(message) {
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
    for (const message of new Set(errors.map((d) => oneLine(d.message)))) {
        notes.push(redactor.text(`Pulumi reported an error, so \`pulumi up\` would fail and the preview may not list every change: ${message}`));
    }
    if (doc.maybeCorrupt) {
        notes.push('Pulumi says one or more resources may be corrupt (maybeCorrupt): the state is not a trustworthy base for this preview');
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
        const bAbsent = !(name in before);
        const aAbsent = !(name in after);
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
    return (isRecord$1(doc) &&
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
            if (!isRecord$1(resource))
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
            if (!isRecord$1(call))
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
    if (!isRecord$1(value))
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
        .filter(([, decl]) => isRecord$1(decl) && decl.sensitive === true)
        .map(([name]) => name));
}
function notAPlan(doc, source) {
    const expected = 'a Terraform/OpenTofu JSON plan (from `terraform show -json PLANFILE`)';
    if (isRecord$1(doc)) {
        if (typeof doc.format_version === 'string' && isRecord$1(doc.values)) {
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
        if (!isRecord$1(decl) || decl.sensitive !== true)
            continue;
        const variable = variables[name];
        if (isRecord$1(variable))
            collectLeafStrings(variable.value, secrets);
        if ('default' in decl)
            collectLeafStrings(decl.default, secrets);
    }
    const rawChanges = arrayAt(doc, 'resource_changes');
    for (const list of [rawChanges, arrayAt(doc, 'resource_drift')]) {
        for (const entry of list ?? []) {
            const change = isRecord$1(entry) ? recordAt(entry, 'change') : undefined;
            if (change === undefined)
                continue;
            collectMaskedStrings(change.before, change.before_sensitive, secrets);
            collectMaskedStrings(change.after, change.after_sensitive, secrets);
        }
    }
    for (const [name, change] of Object.entries(recordAt(doc, 'output_changes') ?? {})) {
        if (!isRecord$1(change))
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
            if (isRecord$1(output) &&
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
        if (!isRecord$1(resource))
            continue;
        if (dataOnly && resource.mode !== 'data')
            continue;
        collectMaskedStrings(resource.values, resource.sensitive_values, secrets);
    }
    for (const child of arrayAt(module, 'child_modules') ?? []) {
        if (isRecord$1(child))
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
        warnings: warnings.map((w) => redactor.text(w)),
        sourceMap: input.sourceMap
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
    if (!isRecord$1(entry)) {
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
        !isRecord$1(change)) {
        const missing = [
            typeof address !== 'string' ? 'address' : undefined,
            typeof type !== 'string' ? 'type' : undefined,
            typeof name !== 'string' ? 'name' : undefined,
            !isRecord$1(change) ? 'change' : undefined
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
    if (isRecord$1(importing)) {
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
        if (!isRecord$1(change)) {
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
        if (!isRecord$1(check))
            continue;
        const address = recordAt(check, 'address');
        const display = (address && stringAt(address, 'to_display')) ?? 'unknown check';
        const status = stringAt(check, 'status') ?? 'unknown';
        const problems = [];
        for (const instance of arrayAt(check, 'instances') ?? []) {
            if (!isRecord$1(instance))
                continue;
            for (const problem of arrayAt(instance, 'problems') ?? []) {
                const message = isRecord$1(problem)
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
            if (isRecord$1(doc) && ('format_version' in doc || 'lineage' in doc))
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
    return { plans, redactor };
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
function analyze(inputs, options = {}) {
    const { plans } = normalizePlans(inputs, options);
    return {
        plans,
        summary: countChanges(plans),
        decision: decideGate(plans),
        // Several plans can carry the same caveat (every template diff does): say it once.
        warnings: [...new Set(plans.flatMap((plan) => plan.warnings))]
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
        if (path === '-' || !isDirectory$1(path))
            return [{ source: path, path }];
        return expandDirectory(path);
    });
}
function isDirectory$1(path) {
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
    if (!isRecord(manifest) || !isRecord(manifest.artifacts)) {
        throw new PlanParseError(manifestSource, 'a cloud assembly manifest with "artifacts"', isRecord(manifest) ? 'no "artifacts" object' : 'not a JSON object', SYNTH_HINT);
    }
    for (const [id, artifact] of Object.entries(manifest.artifacts)) {
        if (!isRecord(artifact))
            continue;
        const properties = isRecord(artifact.properties) ? artifact.properties : {};
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
function isRecord(value) {
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
function isDirectory(path) {
    try {
        return statSync(path).isDirectory();
    }
    catch {
        return false;
    }
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
function readTemplate(path) {
    let text;
    try {
        text = readFileSync(path).toString('utf8');
    }
    catch {
        throw new PlanParseError(path, 'a CloudFormation template (--template)', 'no readable file');
    }
    return parseJsonText(text, path);
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
    }
}
async function review(command, io) {
    if (command.output !== undefined)
        checkOutputTarget(command.output, command.plans, command.force);
    const inputs = [];
    for (const ref of expandPlanPaths(command.plans)) {
        // One file at a time: each text can be freed once parsed.
        inputs.push(readPlan({ source: ref.source, text: readPlanFile(ref.path, io.readStdin) }, command.inputFormat));
    }
    if (command.templates !== undefined) {
        const { before, after } = command.templates;
        for (const pair of readTemplatePairs(before, after, io.readStdin)) {
            inputs.push(await prepareTemplateDiff(readTemplatePair(pair.before, pair.after, pair.stackName)));
        }
    }
    const labels = readConstructLabels(command.labelTemplates);
    const analysis = analyze(inputs, labels === undefined ? {} : { labels });
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
    process.exitCode = await runCli(process.argv.slice(2), {
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
