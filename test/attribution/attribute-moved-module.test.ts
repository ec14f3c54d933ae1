import { describe, expect, it } from 'vitest'
import { attributeChanges, versionKey } from '../../src/attribution/index.js'
import type { SourceCommit } from '../../src/attribution/index.js'
import type { Plan, ResourceChange } from '../../src/model.js'

const BEFORE = 'resource "terraform_data" "db" {\n  input = 1\n}\n'
const AFTER = `${BEFORE}\nmoved {\n  from = module.old\n  to   = module.new\n}\n`

describe('attributeChanges with moved blocks between modules', () => {
  it('skips a moved block whose addresses are modules instead of failing', () => {
    const db: ResourceChange = {
      address: 'terraform_data.db',
      type: 'terraform_data',
      name: 'db',
      module: '',
      provider: 'terraform.io/builtin/terraform',
      mode: 'managed',
      action: 'destroy',
      imported: false,
      replacePaths: [],
      destructive: true,
      attributes: []
    }
    const commit: SourceCommit = {
      sha: 'c1',
      parents: [],
      subject: 'move a module',
      authorDate: '2026-11-20T10:00:00Z',
      author: { name: 'x', email: 'x@example.com' },
      committer: { name: 'x', email: 'x@example.com' },
      message: 'move a module',
      files: [
        {
          path: 'main.tf',
          status: 'modified',
          hunks: [
            {
              oldStart: 3,
              oldLines: 0,
              newStart: 4,
              newLines: 5,
              removed: [],
              added: AFTER.split('\n').slice(3, 8)
            }
          ]
        }
      ]
    }
    const plan: Plan = {
      source: 'plan.json',
      format: 'terraform',
      formatVersion: '1.2',
      toolVersion: '1.11.4',
      mode: 'normal',
      changes: [db],
      drift: [],
      outputs: [],
      checks: [],
      targeted: false,
      warnings: [],
      sourceMap: { moduleDirs: { '': '' }, references: {} }
    }
    const result = attributeChanges({
      plans: [plan],
      commits: [commit],
      versions: new Map([
        [versionKey('c1', 'main.tf'), { before: BEFORE, after: AFTER }]
      ]),
      rootDirs: new Map([['plan.json', '']])
    })
    expect(result.get(db)).toEqual({ causes: [], pinned: false })
  })
})
