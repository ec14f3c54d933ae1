import { describe, expect, it } from 'vitest'
import { attributeChanges, versionKey } from '../../src/attribution/index.js'
import type {
  FileVersions,
  Hunk,
  SourceCommit
} from '../../src/attribution/index.js'
import type { Plan, ResourceChange } from '../../src/model.js'

/** A zero-context hunk computed from two versions of a file (line-by-line, one hunk per changed run). */
function hunksOf(
  before: string | undefined,
  after: string | undefined
): Hunk[] {
  const a = before === undefined ? [] : before.split('\n')
  const b = after === undefined ? [] : after.split('\n')
  // Common prefix/suffix is enough for these single-edit tests.
  let start = 0
  while (start < a.length && start < b.length && a[start] === b[start]) start++
  let endA = a.length
  let endB = b.length
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--
    endB--
  }
  const removed = a.slice(start, endA)
  const added = b.slice(start, endB)
  if (removed.length === 0 && added.length === 0) return []
  return [
    {
      oldStart: removed.length === 0 ? start : start + 1,
      oldLines: removed.length,
      newStart: added.length === 0 ? start : start + 1,
      newLines: added.length,
      removed,
      added
    }
  ]
}

interface Step {
  readonly sha: string
  readonly files: Record<string, string | undefined>
}

/** Commits over a tiny file tree, each replacing whole files; returns commits and versions. */
function history(base: Record<string, string>, steps: readonly Step[]) {
  const tree = new Map(Object.entries(base))
  const commits: SourceCommit[] = []
  const versions = new Map<string, FileVersions>()
  for (const step of steps) {
    const files = []
    for (const [path, text] of Object.entries(step.files)) {
      const before = tree.get(path)
      versions.set(versionKey(step.sha, path), {
        ...(before === undefined ? {} : { before }),
        ...(text === undefined ? {} : { after: text })
      })
      files.push({
        path,
        status:
          before === undefined
            ? ('added' as const)
            : text === undefined
              ? ('deleted' as const)
              : ('modified' as const),
        hunks: hunksOf(before, text)
      })
      if (text === undefined) tree.delete(path)
      else tree.set(path, text)
    }
    commits.push({
      sha: step.sha,
      parents: [],
      subject: step.sha,
      authorDate: '2026-11-20T10:00:00Z',
      author: { name: 'x', email: 'x@example.com' },
      committer: { name: 'x', email: 'x@example.com' },
      message: step.sha,
      files
    })
  }
  return { commits, versions }
}

function change(
  address: string,
  action: 'replace' | 'destroy',
  extra: Partial<ResourceChange> = {}
): ResourceChange {
  return {
    address,
    type: 'terraform_data',
    name: address.split('.').pop() ?? '',
    module: '',
    provider: 'terraform.io/builtin/terraform',
    mode: 'managed',
    action,
    ...(action === 'replace' ? { replaceOrder: 'delete-first' as const } : {}),
    imported: false,
    replacePaths: [],
    destructive: true,
    attributes: [],
    ...extra
  }
}

function plan(
  changes: ResourceChange[],
  references: Record<string, string[]> = {},
  moduleDirs: Record<string, string> = { '': '' }
): Plan {
  return {
    source: 'infra/plan.json',
    format: 'terraform',
    formatVersion: '1.2',
    toolVersion: '1.11.4',
    mode: 'normal',
    changes,
    drift: [],
    outputs: [],
    checks: [],
    targeted: false,
    warnings: [],
    sourceMap: { moduleDirs, references }
  }
}

const MAIN = `resource "terraform_data" "db" {
  triggers_replace = [var.engine]
}

resource "terraform_data" "cache" {
  input = "a"
}
`
const VARS = `variable "engine" {
  default = "15"
}
`

