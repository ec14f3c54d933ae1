import { spawn, spawnSync } from 'node:child_process'
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { fixtureJson, fixturePath } from '../helpers.js'
import { CLI, runCli } from '../support/cli-run.js'

/** The real bundle, as users run it. */
const work = mkdtempSync(join(tmpdir(), 'plangate-cli-hostile-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** No run may take longer than this: a hang is a failure, not a stuck suite. */
const RUN_TIMEOUT_MS = 20_000

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function plangate(args: readonly string[]): Run {
  return runCli(args, { timeoutMs: RUN_TIMEOUT_MS })
}

function file(name: string, content: string): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

/** Every control character a terminal would act on (C0 but the newline, DEL, C1, separators, bidi). */
const CONTROLS =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u

/** An OSC-8 link to a fake verdict, a screen clear, a line rewrite and a right-to-left override. */
const HOSTILE =
  '\u001b]8;;http://evil\u0007\u2705 approved\u001b]8;;\u0007\u001b[2J\rVerdict: PASS\u202e'
const VISIBLE =
  '\\x1b]8;;http://evil\\x07\u2705 approved\\x1b]8;;\\x07\\x1b[2J\\rVerdict: PASS\\u202e'

/** A real destroy plan whose for_each key, action reason (a warning) and check message carry the attack. */
function hostilePlan(): string {
  const doc = fixtureJson('terraform/destroy-each-key.json')
  const changes = doc.resource_changes as Record<string, unknown>[]
  const destroyed = changes.find(
    (c) =>
      JSON.stringify((c.change as { actions: unknown }).actions) ===
      '["delete"]'
  )
  if (destroyed === undefined) throw new Error('fixture has no destroy')
  destroyed.address = `terraform_data.bucket["${HOSTILE}"]`
  destroyed.index = HOSTILE
  destroyed.action_reason = `because_${HOSTILE}`
  doc.checks = [
    {
      address: { kind: 'check', name: 'c', to_display: 'check.c' },
      status: 'fail',
      instances: [
        {
          address: { to_display: 'check.c' },
          status: 'fail',
          problems: [{ message: `replicas ${HOSTILE}\nsecond line` }]
        }
      ]
    }
  ]
  return JSON.stringify(doc)
}

describe('terminal output obeys plangate, not the plan (issue 11 §2)', () => {
  const plan = file('hostile.json', hostilePlan())

  it('escapes control characters from the plan in the text report', () => {
    const run = plangate(['review', plan])
    expect(run.code).toBe(1)
    expect(run.stdout).not.toMatch(CONTROLS)
    const lines = run.stdout.split('\n')
    for (const where of [
      '-   terraform_data.bucket["',
      'replicas ',
      'warning: '
    ])
      expect(
        lines.some((line) => line.includes(where) && line.includes(VISIBLE)),
        where
      ).toBe(true)
    expect(lines).toContain('      second line')
    expect(lines.filter((line) => line.startsWith('Verdict: '))).toEqual([
      "Verdict: BLOCKED: 1 destructive change needs a human's approval (1 destroy)"
    ])
    expect(run.stderr).toBe('')
  })

  it('escapes them in colour too: every ESC is one of plangate colours', () => {
    const run = plangate(['review', '--color', 'always', plan])
    // eslint-disable-next-line no-control-regex -- plangate's colours start with ESC
    expect(run.stdout.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(CONTROLS)
    expect(run.stdout).toContain(VISIBLE)
  })

  it.each(['json', 'markdown'])(
    'escapes them in the warnings and verdict on stderr (--format %s)',
    (format) => {
      const run = plangate(['review', '--format', format, plan])
      expect(run.code).toBe(1)
      expect(run.stderr).not.toMatch(CONTROLS)
      expect(run.stderr).toContain(`warning: `)
      expect(run.stderr).toContain(VISIBLE)
      expect(run.stderr).toMatch(/^plangate: BLOCKED: /m)
    }
  )

  it('escapes them in error messages', () => {
    // A path keeps no `//`: the name carries the screen clear, the rewrite and the override.
    const run = plangate([
      'review',
      join(work, 'missing\u001b[2J\rVerdict: PASS\u202e.json')
    ])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^plangate: error: /)
    expect(run.stderr).toContain('missing\\x1b[2J\\rVerdict: PASS\\u202e.json')
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).not.toMatch(CONTROLS)
  })
})

describe('--output (issue 11 §5)', () => {
  const plan = fixturePath('terraform/update.json')

  it('- is standard output', () => {
    const run = plangate(['review', '--output', '-', plan])
    expect(run.code).toBe(0)
    expect(run.stdout).toMatch(/^Plan .*\n[\s\S]*Verdict: PASS: /)
  })

  it('/dev/stdout writes the report to standard output and leaves the device alone', () => {
    const before = lstatSync('/dev/stdout')
    const run = plangate([
      'review',
      '--format',
      'json',
      '--output',
      '/dev/stdout',
      plan
    ])
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toMatchObject({
      schemaVersion: 1,
      tool: { name: 'plangate' }
    })
    expect(run.stderr).toContain('wrote the json report to /dev/stdout')
    const after = lstatSync('/dev/stdout')
    expect(after.isSymbolicLink()).toBe(before.isSymbolicLink())
    expect(after.ino).toBe(before.ino)
    expect(after.isFile()).toBe(false)
  })

  it('/dev/null is written in place, not renamed over', () => {
    const run = plangate(['review', '--output', '/dev/null', plan])
    expect(run.code).toBe(0)
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true)
  })

  it('a FIFO receives the report, without a hang', async () => {
    const fifo = join(work, 'report.fifo')
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0)
    const reader = spawn('cat', [fifo])
    let received = ''
    reader.stdout.setEncoding('utf8')
    reader.stdout.on('data', (chunk: string) => (received += chunk))
    const closed = new Promise<number | null>((done) =>
      reader.on('close', done)
    )
    const run = await new Promise<Run>((done) => {
      const child = spawn(
        process.execPath,
        [CLI, 'review', '--output', fifo, plan],
        {
          stdio: ['ignore', 'pipe', 'pipe'],
          timeout: RUN_TIMEOUT_MS
        }
      )
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      child.on('close', (code) => done({ code, stdout, stderr }))
    })
    expect(run.code).toBe(0)
    expect(await closed).toBe(0)
    expect(received).toMatch(/^Plan [\s\S]*Verdict: PASS: /)
    expect(lstatSync(fifo).isFIFO()).toBe(true)
  })

  it('never overwrites a file that only mentions plangate, unless forced', () => {
    const text =
      '# Notes\n\nRoll out plangate to every stack; see its report.\n'
    const notes = file('NOTES.md', text)
    const run = plangate(['review', '--output', notes, plan])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(
      `--output ${notes} exists and is not a plangate report`
    )
    expect(run.stderr).toContain('--force')
    expect(readFileSync(notes, 'utf8')).toBe(text)
    expect(plangate(['review', '--force', '--output', notes, plan]).code).toBe(
      0
    )
    expect(readFileSync(notes, 'utf8')).toMatch(/^Plan [\s\S]*Verdict: PASS: /)
  })

  it.each([
    ['JSON that names plangate', '{"tool":{"name":"plangate"},"note":1}\n'],
    ['JSON of another schema', '{"schemaVersion":1,"tool":{"name":"other"}}\n'],
    ['Markdown about plangate', '## plangate: rollout notes\n\ntodo\n'],
    ['text that starts like a report', 'Plan for plangate\n\nVerdict: later\n']
  ])('refuses to replace %s without --force', (_name, content) => {
    const path = file('other.txt', content)
    expect(plangate(['review', '--output', path, plan]).code).toBe(2)
    expect(readFileSync(path, 'utf8')).toBe(content)
  })

  it.each(['json', 'markdown', 'text'] as const)(
    'replaces its own %s report without --force, with any format',
    (first) => {
      const out = join(work, `own-${first}.out`)
      rmSync(out, { force: true })
      expect(
        plangate(['review', '--format', first, '--output', out, plan]).code
      ).toBe(0)
      for (const next of ['markdown', 'text', 'json', first]) {
        const run = plangate([
          'review',
          '--format',
          next,
          '--output',
          out,
          plan
        ])
        expect(run.code, `${first} then ${next}: ${run.stderr}`).toBe(0)
      }
    }
  )

  it('recognises a pretty-printed JSON report and a coloured text report', () => {
    const pretty = join(work, 'pretty.json')
    expect(
      plangate(['review', '--format', 'json', '--output', pretty, plan]).code
    ).toBe(0)
    writeFileSync(
      pretty,
      JSON.stringify(JSON.parse(readFileSync(pretty, 'utf8')), null, 2)
    )
    expect(plangate(['review', '--output', pretty, plan]).code).toBe(0)
    const coloured = join(work, 'coloured.txt')
    expect(
      plangate(['review', '--color', 'always', '--output', coloured, plan]).code
    ).toBe(0)
    expect(readFileSync(coloured, 'utf8')).toContain('\u001b[')
    expect(plangate(['review', '--output', coloured, plan]).code).toBe(0)
  })

  it('writes through a symlink and keeps the link', () => {
    const real = join(work, 'real-report.json')
    const link = join(work, 'link-report.json')
    expect(
      plangate(['review', '--format', 'json', '--output', real, plan]).code
    ).toBe(0)
    symlinkSync(real, link)
    const run = plangate([
      'review',
      '--format',
      'markdown',
      '--output',
      link,
      plan
    ])
    expect(run.code).toBe(0)
    expect(lstatSync(link).isSymbolicLink()).toBe(true)
    expect(readFileSync(real, 'utf8')).toMatch(/^## ✅ plangate: /)
    // A link to a user's file is refused like the file itself.
    const notes = file('linked-notes.md', 'plangate notes\n')
    const toNotes = join(work, 'to-notes.md')
    symlinkSync(notes, toNotes)
    expect(plangate(['review', '--output', toNotes, plan]).code).toBe(2)
    expect(readFileSync(notes, 'utf8')).toBe('plangate notes\n')
    expect(lstatSync(toNotes).isSymbolicLink()).toBe(true)
  })

  it('refuses a symlink to nothing, a plan it reads through a link, and leaves no temporary file', () => {
    const dangling = join(work, 'dangling.json')
    symlinkSync(join(work, 'nowhere', 'x.json'), dangling)
    const run = plangate(['review', '--output', dangling, plan])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('is a symlink to a missing file')
    const planLink = join(work, 'plan-link.json')
    symlinkSync(plan, planLink)
    const again = plangate(['review', '--force', '--output', planLink, plan])
    expect(again.code).toBe(2)
    expect(again.stderr).toContain('is one of the plan files being read')
    expect(existsSync(join(work, 'nowhere'))).toBe(false)
    expect(
      readdirSync(work).filter((name) => name.includes('.plangate-'))
    ).toEqual([])
  })
})
