import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixturePath } from '../helpers.js'

/** The real action bundle, run the way the runner runs `node24` actions. */
const ACTION = fileURLToPath(new URL('../../dist/index.js', import.meta.url))
let work = ''
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'plangate-action-'))
})
afterEach(() => rmSync(work, { recursive: true, force: true }))

/** Parses the `name<<DELIMITER` blocks @actions/core writes to GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {}
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm
  for (const match of text.matchAll(pattern))
    outputs[match[1] ?? ''] = match[3] ?? ''
  return outputs
}

function runAction(
  plan: string,
  inputs: Record<string, string> = {}
): {
  code: number | null
  stdout: string
  outputs: Record<string, string>
  summary: string
} {
  const outputFile = join(work, 'output')
  const summaryFile = join(work, 'summary.md')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const result = spawnSync(process.execPath, [ACTION], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      INPUT_PLAN: plan,
      ...Object.fromEntries(
        Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])
      ),
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: work
    }
  })
  return {
    code: result.status,
    stdout: result.stdout,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8')
  }
}

describe('the action bundle (dist/index.js), report-only', () => {
  it('passes a safe plan: outputs, job summary, JSON report', () => {
    const run = runAction(fixturePath('terraform/update.json'))
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'pass',
      'destructive-count': '0',
      'update-count': '2'
    })
    expect(run.summary).toContain('## ✅ plangate: no destructive changes')
    const report = JSON.parse(
      readFileSync(run.outputs['report-path'] ?? '', 'utf8')
    ) as { schemaVersion: number }
    expect(report.schemaVersion).toBe(1)
  })

  it('reports a blocked gate in its outputs without failing the step by default', () => {
    const run = runAction(fixturePath('terraform/sensitive.json'))
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'gated-count': '2',
      digest: ''
    })
    expect(run.stdout).toMatch(
      /::error title=plangate%3A needs approval::terraform_data.legacy_credentials/
    )
  })

  it('fails the step when the gate blocks and fail-on-blocked is on, across several plans given one per line', () => {
    const run = runAction(
      `${fixturePath('terraform/update.json')}\n\n${fixturePath('terraform/sensitive.json')}\n`,
      { 'fail-on-blocked': 'true' }
    )
    expect(run.code).toBe(1)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'destructive-count': '2'
    })
    expect(run.stdout).toContain(
      "::error::plangate: 2 gated change(s) need a human's approval"
    )
    expect(
      run.summary + run.stdout + JSON.stringify(run.outputs)
    ).not.toContain('PGSECRET')
  })

  it('reads every format and directories: a cdktf.out and a change set in one run', () => {
    const run = runAction(
      `${fixturePath('cdktf/cdktf.out')}\n${fixturePath('cloudformation/remove-retain.json')}`
    )
    expect(run.code).toBe(0)
    expect(run.outputs).toMatchObject({
      decision: 'blocked',
      'destructive-count': '2',
      'forget-count': '1'
    })
    expect(run.summary).toContain('cdktf.out/stacks/app/plan.json')
  })

  it('reports an unreadable plan as an error, never a pass', () => {
    const run = runAction(join(work, 'missing.json'))
    expect(run.code).toBe(1)
    expect(run.outputs.decision).toBe('error')
    expect(run.stdout).toContain(
      'missing.json: expected a readable plan file, found no file at that path'
    )
  })
})
