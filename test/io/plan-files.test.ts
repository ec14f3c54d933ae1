import { mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import { readPlanFiles, readPlanInput } from '../../src/io/index.js'
import type { PlanFileRef } from '../../src/io/index.js'
import { normalizePlans, PlanParseError } from '../../src/plan/index.js'
import { fixtureText, terraformDataChange } from '../helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'plangate-plan-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const noStdin = (): Buffer => {
  throw new Error('standard input read')
}

function file(name: string, data: string | Buffer): PlanFileRef {
  const path = join(dir, name)
  writeFileSync(path, data)
  return { source: name, path }
}

const SECRET = 'marked-only-in-the-last-file-4417'

/** A plan with one resource change of `input`, marked sensitive or not. */
function planText(name: string, actions: string[], sensitive: boolean): string {
  const mask = sensitive ? { input: true } : {}
  return JSON.stringify({
    format_version: '1.2',
    resource_changes: [
      terraformDataChange(name, {
        actions,
        before: actions[0] === 'no-op' ? SECRET : 'old',
        after: SECRET,
        beforeMask: mask,
        afterMask: mask
      })
    ]
  })
}

/** Plans of every format, the secret shown in the first and marked in the last. */
function refs(): PlanFileRef[] {
  return [
    file('shows.json', planText('shows', ['update'], false)),
    file('changes.json', fixtureText('cloudformation/cfn-changeset.json')),
    file(
      'kitchen.json.gz',
      gzipSync(fixtureText('terraform/kitchen-sink.json'))
    ),
    file(
      'nested.json',
      fixtureText('cloudformation/cfn-changeset-nested.json')
    ),
    file('pulumi.json', fixtureText('pulumi/create.json')),
    file('marks.json', planText('marks', ['no-op'], true))
  ]
}

function allAtOnce(list: readonly PlanFileRef[]): unknown {
  return normalizePlans(
    list.flatMap((ref) => readPlanInput(ref, 'auto', noStdin))
  ).plans
}

describe('readPlanFiles', () => {
  it('normalises files read twice exactly as files held at once, a late secret masked in the first file', () => {
    const list = refs()
    const expected = allAtOnce(list)
    for (const keepBytes of [0, 40_000, 1 << 30]) {
      const files = readPlanFiles(list, 'auto', noStdin, { keepBytes })
      expect(files.sources).toEqual([
        'shows.json',
        'changes.json',
        'kitchen.json.gz',
        'nested.json',
        'pulumi.json',
        'marks.json'
      ])
      expect(files.secrets.has(SECRET)).toBe(true)
      expect(files.reread > 0).toBe(keepBytes < 1 << 30)
      const plans = normalizePlans(files).plans
      expect(plans).toEqual(expected)
      expect(JSON.stringify(plans)).not.toContain(SECRET)
    }
  })

  it('reads standard input once, whatever the budget', () => {
    const text = planText('stdin', ['update'], true)
    let reads = 0
    const files = readPlanFiles(
      [{ source: 'stdin', path: '-' }, ...refs()],
      'auto',
      () => {
        reads++
        return Buffer.from(text)
      },
      { keepBytes: 0 }
    )
    const plans = normalizePlans(files).plans
    expect(reads).toBe(1)
    expect(plans).toHaveLength(6)
    expect(JSON.stringify(plans)).not.toContain(SECRET)
  })

  it('refuses a file that changed between the two readings, naming it', () => {
    const list = refs()
    const files = readPlanFiles(list, 'auto', noStdin, { keepBytes: 0 })
    // A new secret the first pass never saw: normalising it could show it unmasked.
    writeFileSync(
      list[0]?.path ?? '',
      planText('shows', ['update'], true).replace(SECRET, 'a-new-secret-99')
    )
    let error: unknown
    try {
      normalizePlans(files)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(PlanParseError)
    expect(String(error)).toContain('shows.json')
    expect(String(error)).toContain('a file that changed in between')
    expect(String(error)).not.toContain('a-new-secret-99')
  })

  it('refuses a file rewritten with the same size and time but new secrets', () => {
    const list = refs()
    const path = list[0]?.path ?? ''
    const marked = planText('shows', ['update'], true)
    const when = new Date('2026-01-01T00:00:00Z')
    writeFileSync(path, marked)
    utimesSync(path, when, when)
    const files = readPlanFiles(list, 'auto', noStdin, { keepBytes: 0 })
    const other = marked.replaceAll(SECRET, 'X'.repeat(SECRET.length))
    expect(other.length).toBe(marked.length)
    writeFileSync(path, other)
    utimesSync(path, when, when)
    expect(() => normalizePlans(files)).toThrow(/changed in between/)
  })

  it('keeps the last file whatever its size: one large plan is read once', () => {
    const list = refs()
    const expected = allAtOnce(list)
    const files = readPlanFiles(list, 'auto', noStdin, { keepBytes: 0 })
    expect(files.reread).toBe(list.length - 1)
    // Rewritten after the first pass: the kept plans are used, not the file.
    writeFileSync(list.at(-1)?.path ?? '', '{}')
    expect(normalizePlans(files).plans).toEqual(expected)
  })
})

describe('the batches of readPlanFiles', () => {
  it('are walked once: normalising the same files again throws rather than review nothing', () => {
    const files = readPlanFiles(refs(), 'auto', noStdin, { keepBytes: 0 })
    expect(normalizePlans(files).plans.length).toBeGreaterThan(0)
    expect(() => normalizePlans(files)).toThrow(/normalised once/)
  })
})