describe('attributeChanges', () => {
  it('follows a referenced variable to the commit that changed its default', () => {
    const db = change('terraform_data.db', 'replace')
    const { commits, versions } = history(
      { 'infra/main.tf': MAIN, 'infra/variables.tf': VARS },
      [
        { sha: 'c1', files: { 'infra/main.tf': MAIN.replace('"a"', '"b"') } },
        {
          sha: 'c2',
          files: { 'infra/variables.tf': VARS.replace('"15"', '"16"') }
        }
      ]
    )
    const result = attributeChanges({
      plans: [plan([db], { 'terraform_data.db': ['var.engine'] })],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', 'infra']])
    })
    expect(result.get(db)).toEqual({
      causes: [
        {
          sha: 'c2',
          how: 'edited variable "engine" (infra/variables.tf:1-3); block-level: the plan gives no narrower cause (no action_reason)'
        }
      ],
      pinned: true
    })
  })

  it('falls back to the block, and says so, when nothing the reason names changed in the range', () => {
    // count = var.workers, set in a .tfvars file that attribution does not read.
    const main = `resource "terraform_data" "worker" {
  count = var.workers
  input = "w"
}
`
    const worker = change('terraform_data.worker[2]', 'destroy', {
      reason: 'delete_because_count_index'
    })
    const { commits, versions } = history({ 'main.tf': main }, [
      { sha: 'c1', files: { 'main.tf': main.replace('"w"', '"x"') } },
      { sha: 'c2', files: { 'prod.tfvars': 'workers = 2\n' } }
    ])
    const base = plan([worker], { 'terraform_data.worker': ['var.workers'] })
    const result = attributeChanges({
      plans: [
        {
          ...base,
          sourceMap: {
            moduleDirs: { '': '' },
            references: { 'terraform_data.worker': ['var.workers'] },
            expressionReferences: {
              'terraform_data.worker': { count: ['var.workers'] }
            }
          }
        }
      ],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(worker)).toEqual({
      causes: [
        {
          sha: 'c1',
          how: 'edited resource "terraform_data" "worker" (main.tf:1-4); block-level: nothing in the `count` expression and what it refers to changed in this range'
        }
      ],
      pinned: true
    })
  })

  it('does not take a block moved to another file of its module as its removal', () => {
    const legacy = `resource "terraform_data" "legacy" {
  input = "old"
}
`
    const destroy = change('terraform_data.legacy', 'destroy', {
      reason: 'delete_because_no_resource_config'
    })
    const { commits, versions } = history(
      { 'main.tf': legacy, 'other.tf': '' },
      [
        { sha: 'move', files: { 'main.tf': '', 'other.tf': legacy } },
        { sha: 'drop', files: { 'other.tf': '' } }
      ]
    )
    const result = attributeChanges({
      plans: [plan([destroy])],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(destroy)?.causes).toEqual([
      {
        sha: 'drop',
        how: `removed resource "terraform_data" "legacy" (other.tf:1-3); the plan's reason: delete_because_no_resource_config`
      }
    ])
  })

  it('blames the commit that removed a block for its destroy, not the ones around it', () => {
    const cache = change('terraform_data.cache', 'destroy')
    const { commits, versions } = history({ 'main.tf': MAIN }, [
      {
        sha: 'c1',
        files: { 'main.tf': MAIN.replace('[var.engine]', '["x"]') }
      },
      {
        sha: 'c2',
        files: {
          'main.tf': MAIN.replace('[var.engine]', '["x"]').replace(
            /resource "terraform_data" "cache" \{\n {2}input = "a"\n\}\n/,
            ''
          )
        }
      }
    ])
    const result = attributeChanges({
      plans: [plan([cache])],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(cache)?.causes.map((c) => c.sha)).toEqual(['c2'])
    expect(result.get(cache)?.causes[0]?.how).toMatch(
      /^removed resource "terraform_data" "cache"/
    )
  })

  it('follows module calls above a resource and local module directories', () => {
    const instance = change('module.db[1].terraform_data.instance', 'destroy', {
      module: 'module.db[1]'
    })
    const root = 'module "db" {\n  source = "./modules/db"\n  count  = 2\n}\n'
    const { commits, versions } = history(
      {
        'main.tf': root,
        'modules/db/main.tf': 'resource "terraform_data" "instance" {}\n'
      },
      [
        {
          sha: 'c1',
          files: { 'main.tf': root.replace('count  = 2', 'count  = 1') }
        }
      ]
    )
    const result = attributeChanges({
      plans: [plan([instance], {}, { '': '', db: 'modules/db' })],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(instance)).toEqual({
      causes: [
        {
          sha: 'c1',
          how: 'edited module "db" (main.tf:1-4); block-level: the plan gives no narrower cause (no action_reason)'
        }
      ],
      pinned: true
    })
  })

  it('lists causes from several directories in commit order, each commit once, and skips commits that touch neither', () => {
    const instance = change('module.db[1].terraform_data.instance', 'destroy', {
      module: 'module.db[1]'
    })
    const root = 'module "db" {\n  source = "./modules/db"\n  count  = 2\n}\n'
    const db = 'resource "terraform_data" "instance" {\n  input = "a"\n}\n'
    const { commits, versions } = history(
      { 'main.tf': root, 'modules/db/main.tf': db, 'other/main.tf': '' },
      [
        {
          sha: 'c1',
          files: { 'modules/db/main.tf': db.replace('"a"', '"b"') }
        },
        {
          sha: 'c2',
          files: { 'other/main.tf': 'locals {}\n', 'README.md': 'x' }
        },
        {
          sha: 'c3',
          files: { 'main.tf': root.replace('count  = 2', 'count  = 3') }
        },
        {
          sha: 'c4',
          files: {
            'main.tf': root.replace('count  = 2', 'count  = 1'),
            'modules/db/main.tf': db.replace('"a"', '"c"')
          }
        }
      ]
    )
    const result = attributeChanges({
      plans: [plan([instance], {}, { '': '', db: 'modules/db' })],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(instance)?.causes.map((cause) => cause.sha)).toEqual([
      'c1',
      'c3',
      'c4'
    ])
  })

  it('counts a removed block naming the resource', () => {
    const old = change('terraform_data.old', 'destroy')
    const { commits, versions } = history({ 'main.tf': MAIN }, [
      {
        sha: 'c1',
        files: {
          'main.tf': `${MAIN}\nremoved {\n  from = terraform_data.old\n}\n`
        }
      }
    ])
    const result = attributeChanges({
      plans: [plan([old])],
      commits,
      versions,
      rootDirs: new Map([['infra/plan.json', '']])
    })
    expect(result.get(old)?.causes.map((c) => c.sha)).toEqual(['c1'])
  })

  it('leaves a change unpinned when no commit touched what causes it, or when the plan has no source map', () => {
    const db = change('terraform_data.db', 'replace')
    const { commits, versions } = history(
      { 'main.tf': MAIN, 'other/x.tf': 'resource "terraform_data" "db" {}\n' },
      [
        {
          sha: 'c1',
          files: {
            'other/x.tf': 'resource "terraform_data" "db" {\n  input = 1\n}\n'
          }
        }
      ]
    )
    const rootDirs = new Map([['infra/plan.json', '']])
    expect(
      attributeChanges({
        plans: [plan([db])],
        commits,
        versions,
        rootDirs
      }).get(db)
    ).toEqual({ causes: [], pinned: false })
    const { sourceMap: _unused, ...withoutMap } = plan([db])
    expect(
      attributeChanges({
        plans: [withoutMap],
        commits,
        versions,
        rootDirs
      }).get(db)
    ).toEqual({ causes: [], pinned: false })
  })
})

describe('attributeChanges for CDK change sets', () => {
  it('ties a resource to the commits whose changed source lines quote its construct id', () => {
    const table = change('OrdersTable4E3B1B0C', 'replace', {
      label: 'OrdersStack/Orders/Table/Resource'
    })
    const commits: SourceCommit[] = [
      {
        sha: 'c1',
        parents: [],
        subject: 'rename the table',
        authorDate: '2026-11-20T10:00:00Z',
        author: { name: 'x', email: 'x@example.com' },
        committer: { name: 'x', email: 'x@example.com' },
        message: 'rename the table',
        files: [
          {
            path: 'lib/orders-stack.ts',
            status: 'modified',
            hunks: [
              {
                oldStart: 12,
                oldLines: 1,
                newStart: 12,
                newLines: 1,
                removed: ["new Table(this, 'Table', { tableName: 'orders' })"],
                added: ["new Table(this, 'Table', { tableName: 'orders-v2' })"]
              }
            ]
          }
        ]
      },
      {
        sha: 'c2',
        parents: [],
        subject: 'docs',
        authorDate: '2026-11-20T10:01:00Z',
        author: { name: 'x', email: 'x@example.com' },
        committer: { name: 'x', email: 'x@example.com' },
        message: 'docs',
        files: [
          {
            path: 'README.md',
            status: 'modified',
            hunks: [
              {
                oldStart: 1,
                oldLines: 0,
                newStart: 1,
                newLines: 1,
                removed: [],
                added: ["'Table'"]
              }
            ]
          }
        ]
      }
    ]
    const { sourceMap: _unused, ...changeSet } = plan([table])
    const result = attributeChanges({
      plans: [{ ...changeSet, format: 'cloudformation' }],
      commits,
      versions: new Map(),
      rootDirs: new Map()
    })
    expect(result.get(table)).toEqual({
      causes: [
        {
          sha: 'c1',
          how: "changed a line naming construct 'Table' (lib/orders-stack.ts)"
        }
      ],
      pinned: true
    })
  })
})

describe('attributeChanges for stacks without a construct path', () => {
  it('falls back to the commits that touched the stack directory named in stack-dirs', () => {
    const topic = change('OrderEventsTopicB7D5E2A9', 'replace')
    const commit = (sha: string, path: string): SourceCommit => ({
      sha,
      parents: [],
      subject: sha,
      authorDate: '2026-11-20T10:00:00Z',
      author: { name: 'x', email: 'x@example.com' },
      committer: { name: 'x', email: 'x@example.com' },
      message: sha,
      files: [{ path, status: 'modified', hunks: [] }]
    })
    const { sourceMap: _unused, ...changeSet } = plan([topic])
    const input = {
      plans: [
        {
          ...changeSet,
          format: 'cloudformation' as const,
          stack: 'OrdersServiceStack'
        }
      ],
      commits: [
        commit('c1', 'services/orders/lib/stack.ts'),
        commit('c2', 'web/app.ts')
      ],
      versions: new Map(),
      rootDirs: new Map<string, string>()
    }
    expect(
      attributeChanges({
        ...input,
        stackDirs: { OrdersServiceStack: 'services/orders' }
      }).get(topic)
    ).toEqual({
      causes: [
        {
          sha: 'c1',
          how: 'changed services/orders/lib/stack.ts in the directory of stack OrdersServiceStack (no line names the resource)'
        }
      ],
      pinned: true
    })
    expect(attributeChanges(input).get(topic)).toEqual({
      causes: [],
      pinned: false
    })
  })
})
