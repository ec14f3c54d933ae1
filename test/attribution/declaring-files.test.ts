import { describe, expect, it } from 'vitest'
import {
  declaringDirs,
  declaringFiles,
  declaringKey
} from '../../src/attribution/index.js'
import type { Plan, ResourceChange } from '../../src/model.js'

function change(address: string, type = 'aws_db_instance'): ResourceChange {
  return {
    address,
    type,
    name: address.split('.').pop() ?? '',
    module: '',
    provider: 'registry.terraform.io/hashicorp/aws',
    mode: 'managed',
    action: 'destroy',
    imported: false,
    replacePaths: [],
    destructive: true,
    attributes: []
  }
}

function terraform(
  changes: ResourceChange[],
  moduleDirs: Record<string, string>
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
    sourceMap: { moduleDirs, references: {} }
  }
}

const ROOT = new Map([['infra/plan.json', 'infra']])

describe('declaringFiles', () => {
  const plan = terraform(
    [
      change('aws_db_instance.main'),
      change('module.net.aws_vpc.main', 'aws_vpc'),
      change('module.registry.aws_s3_bucket.logs', 'aws_s3_bucket'),
      change('aws_db_instance.gone')
    ],
    // `registry` comes from a registry: its code is not in the repository.
    { '': '', net: 'modules/net' }
  )
  const files = new Map([
    [
      'infra',
      [
        {
          path: 'infra/main.tf',
          text: 'module "net" {\n  source = "../modules/net"\n}\n'
        },
        {
          path: 'infra/db.tf',
          text: 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n'
        },
        {
          path: 'infra/storage.tf',
          text: 'module "registry" {\n  source = "terraform-aws-modules/s3-bucket/aws"\n}\n'
        }
      ]
    ],
    [
      'infra/modules/net',
      [
        {
          path: 'infra/modules/net/vpc.tf',
          text: 'resource "aws_vpc" "main" {\n  cidr_block = "10.0.0.0/16"\n}\n'
        }
      ]
    ]
  ])

  it('lists the module directories it needs', () => {
    expect(declaringDirs([plan], ROOT)).toEqual(['infra', 'infra/modules/net'])
  })

  it('finds the resource block, else the module call, else the root module directory', () => {
    const found = declaringFiles({ plans: [plan], rootDirs: ROOT, files })
    const at = (address: string) =>
      found.get(declaringKey('infra/plan.json', address))
    expect(at('aws_db_instance.main')).toEqual(['infra/db.tf'])
    expect(at('module.net.aws_vpc.main')).toEqual(['infra/modules/net/vpc.tf'])
    expect(at('module.registry.aws_s3_bucket.logs')).toEqual([
      'infra/storage.tf'
    ])
    // A block removed from the code (the destroy's cause): the root module.
    expect(at('aws_db_instance.gone')).toEqual(['infra/'])
  })

  it('gives a stack its directory: stack-dirs, else the plan file directory', () => {
    const { sourceMap: _unused, ...changeSet } = {
      ...terraform([change('Table', 'AWS::DynamoDB::Table')], {}),
      format: 'cloudformation' as const,
      source: 'stacks/db/changeset.json',
      stack: 'db-stack'
    }
    const rootDirs = new Map([['stacks/db/changeset.json', 'stacks/db']])
    expect(
      declaringFiles({ plans: [changeSet], rootDirs, files: new Map() }).get(
        declaringKey('stacks/db/changeset.json', 'Table')
      )
    ).toEqual(['stacks/db/'])
    expect(
      declaringFiles({
        plans: [changeSet],
        rootDirs,
        stackDirs: { 'db-stack': 'cdk/lib/db' },
        files: new Map()
      }).get(declaringKey('stacks/db/changeset.json', 'Table'))
    ).toEqual(['cdk/lib/db/'])
  })
})
