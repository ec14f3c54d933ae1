#!/usr/bin/env node
/**
 * Writes a large synthetic Terraform plan for benchmarks.
 *
 *   node scripts/make-big-plan.js N OUT [--seed S] [--destructive-share F]
 *
 * The document has exactly the shape of `terraform show -json PLANFILE` from
 * Terraform 1.11 (`format_version` "1.2"), modelled on the real fixtures in
 * test/fixtures/terraform/ (kitchen-sink, nested-modules, multiline,
 * sensitive, replace-*, destroy-*): the same top-level keys in the same
 * order, `terraform_data` resources whose `input` is an object (or a
 * string), `output` mirroring `input` where known, the same sensitivity and
 * unknown masks, `replace_paths` and `action_reason` where Terraform writes
 * them, and compact single-line JSON with a trailing newline.
 *
 * Exactly N entries in `resource_changes`: about 70% no-op, 20% update, 5%
 * replace (`["delete","create"]` and some `["create","delete"]`) and 5%
 * destroy (count index, for_each key, removed block, removed module
 * instance), spread over nested modules
 * `module.region["…"].module.cluster[i].module.service["…"]` with count and
 * for_each instances. About one resource in 30 carries a 20-40 line
 * attribute (a user-data script or a pretty-printed IAM policy) and about
 * one in 100 a sensitive password.
 *
 * `--destructive-share F` (0 < F <= 1; `makeBigPlan(N, OUT, seed,
 * { destructiveShare: F })`) makes F the probability that a resource outside
 * a removed module instance is destroyed or replaced, keeping the 3:5
 * destroy:replace ratio and the mix of replace orders and reasons; the rest
 * is update and no-op in today's 20:72 ratio. Resources of removed module
 * instances are destroyed whatever F is. With F = 1 every entry is a destroy
 * or a replace, so N is exactly the number of destructive changes. Without
 * the option the mix (and every byte of the output) is the default's.
 *
 * `--policy-bytes B` gives every resource an unchanged `policy` attribute
 * (a pretty-printed IAM document of exactly B characters) wherever its
 * values appear: the shape of plans that outgrow V8's longest string.
 *
 * Deterministic: the same N and seed give the same bytes. Every resource is
 * regenerated from its own seed each time a section needs it, and the file
 * is written in chunks, so memory stays small whatever N is.
 */
import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import { basename } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Terraform writes this provider for `terraform_data`. */
const PROVIDER = 'terraform.io/builtin/terraform'
const TERRAFORM_VERSION = '1.11.4'
const TIMESTAMP = '2026-11-25T12:00:00Z'
const DEFAULT_SEED = 20261125

const REGIONS = [
  'ap-southeast-2',
  'eu-central-1',
  'eu-west-1',
  'sa-east-1',
  'us-east-1',
  'us-west-2'
]
const CLUSTERS_PER_REGION = 2
const SERVICE_WORDS = [
  'accounts',
  'audit',
  'billing',
  'catalog',
  'checkout',
  'notify',
  'orders',
  'payments',
  'pricing',
  'profile',
  'search',
  'shipping'
]
const TEAMS = ['platform', 'payments', 'growth', 'data', 'identity', 'core']
const INSTANCE_TYPES = ['m6i.large', 'm6i.xlarge', 'c6g.large', 'r6g.large']
const PACKAGES = ['nginx', 'curl', 'jq', 'awscli', 'chrony', 'htop', 'unzip']

/** One service in this many has a `user_data` block (a 20-40 line script). */
const USER_DATA_EVERY = 4
/** One service in this many has a `database` block with a sensitive password. */
const DATABASE_EVERY = 12
/** One service instance in this many was removed: all its resources are destroyed (no module). */
const RETIRED_EVERY = 50
/** Action mix for resources outside retired modules. */
const P_DESTROY = 0.03
const P_REPLACE = 0.05
const P_UPDATE = 0.2

/**
 * @typedef {{ destroy: number, replace: number, update: number }} ActionMix
 * Upper bounds of one uniform draw: below `destroy` a destroy, below
 * `replace` a replace, below `update` an update, else no-op.
 */

/** @type {ActionMix} */
const DEFAULT_MIX = {
  destroy: P_DESTROY,
  replace: P_DESTROY + P_REPLACE,
  update: P_DESTROY + P_REPLACE + P_UPDATE
}

/**
 * The action mix for a destructive share F (destroy + replace), or the
 * default mix (exactly today's thresholds) when F is not given.
 * @param {number | undefined} share
 * @returns {ActionMix}
 */
function actionMix(share) {
  if (share === undefined) return DEFAULT_MIX
  if (!(typeof share === 'number' && share > 0 && share <= 1))
    throw new RangeError(
      `destructive share must be a number in (0, 1], got ${String(share)} (${typeof share})`
    )
  const destructive = P_DESTROY + P_REPLACE
  return {
    destroy: (share * P_DESTROY) / destructive,
    replace: share,
    update: share + ((1 - share) * P_UPDATE) / (1 - destructive)
  }
}

// ---------------------------------------------------------------------------
// Deterministic randomness

/**
 * A 32-bit integer hash (lowbias32).
 * @param {number} x
 * @returns {number}
 */
function hash32(x) {
  x = x >>> 0
  x ^= x >>> 16
  x = Math.imul(x, 0x7feb352d)
  x ^= x >>> 15
  x = Math.imul(x, 0x846ca68b)
  x ^= x >>> 16
  return x >>> 0
}

