import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'
import { runCli } from '../support/cli-run.js'
import type { CliRun } from '../support/cli-run.js'

const work = mkdtempSync(join(tmpdir(), 'plangate-formats-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

function plangate(...args: string[]): CliRun {
  return runCli(args)
}

interface Report {
  plans: { source: string; format: string }[]
  decision: { verdict: string; gated: { source: string; address: string }[] }
  summary: Record<string, number>
}

describe('every format through the bundled CLI', () => {
  it('a mixed run (a Terraform plan and a change set) gives one report and one decision', () => {
    const terraform = fixturePath('terraform/update.json')
    const changeSet = fixturePath('cloudformation/replace-always.json')
    const run = plangate('review', '--format', 'json', terraform, changeSet)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report.plans.map((p) => p.format)).toEqual([
      'terraform',
      'cloudformation'
    ])
    expect(report.decision.verdict).toBe('blocked')
    expect(new Set(report.decision.gated.map((g) => g.source))).toEqual(
      new Set([changeSet])
    )
    expect(report.summary.update).toBeGreaterThanOrEqual(2)
    expect(plangate('review', terraform).code).toBe(0)
  })

  it('links a root change set and its nested one given as a directory of files', () => {
    const run = plangate(
      'review',
      '--format',
      'json',
      fixturePath('cloudformation/cfn-changeset.json'),
      fixturePath('cloudformation/cfn-changeset-nested.json')
    )
    const report = JSON.parse(run.stdout) as Report
    expect(report.plans).toHaveLength(1)
    expect(run.code).toBe(1)
  })

  it('reads a Pulumi preview digest, and names the right command for an event stream', () => {
    const run = plangate('review', fixturePath('pulumi/pulumi-preview.json'))
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('Plan ')
    const stream = plangate('review', fixturePath('pulumi/event-stream.ndjson'))
    expect(stream.code).toBe(2)
    expect(stream.stderr).toContain('found a Pulumi engine event stream')
    expect(stream.stderr).toContain('pulumi preview --json > preview.json')
  })

  it('compares two cdk.out directories, and says a template diff is less exact', () => {
    const run = plangate(
      'review',
      '--before',
      fixturePath('cdk/cdk-out-base'),
      '--after',
      fixturePath('cdk/cdk-out-head')
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('less exact than a change set')
    expect(run.stdout.match(/less exact than a change set/g)).toHaveLength(1)
  })

  it('rejects a template given as a plan, and a template pair that is not CloudFormation', () => {
    const template = plangate(
      'review',
      fixturePath('cdk/replace/head.template.json')
    )
    expect(template.code).toBe(2)
    expect(template.stderr).toContain(
      'found a CloudFormation template; compare two templates with `plangate review --before OLD --after NEW`'
    )
    const notTemplates = plangate(
      'review',
      '--before',
      fixturePath('terraform/update.json'),
      '--after',
      fixturePath('terraform/update.json')
    )
    expect(notTemplates.code).toBe(2)
    expect(notTemplates.stderr.trim().split('\n')).toHaveLength(1)
  })

  it('honours --input-format', () => {
    const run = plangate(
      'review',
      '--input-format',
      'pulumi',
      fixturePath('terraform/update.json')
    )
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('pulumi preview --json')
  })

  it('names the CDK construct next to the logical ID when --template is given', () => {
    const template = join(work, 'AppStack.template.json')
    writeFileSync(
      template,
      JSON.stringify({
        Resources: {
          DataBucketE3F4A5B6: {
            Type: 'AWS::S3::Bucket',
            Metadata: { 'aws:cdk:path': 'AppStack/Storage/DataBucket/Resource' }
          }
        }
      })
    )
    const run = plangate(
      'review',
      fixturePath('cloudformation/replace-always.json'),
      '--template',
      template
    )
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      'DataBucketE3F4A5B6  [AppStack/Storage/DataBucket/Resource] replace'
    )
  })

  it('prints no secret of any format', () => {
    const runs = [
      plangate(
        'review',
        '--format',
        'json',
        fixturePath('cloudformation/noecho-secret.json')
      ),
      plangate(
        'review',
        '--format',
        'markdown',
        fixturePath('pulumi/secrets.json')
      ),
      plangate(
        'review',
        '--before',
        fixturePath('cdk/no-echo-secret/base.template.json'),
        '--after',
        fixturePath('cdk/no-echo-secret/head.template.json')
      )
    ]
    for (const run of runs) {
      expect(run.code === 0 || run.code === 1).toBe(true)
      expect(run.stdout + run.stderr).not.toContain('PGSECRET')
    }
  })
})