/**
 * mulberry32: a small seeded PRNG returning floats in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
export function mulberry32(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The random stream of one resource instance, one use (`salt`).
 * @param {number} seed
 * @param {number} n resource number
 * @param {number} salt
 */
function rngFor(seed, n, salt) {
  return mulberry32(hash32(seed ^ hash32(n * 0x9e3779b1 + salt)))
}

/**
 * @template T
 * @param {() => number} rng
 * @param {readonly T[]} list
 * @returns {T}
 */
function pick(rng, list) {
  return /** @type {T} */ (list[Math.floor(rng() * list.length)])
}

/**
 * @param {() => number} rng
 * @param {number} lo
 * @param {number} hi inclusive
 */
function int(rng, lo, hi) {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

/**
 * @param {() => number} rng
 * @param {number} digits
 */
function hex(rng, digits) {
  let s = ''
  for (let i = 0; i < digits; i++) s += Math.floor(rng() * 16).toString(16)
  return s
}

const SECRET_CHARS =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A generated password: 20-32 random letters and digits, no common prefix
 * (a shared prefix would let the redactor's regular expression skip ahead).
 * @param {() => number} rng
 */
function secret(rng) {
  let s = ''
  const length = int(rng, 20, 32)
  for (let i = 0; i < length; i++)
    s += SECRET_CHARS[Math.floor(rng() * SECRET_CHARS.length)]
  return s
}

/** A `terraform_data` id: a random UUID. @param {() => number} rng */
function uuid(rng) {
  return `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`
}

// ---------------------------------------------------------------------------
// Layout: module instances and resource blocks

/**
 * @typedef {'single' | 'count' | 'for_each'} Repetition
 * @typedef {{ name: string, kind: string, repetition: Repetition, keys: readonly (string|number)[] }} Block
 * @typedef {{
 *   address: string,
 *   retired: boolean,
 *   ctx: Record<string, string | number>,
 *   blocks: readonly Block[],
 *   children: ModuleInstance[],
 *   resources: ResourceRef[]
 * }} ModuleInstance
 * @typedef {{ n: number, module: ModuleInstance, block: Block, key: string | number | undefined, action: Action, reason: string | undefined }} ResourceRef
 * @typedef {'no-op' | 'update' | 'replace' | 'replace-cbd' | 'destroy'} Action
 */

/** @type {(name: string, kind: string, repetition: Repetition, keys?: (string|number)[]) => Block} */
const block = (name, kind, repetition, keys = []) => ({
  name,
  kind,
  repetition,
  keys: repetition === 'count' ? keys.map((_, i) => i) : keys
})

const ROOT_BLOCKS = [
  block('artifact_bucket', 'bucket', 'count', ['a', 'b']),
  block('bootstrap', 'user_data', 'single'),
  block('dns_zone', 'dns_zone', 'for_each', [
    'example.com',
    'example.internal',
    'example.net'
  ])
]
const REGION_BLOCKS = [
  block('subnet', 'subnet', 'for_each', ['a', 'b', 'c']),
  block('vpc', 'vpc', 'single')
]
const CLUSTER_BLOCKS = [
  block('iam_policy', 'iam_policy', 'single'),
  block('node', 'node', 'count', ['0', '1', '2'])
]
/** @param {number} serviceIndex */
function serviceBlocks(serviceIndex) {
  const blocks = [
    block('alarm', 'alarm', 'for_each', ['cpu', 'errors', 'memory']),
    block('app', 'app', 'count', ['0', '1'])
  ]
  if (serviceIndex % DATABASE_EVERY === 5)
    blocks.push(block('database', 'database', 'single'))
  blocks.push(
    block('dns_record', 'dns_record', 'for_each', ['internal', 'public'])
  )
  if (serviceIndex % USER_DATA_EVERY === 0)
    blocks.push(block('user_data', 'user_data', 'single'))
  return blocks
}

/** Resources per service instance, on average. */
const PER_SERVICE = 3 + 2 + 2 + 1 / USER_DATA_EVERY + 1 / DATABASE_EVERY

/**
 * Service keys for one cluster: `<word>-<nnn>`, sorted as Terraform sorts them.
 * @param {number} count
 */
function serviceKeys(count) {
  const keys = []
  for (let i = 0; i < count; i++) {
    const word = SERVICE_WORDS[i % SERVICE_WORDS.length]
    keys.push(
      `${word}-${String(Math.floor(i / SERVICE_WORDS.length)).padStart(3, '0')}`
    )
  }
  return keys.sort()
}

/** @param {string | number} key */
const indexText = (key) =>
  typeof key === 'number' ? `[${key}]` : `[${JSON.stringify(key)}]`

/**
 * Resource instances a list of blocks expands to.
 * @param {readonly Block[]} blocks
 */
function instancesOf(blocks) {
  return blocks.reduce(
    (n, b) => n + (b.repetition === 'single' ? 1 : b.keys.length),
    0
  )
}

/**
 * Builds the module tree and the list of resource instances (exactly n of
 * them, in the order Terraform lists them), choosing each one's action.
 * @param {number} total
 * @param {number} seed
 * @param {ActionMix} mix
 */
function layout(total, seed, mix) {
  const fixed = instancesOf(ROOT_BLOCKS)
  const perCluster = instancesOf(CLUSTER_BLOCKS)
  const perRegion =
    instancesOf(REGION_BLOCKS) + CLUSTERS_PER_REGION * perCluster
  const services = Math.max(
    1,
    Math.ceil(
      (total - fixed - REGIONS.length * perRegion) /
        (REGIONS.length * CLUSTERS_PER_REGION * PER_SERVICE)
    )
  )
  const keys = serviceKeys(services)
  /** @type {ModuleInstance} */
  const root = {
    address: '',
    retired: false,
    ctx: { env: 'prod', region: 'global', cluster: 'shared', service: 'core' },
    blocks: ROOT_BLOCKS,
    children: [],
    resources: []
  }
  let serviceCounter = 0
  for (const region of REGIONS) {
    const regionAddr = `module.region[${JSON.stringify(region)}]`
    /** @type {ModuleInstance} */
    const r = {
      address: regionAddr,
      retired: false,
      ctx: { env: 'prod', region, cluster: 'none', service: 'network' },
      blocks: REGION_BLOCKS,
      children: [],
      resources: []
    }
    root.children.push(r)
    for (let c = 0; c < CLUSTERS_PER_REGION; c++) {
      const clusterAddr = `${regionAddr}.module.cluster[${c}]`
      /** @type {ModuleInstance} */
      const cl = {
        address: clusterAddr,
        retired: false,
        ctx: {
          env: 'prod',
          region,
          cluster: `k8s-${region}-${c}`,
          service: `k8s-${region}-${c}`
        },
        blocks: CLUSTER_BLOCKS,
        children: [],
        resources: []
      }
      r.children.push(cl)
      for (const key of keys) {
        const index = serviceCounter++
        cl.children.push({
          address: `${clusterAddr}.module.service[${JSON.stringify(key)}]`,
          retired: index % RETIRED_EVERY === RETIRED_EVERY - 1,
          ctx: {
            env: 'prod',
            region,
            cluster: `k8s-${region}-${c}`,
            service: key
          },
          blocks: serviceBlocks(index),
          children: [],
          resources: []
        })
      }
    }
  }
  /** @type {ResourceRef[]} */
  const all = []
  /** @param {ModuleInstance} m */
  const fill = (m) => {
    for (const b of m.blocks) {
      const instances = b.repetition === 'single' ? [undefined] : b.keys
      for (const key of instances) {
        if (all.length >= total) return
        const n = all.length
        const { action, reason } = chooseAction(seed, n, m, b, mix)
        const ref = { n, module: m, block: b, key, action, reason }
        all.push(ref)
        m.resources.push(ref)
      }
    }
    for (const child of m.children) fill(child)
  }
  fill(root)
  return { root, resources: all }
}

/**
 * @param {number} seed
 * @param {number} n
 * @param {ModuleInstance} m
 * @param {Block} b
 * @param {ActionMix} mix
 * @returns {{ action: Action, reason: string | undefined }}
 */
function chooseAction(seed, n, m, b, mix) {
  if (m.retired)
    return { action: 'destroy', reason: 'delete_because_no_module' }
  const rng = rngFor(seed, n, 1)
  const x = rng()
  if (x < mix.destroy) {
    const reason =
      b.repetition === 'count'
        ? 'delete_because_count_index'
        : b.repetition === 'for_each'
          ? 'delete_because_each_key'
          : 'delete_because_no_resource_config'
    return { action: 'destroy', reason }
  }
  if (x < mix.replace) {
    const y = rng()
    if (y < 0.8)
      return { action: 'replace', reason: 'replace_because_cannot_update' }
    if (y < 0.9)
      return { action: 'replace-cbd', reason: 'replace_because_cannot_update' }
    if (y < 0.95)
      return { action: 'replace', reason: 'replace_because_tainted' }
    return { action: 'replace', reason: 'replace_by_triggers' }
  }
  if (x < mix.update) return { action: 'update', reason: undefined }
  return { action: 'no-op', reason: undefined }
}

// ---------------------------------------------------------------------------
// Attribute payloads

/**
 * Deep copy with object keys sorted, as Terraform (cty) writes them.
 * @param {unknown} value
 * @returns {unknown}
 */
function sorted(value) {
  if (Array.isArray(value)) return value.map(sorted)
  if (value === null || typeof value !== 'object') return value
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const key of Object.keys(value).sort())
    out[key] = sorted(/** @type {Record<string, unknown>} */ (value)[key])
  return out
}

/**
 * @param {Record<string, string | number>} ctx
 * @param {string} name
 * @param {() => number} rng
 */
function tags(ctx, name, rng) {
  return {
    Environment: ctx.env,
    Name: name,
    Owner: `team-${pick(rng, TEAMS)}`
  }
}

/**
 * A cloud-init style shell script of 20-40 lines.
 * @param {Record<string, string | number>} ctx
 * @param {string} name
 * @param {() => number} rng
 * @param {number} version bumped by updates
 */
function userDataScript(ctx, name, rng, version) {
  const port = 8000 + int(rng, 0, 999)
  const packages = PACKAGES.slice(0, int(rng, 2, PACKAGES.length))
  const envCount = int(rng, 0, 12)
  const lines = [
    '#!/usr/bin/env bash',
    'set -euo pipefail',
    `echo "bootstrapping ${name} in ${ctx.region}"`,
    'export DEBIAN_FRONTEND=noninteractive',
    'apt-get update',
    `apt-get install -y ${packages.join(' ')} app-agent=1.${version}.0-1`
  ]
  for (let i = 0; i < envCount; i++)
    lines.push(`echo 'APP_SETTING_${i}=${hex(rng, 8)}' >> /etc/default/app`)
  lines.push(
    'mkdir -p /etc/app /var/log/app',
    "cat > /etc/app/config.yaml <<'YAML'",
    `service: ${ctx.service}`,
    `cluster: ${ctx.cluster}`,
    `region: ${ctx.region}`,
    `listen: 0.0.0.0:${port}`,
    'log_level: info',
    `replicas: ${int(rng, 1, 6)}`,
    'YAML',
    "cat > /etc/nginx/conf.d/app.conf <<'CONF'",
    'server {',
    '  listen 80;',
    `  location / { proxy_pass http://127.0.0.1:${port}; }`,
    '}',
    'CONF',
    'systemctl enable --now nginx app-agent',
    `curl -fsS --retry 5 http://127.0.0.1:${port}/healthz`
  )
  return lines.join('\n') + '\n'
}

/**
 * A pretty-printed IAM policy document (20-40 lines).
 * @param {Record<string, string | number>} ctx
 * @param {() => number} rng
 * @param {number} version
 */
function policyDocument(ctx, rng, version) {
  const account = String(int(rng, 100000000000, 999999999999))
  const bucket = `${ctx.cluster}-assets`
  const statements = [
    {
      Sid: 'ReadLogs',
      Effect: 'Allow',
      Action: ['logs:GetLogEvents', 'logs:DescribeLogStreams'],
      Resource: [`arn:aws:logs:${ctx.region}:${account}:log-group:/app/*`]
    },
    {
      Sid: 'Assets',
      Effect: 'Allow',
      Action:
        version > 1
          ? ['s3:GetObject', 's3:ListBucket', 's3:PutObject']
          : ['s3:GetObject', 's3:ListBucket'],
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`]
    }
  ]
  if (rng() < 0.5)
    statements.push({
      Sid: 'DenyDelete',
      Effect: 'Deny',
      Action: ['s3:DeleteObject', 's3:DeleteBucket'],
      Resource: ['*']
    })
  return JSON.stringify(
    { Version: '2012-10-17', Statement: statements },
    null,
    2
  )
}

/**
 * The `input` of one resource before the plan (version 1) or after an
 * update (version 2). Only the parts an update changes depend on `version`.
 * @param {ResourceRef} ref
 * @param {number} seed
 * @param {number} version
 * @returns {unknown}
 */
function inputOf(ref, seed, version) {
  const rng = rngFor(seed, ref.n, 2)
  const ctx = ref.module.ctx
  const name = `${ctx.service}-${ref.block.name}${ref.key === undefined ? '' : `-${ref.key}`}`
  // An update changes one thing; which one is fixed per resource.
  const change = int(rngFor(seed, ref.n, 3), 0, 2)
  const bump = (/** @type {number} */ which) =>
    version > 1 && change === which ? 1 : 0
  switch (ref.block.kind) {
    case 'bucket':
      return sorted({
        bucket: `${name}-${hex(rng, 6)}`,
        versioning: bump(0) ? 'Suspended' : 'Enabled',
        lifecycle_days: 30 + 30 * bump(1),
        tags: { ...tags(ctx, name, rng), Tier: bump(2) ? 'cold' : 'hot' }
      })
    case 'dns_zone':
      return `${ref.key}${bump(0) ? '.' : ''}`
    case 'vpc':
      return sorted({
        cidr_block: `10.${REGIONS.indexOf(String(ctx.region)) * 16}.0.0/16`,
        enable_dns_hostnames: bump(0) === 0,
        name,
        tags: { ...tags(ctx, name, rng), Version: `v${version}` }
      })
    case 'subnet':
      return sorted({
        availability_zone: `${ctx.region}${ref.key}`,
        cidr_block: `10.${int(rng, 0, 255)}.${int(rng, 0, 255)}.0/24`,
        map_public_ip_on_launch: bump(0) === 1,
        tags: tags(ctx, name, rng)
      })
    case 'node':
      return sorted({
        ami: `ami-${hex(rng, 17)}`,
        instance_type:
          INSTANCE_TYPES[(int(rng, 0, 3) + bump(0)) % INSTANCE_TYPES.length],
        name,
        network: {
          security_groups: [`sg-${hex(rng, 17)}`, `sg-${hex(rng, 17)}`],
          subnet_id: `subnet-${hex(rng, 17)}`,
          vpc_id: `vpc-${hex(rng, 17)}`
        },
        root_volume_gb: 50 + 50 * bump(1),
        tags: tags(ctx, name, rng)
      })
    case 'iam_policy':
      return policyDocument(ctx, rng, version)
    case 'alarm':
      return sorted({
        comparison: 'GreaterThanThreshold',
        metric: `${ctx.service}/${ref.key}`,
        period: 60 * (1 + bump(0)),
        threshold: int(rng, 50, 95) + 5 * bump(1)
      })
    case 'app':
      return sorted({
        env: { LOG_LEVEL: bump(1) ? 'debug' : 'info', REGION: ctx.region },
        image: `registry.example.com/${ctx.service}:${int(rng, 1, 9)}.${int(rng, 0, 20) + bump(0)}.0`,
        name,
        replicas: int(rng, 1, 6) + bump(2),
        tags: tags(ctx, name, rng)
      })
    case 'dns_record':
      // A plain string input, as most of the real fixtures use.
      return `${ctx.service}.${ref.key}.example.com. ${300 * (1 + bump(0))} IN A 10.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`
    case 'database':
      return sorted({
        engine: 'postgres',
        engine_version: bump(0) ? '16.2' : '15.6',
        instance_class: bump(1) ? 'db.r6g.xlarge' : 'db.r6g.large',
        name,
        password: secret(rng),
        port: 5432,
        subnet_ids: [`subnet-${hex(rng, 17)}`, `subnet-${hex(rng, 17)}`]
      })
    case 'user_data':
      return sorted({
        name,
        tags: tags(ctx, name, rng),
        user_data: userDataScript(ctx, name, rng, version)
      })
    default:
      throw new Error(`unknown kind ${ref.block.kind}`)
  }
}

/** Input keys marked sensitive (here only a database password). */
const SENSITIVE_KEYS = new Set(['password'])

/**
 * A Terraform sensitivity or unknown mask of a value: objects hold entries
 * for nested collections and marked leaves, lists one entry per element.
 * @param {unknown} value
 * @param {boolean} withSensitive mark SENSITIVE_KEYS as true
 * @returns {unknown} false for a plain leaf
 */
function maskOf(value, withSensitive) {
  if (Array.isArray(value)) return value.map((v) => maskOf(v, withSensitive))
  if (value === null || typeof value !== 'object') return false
  /** @type {Record<string, unknown>} */
  const out = {}
  for (const [key, item] of Object.entries(value)) {
    if (withSensitive && SENSITIVE_KEYS.has(key)) out[key] = true
    else {
      const m = maskOf(item, withSensitive)
      if (m !== false) out[key] = m
    }
  }
  return out
}

/**
 * Everything about one resource instance that any section needs.
 * @param {ResourceRef} ref
 * @param {number} seed
 */
function materialize(ref, seed, policyBytes = 0) {
  const rng = rngFor(seed, ref.n, 4)
  const id = uuid(rng)
  const before = inputOf(ref, seed, 1)
  const after =
    ref.action === 'no-op' || ref.reason === 'replace_because_tainted'
      ? before
      : inputOf(ref, seed, 2)
  const replacing = ref.action === 'replace' || ref.action === 'replace-cbd'
  const rev = int(rng, 1, 40)
  const triggersBefore =
    replacing || rng() < 0.15 ? [`${ref.block.kind}-rev-${rev}`] : null
  const triggersAfter =
    triggersBefore !== null &&
    replacing &&
    ref.reason === 'replace_because_cannot_update'
      ? [`${ref.block.kind}-rev-${rev + 1}`]
      : triggersBefore
  const address = `${ref.module.address === '' ? '' : `${ref.module.address}.`}terraform_data.${ref.block.name}${ref.key === undefined ? '' : indexText(ref.key)}`
  return {
    address,
    id,
    before,
    after,
    triggersBefore,
    triggersAfter,
    policy: policyBytes > 0 ? paddedPolicy(ref, seed, policyBytes) : undefined
  }
}

/**
 * A pretty-printed IAM policy document of exactly `bytes` characters, the
 * same before and after the plan (an unchanged attribute).
 * @param {ResourceRef} ref
 * @param {number} seed
 * @param {number} bytes
 */
function paddedPolicy(ref, seed, bytes) {
  const rng = rngFor(seed, ref.n, 11)
  const account = String(int(rng, 100000000000, 999999999999))
  const statements = []
  let text = JSON.stringify({ Version: '2012-10-17', Statement: [] }, null, 2)
  for (let i = 0; ; i++) {
    statements.push({
      Sid: `Statement${i}`,
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:ListBucket', 'logs:GetLogEvents'],
      Resource: [
        `arn:aws:s3:::${ref.module.ctx.cluster ?? 'root'}-${hex(rng, 8)}/*`,
        `arn:aws:logs:us-east-1:${account}:log-group:/app/${i}/*`
      ]
    })
    const next = JSON.stringify(
      { Version: '2012-10-17', Statement: statements },
      null,
      2
    )
    if (next.length > bytes) break
    text = next
  }
  // Trailing blanks make the size exact; a policy parser ignores them.
  return text.padEnd(bytes)
}

/**
 * The `values` object of a resource as it exists before the plan.
 * @param {ReturnType<typeof materialize>} r
 */
function priorValues(r) {
  return withPolicy(
    {
      id: r.id,
      input: r.before,
      output: r.before,
      triggers_replace: r.triggersBefore
    },
    r
  )
}

/**
 * Adds the resource's policy document (with `--policy-bytes`) to a values object.
 * @param {Record<string, unknown>} values
 * @param {ReturnType<typeof materialize>} r
 */
function withPolicy(values, r) {
  if (r.policy !== undefined) values.policy = r.policy
  return values
}

/**
 * The mask of a full `values` object (id, input, output, triggers_replace).
 * @param {unknown} input
 * @param {'known' | 'unknown' | 'absent'} output
 * @param {unknown} triggers
 */
function valuesMask(input, output, triggers) {
  /** @type {Record<string, unknown>} */
  const mask = {}
  const inputMask = maskOf(input, true)
  if (inputMask !== false) mask.input = inputMask
  // terraform_data's `output` is an unmarked copy of `input`.
  if (output === 'known') {
    const outputMask = maskOf(input, false)
    if (outputMask !== false) mask.output = outputMask
  } else if (output === 'unknown' && typeof input === 'object') mask.output = {}
  if (triggers !== null) mask.triggers_replace = maskOf(triggers, false)
  return mask
}

/**
 * One `resource_changes` entry.
 * @param {ResourceRef} ref
 * @param {ReturnType<typeof materialize>} r
 */
function resourceChange(ref, r) {
  /** @type {Record<string, unknown>} */
  const entry = { address: r.address }
  if (ref.module.address !== '') entry.module_address = ref.module.address
  entry.mode = 'managed'
  entry.type = 'terraform_data'
  entry.name = ref.block.name
  if (ref.key !== undefined) entry.index = ref.key
  entry.provider_name = PROVIDER
  const beforeValues = priorValues(r)
  const beforeSensitive = valuesMask(r.before, 'known', r.triggersBefore)
  /** @type {Record<string, unknown>} */
  let change
  switch (ref.action) {
    case 'no-op':
      change = {
        actions: ['no-op'],
        before: beforeValues,
        after: beforeValues,
        after_unknown: {},
        before_sensitive: beforeSensitive,
        after_sensitive: beforeSensitive
      }
      break
    case 'update': {
      const unknown = maskOf(r.after, false)
      change = {
        actions: ['update'],
        before: beforeValues,
        after: withPolicy(
          { id: r.id, input: r.after, triggers_replace: r.triggersAfter },
          r
        ),
        after_unknown:
          unknown === false
            ? { output: true }
            : { input: unknown, output: true },
        before_sensitive: beforeSensitive,
        after_sensitive: valuesMask(r.after, 'unknown', r.triggersAfter)
      }
      break
    }
    case 'replace':
    case 'replace-cbd': {
      const unknown = maskOf(r.after, false)
      /** @type {Record<string, unknown>} */
      const afterUnknown = { id: true }
      if (unknown !== false) afterUnknown.input = unknown
      afterUnknown.output = true
      if (r.triggersAfter !== null)
        afterUnknown.triggers_replace = maskOf(r.triggersAfter, false)
      change = {
        actions:
          ref.action === 'replace'
            ? ['delete', 'create']
            : ['create', 'delete'],
        before: beforeValues,
        after: withPolicy(
          { input: r.after, triggers_replace: r.triggersAfter },
          r
        ),
        after_unknown: afterUnknown,
        before_sensitive: beforeSensitive,
        after_sensitive: valuesMask(r.after, 'unknown', r.triggersAfter)
      }
      if (ref.reason === 'replace_because_cannot_update')
        change.replace_paths = [['triggers_replace']]
      break
    }
    case 'destroy':
      change = {
        actions: ['delete'],
        before: beforeValues,
        after: null,
        after_unknown: {},
        before_sensitive: beforeSensitive,
        after_sensitive: false
      }
      break
  }
  entry.change = change
  if (ref.reason !== undefined) entry.action_reason = ref.reason
  return entry
}

/**
 * A resource in `planned_values` (after) or `prior_state` (before).
 * @param {ResourceRef} ref
 * @param {ReturnType<typeof materialize>} r
 * @param {'planned' | 'prior'} which
 */
function stateResource(ref, r, which) {
  /** @type {Record<string, unknown>} */
  const entry = {
    address: r.address,
    mode: 'managed',
    type: 'terraform_data',
    name: ref.block.name
  }
  if (ref.key !== undefined) entry.index = ref.key
  entry.provider_name = PROVIDER
  entry.schema_version = 0
  if (which === 'prior' || ref.action === 'no-op') {
    entry.values = priorValues(r)
    entry.sensitive_values = valuesMask(r.before, 'known', r.triggersBefore)
  } else if (ref.action === 'update') {
    entry.values = withPolicy(
      {
        id: r.id,
        input: r.after,
        triggers_replace: r.triggersAfter
      },
      r
    )
    entry.sensitive_values = valuesMask(r.after, 'unknown', r.triggersAfter)
  } else {
    entry.values = withPolicy(
      { input: r.after, triggers_replace: r.triggersAfter },
      r
    )
    entry.sensitive_values = valuesMask(r.after, 'unknown', r.triggersAfter)
  }
  return entry
}

// ---------------------------------------------------------------------------
// Configuration (one entry per block and module call, not per instance)

/**
 * @param {Block} b
 * @param {string} providerKey
 */
function configResource(b, providerKey) {
  /** @type {Record<string, unknown>} */
  const entry = {
    address: `terraform_data.${b.name}`,
    mode: 'managed',
    type: 'terraform_data',
    name: b.name,
    provider_config_key: providerKey,
    expressions: {
      input: { references: ['var.name', 'var.tags', 'local.settings'] },
      triggers_replace: { references: ['var.revision'] }
    },
    schema_version: 0
  }
  if (b.repetition === 'count')
    entry.count_expression = { references: [`var.${b.name}_count`] }
  if (b.repetition === 'for_each')
    entry.for_each_expression = { references: [`var.${b.name}s`] }
  return entry
}

function configuration() {
  const moduleVariables = { name: {}, revision: {}, tags: { default: {} } }
  const all = (/** @type {Block[][]} */ lists) => {
    /** @type {Map<string, Block>} */
    const byName = new Map()
    for (const list of lists) for (const b of list) byName.set(b.name, b)
    return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : 1))
  }
  const service = {
    source: './modules/service',
    expressions: {
      name: { references: ['each.key'] },
      settings: { references: ['each.value'] }
    },
    for_each_expression: { references: ['var.services'] },
    module: {
      outputs: {
        endpoint: {
          expression: {
            references: ['terraform_data.dns_record', 'terraform_data.app']
          }
        }
      },
      resources: all([serviceBlocks(0), serviceBlocks(5)]).map((b) =>
        configResource(b, 'module.region:terraform')
      ),
      variables: { ...moduleVariables, settings: {} }
    }
  }
  const cluster = {
    source: './modules/cluster',
    expressions: {
      name: { references: ['count.index'] },
      services: { references: ['var.services'] }
    },
    count_expression: { references: ['var.clusters_per_region'] },
    module: {
      resources: CLUSTER_BLOCKS.map((b) =>
        configResource(b, 'module.region:terraform')
      ),
      module_calls: { service },
      variables: { ...moduleVariables, services: {} }
    }
  }
  const region = {
    source: './modules/region',
    expressions: {
      clusters_per_region: { constant_value: CLUSTERS_PER_REGION },
      name: { references: ['each.key'] },
      services: { references: ['var.services'] }
    },
    for_each_expression: {
      constant_value: Object.fromEntries(REGIONS.map((r) => [r, {}]))
    },
    module: {
      outputs: {
        vpc_id: {
          expression: {
            references: ['terraform_data.vpc.id', 'terraform_data.vpc']
          }
        }
      },
      resources: REGION_BLOCKS.map((b) =>
        configResource(b, 'module.region:terraform')
      ),
      module_calls: { cluster },
      variables: { ...moduleVariables, clusters_per_region: {}, services: {} }
    }
  }
  return {
    provider_config: {
      'module.region:terraform': {
        name: 'terraform',
        full_name: PROVIDER,
        module_address: 'module.region'
      },
      terraform: { name: 'terraform', full_name: PROVIDER }
    },
    root_module: {
      outputs: {
        environment: { expression: { references: ['var.environment'] } },
        region_count: { expression: { constant_value: REGIONS.length } }
      },
      resources: ROOT_BLOCKS.map((b) => configResource(b, 'terraform')),
      module_calls: { region },
      variables: {
        db_password: { sensitive: true },
        environment: { default: 'prod' },
        services: {}
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Writing

/** Buffers strings and writes them to a stream in large chunks, honouring backpressure. */
class ChunkWriter {
  /** @param {import('node:fs').WriteStream} stream */
  constructor(stream) {
    this.stream = stream
    /** @type {string[]} */
    this.parts = []
    this.size = 0
    this.bytes = 0
  }

  /** @param {string} text */
  async write(text) {
    this.parts.push(text)
    this.size += text.length
    if (this.size >= 1 << 20) await this.flush()
  }

  async flush() {
    if (this.parts.length === 0) return
    const chunk = this.parts.join('')
    this.parts = []
    this.size = 0
    this.bytes += Buffer.byteLength(chunk)
    if (!this.stream.write(chunk)) await once(this.stream, 'drain')
  }

  async end() {
    await this.flush()
    this.stream.end()
    await once(this.stream, 'finish')
  }
}

/**
 * Writes `root_module` with its child modules, recursively. Module
 * instances left with nothing (every resource destroyed) are omitted, as
 * Terraform omits them.
 * @param {ChunkWriter} w
 * @param {ModuleInstance} m
 * @param {(ref: ResourceRef) => object | undefined} entryOf
 * @param {(m: ModuleInstance) => boolean} nonEmpty
 */
async function writeModule(w, m, entryOf, nonEmpty) {
  await w.write('{"resources":[')
  let first = true
  for (const ref of m.resources) {
    const entry = entryOf(ref)
    if (entry === undefined) continue
    await w.write((first ? '' : ',') + JSON.stringify(entry))
    first = false
  }
  await w.write(']')
  if (m.address !== '') await w.write(`,"address":${JSON.stringify(m.address)}`)
  const children = m.children.filter(nonEmpty)
  if (children.length > 0) {
    await w.write(',"child_modules":[')
    for (let i = 0; i < children.length; i++) {
      if (i > 0) await w.write(',')
      await writeModule(
        w,
        /** @type {ModuleInstance} */ (children[i]),
        entryOf,
        nonEmpty
      )
    }
    await w.write(']')
  }
  await w.write('}')
}

/**
 * Writes the plan for `total` resources to `out`.
 * @param {number} total
 * @param {string} out
 * @param {number} [seed]
 * @param {{ destructiveShare?: number, policyBytes?: number }} [options]
 *   `destructiveShare`: the probability of a destroy or replace (0 < F <= 1);
 *   default: the standard mix. `policyBytes`: every resource gets an
 *   unchanged `policy` attribute (a pretty-printed IAM document of exactly
 *   that many characters) in each section that holds its values
 * @returns {Promise<{ bytes: number, counts: Record<string, number>, secrets: number }>}
 */
export async function makeBigPlan(
  total,
  out,
  seed = DEFAULT_SEED,
  options = {}
) {
  const { root, resources } = layout(
    total,
    seed,
    actionMix(options.destructiveShare)
  )
  const w = new ChunkWriter(createWriteStream(out))
  /** @param {ResourceRef} ref */
  const mat = (ref) => materialize(ref, seed, options.policyBytes ?? 0)

  /** @param {(ref: ResourceRef) => boolean} keep */
  const nonEmptyBy = (keep) => {
    /** @type {Map<ModuleInstance, boolean>} */
    const memo = new Map()
    /** @param {ModuleInstance} m @returns {boolean} */
    const test = (m) => {
      let v = memo.get(m)
      if (v === undefined) {
        v = m.resources.some(keep) || m.children.some(test)
        memo.set(m, v)
      }
      return v
    }
    return test
  }

  const dbPassword = secret(rngFor(seed, -1, 9))
  await w.write(
    `{"format_version":"1.2","terraform_version":"${TERRAFORM_VERSION}",` +
      `"variables":${JSON.stringify({
        db_password: { value: dbPassword },
        environment: { value: 'prod' },
        services: { value: { count: resources.length } }
      })},`
  )

  // planned_values: what exists after the plan (destroyed resources are gone).
  const planned = (/** @type {ResourceRef} */ ref) => ref.action !== 'destroy'
  await w.write(
    `"planned_values":{"outputs":${JSON.stringify({
      environment: { sensitive: false, type: 'string', value: 'prod' },
      region_count: { sensitive: false, type: 'number', value: REGIONS.length }
    })},"root_module":`
  )
  await writeModule(
    w,
    root,
    (ref) =>
      planned(ref) ? stateResource(ref, mat(ref), 'planned') : undefined,
    nonEmptyBy(planned)
  )
  await w.write('},')

  // resource_changes: root module first, then module instances in order.
  await w.write('"resource_changes":[')
  /** @type {Record<string, number>} */
  const counts = {}
  for (let i = 0; i < resources.length; i++) {
    const ref = /** @type {ResourceRef} */ (resources[i])
    const key = ref.action === 'replace-cbd' ? 'replace' : ref.action
    counts[key] = (counts[key] ?? 0) + 1
    await w.write(
      (i > 0 ? ',' : '') + JSON.stringify(resourceChange(ref, mat(ref)))
    )
  }
  await w.write('],')

  await w.write(
    `"output_changes":${JSON.stringify({
      environment: {
        actions: ['no-op'],
        before: 'prod',
        after: 'prod',
        after_unknown: false,
        before_sensitive: false,
        after_sensitive: false
      },
      region_count: {
        actions: ['no-op'],
        before: REGIONS.length,
        after: REGIONS.length,
        after_unknown: false,
        before_sensitive: false,
        after_sensitive: false
      }
    })},`
  )

  // prior_state: every resource exists before the plan (the mix has no creates).
  await w.write(
    `"prior_state":{"format_version":"1.0","terraform_version":"${TERRAFORM_VERSION}","values":{"outputs":${JSON.stringify(
      {
        environment: { sensitive: false, value: 'prod', type: 'string' },
        region_count: {
          sensitive: false,
          value: REGIONS.length,
          type: 'number'
        }
      }
    )},"root_module":`
  )
  await writeModule(
    w,
    root,
    (ref) => stateResource(ref, mat(ref), 'prior'),
    nonEmptyBy(() => true)
  )
  await w.write('}},')

  await w.write(`"configuration":${JSON.stringify(configuration())},`)

  // relevant_attributes: what other resources' expressions refer to.
  const relevant = []
  for (const region of root.children) {
    relevant.push({
      resource: `${region.address}.terraform_data.vpc`,
      attribute: ['id']
    })
    for (const cluster of region.children)
      relevant.push({
        resource: `${cluster.address}.terraform_data.node`,
        attribute: ['output', 'network']
      })
  }
  await w.write(`"relevant_attributes":${JSON.stringify(relevant)},`)
  await w.write(
    `"timestamp":"${TIMESTAMP}","applyable":true,"complete":true,"errored":false}\n`
  )
  await w.end()
  const secrets =
    resources.filter((r) => r.block.kind === 'database').length + 1
  return { bytes: w.bytes, counts, secrets }
}

// ---------------------------------------------------------------------------
// Command line

const USAGE =
  'usage: node scripts/make-big-plan.js N OUT [--seed S] [--destructive-share F] [--policy-bytes B]  (0 < F <= 1)'

async function main() {
  const args = process.argv.slice(2)
  let seed = DEFAULT_SEED
  const seedAt = args.indexOf('--seed')
  if (seedAt !== -1) {
    seed = Number(args[seedAt + 1])
    args.splice(seedAt, 2)
  }
  /** @type {number | undefined} */
  let share
  const shareAt = args.indexOf('--destructive-share')
  if (shareAt !== -1) {
    share = Number(args[shareAt + 1])
    args.splice(shareAt, 2)
  }
  /** @type {number | undefined} */
  let policyBytes
  const policyAt = args.indexOf('--policy-bytes')
  if (policyAt !== -1) {
    policyBytes = Number(args[policyAt + 1])
    args.splice(policyAt, 2)
  }
  const [countText, out] = args
  const total = Number(countText)
  if (
    args.length !== 2 ||
    out === undefined ||
    !Number.isInteger(total) ||
    total < 1 ||
    !Number.isInteger(seed) ||
    (share !== undefined && !(share > 0 && share <= 1))
  ) {
    process.stderr.write(`${USAGE}\n`)
    process.exitCode = 2
    return
  }
  const started = performance.now()
  const { bytes, counts, secrets } = await makeBigPlan(total, out, seed, {
    ...(share === undefined ? {} : { destructiveShare: share }),
    ...(policyBytes === undefined ? {} : { policyBytes })
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const mix = Object.entries(counts)
    .map(([action, n]) => `${action} ${n} (${((100 * n) / total).toFixed(1)}%)`)
    .join(', ')
  process.stderr.write(
    `${basename(out)}: ${total} resources, ${(bytes / 1e6).toFixed(1)} MB ` +
      `(${Math.round(bytes / total)} B/resource), ${secrets} secrets, ${seconds} s\n  ${mix}\n`
  )
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(
      `make-big-plan: ${error instanceof Error ? error.message : String(error)}\n`
    )
    process.exitCode = 1
  })
}
