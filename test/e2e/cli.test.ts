import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import {
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
  mkdirSync,
  existsSync,
  openSync,
  closeSync,
  readdirSync,
  symlinkSync,
  watch
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VERSION } from '../../src/version.js'
import { fixturePath, fixtureText, terraformDataChange } from '../helpers.js'
import { checkWorkflowCommands } from '../support/action-run.js'
import { bigPlan } from '../support/big-plans.js'
import { CLI, runCli } from '../support/cli-run.js'

/** The real bundle, as users run it. */
const work = mkdtempSync(join(tmpdir(), 'plangate-cli-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Run {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

const plangate = runCli

function file(name: string, content: string | Buffer): string {
  const path = join(work, name)
  writeFileSync(path, content)
  return path
}

/** An input error: exit 2, one line naming the file, no stack trace. */
function expectInputError(run: Run, path: string, found: string): void {
  expect(run.code).toBe(2)
  expect(run.stdout).toBe('')
  const lines = run.stderr.trimEnd().split('\n')
  expect(lines).toHaveLength(1)
  expect(lines[0]).toMatch(
    new RegExp(
      `^plangate: error: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: expected `
    )
  )
  expect(lines[0]).toContain(found)
  expect(run.stderr).not.toMatch(/\n\s+at /)
}

describe('plangate CLI (dist/cli.js)', () => {
  it('--help and --version', () => {
    const help = plangate(['--help'])
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('plangate review [options] <plan>...')
    expect(plangate(['--version'])).toMatchObject({
      code: 0,
      stdout: `plangate ${VERSION}\n`
    })
  })

  it('exits 0 when the gate would pass', () => {
    const run = plangate(['review', fixturePath('terraform/update.json')])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Verdict: PASS')
  })

  it('exits 1 when the gate would block, listing the destructive changes', () => {
    const run = plangate(['review', fixturePath('terraform/kitchen-sink.json')])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(
      '-/+ module.database.terraform_data.primary_db'
    )
    expect(run.stdout).toContain(
      "Verdict: BLOCKED: 5 destructive changes need a human's approval (3 destroy, 2 replace)"
    )
  })

  it('exits 1 for an errored plan', () => {
    expect(
      plangate(['review', fixturePath('terraform/errored.json')]).code
    ).toBe(1)
  })

  it('reads standard input with -', () => {
    const run = plangate(['review', '--format', 'json', '-'], {
      input: fixtureText('terraform/replace-cannot-update.json')
    })
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      plans: { source: string }[]
      decision: { verdict: string }
    }
    expect(report.plans[0]?.source).toBe('-')
    expect(report.decision.verdict).toBe('blocked')
    expect(run.stderr).toContain('plangate: BLOCKED')
  })

  it('gives one report and one decision for several plans', () => {
    const run = plangate([
      'review',
      '--format',
      'json',
      fixturePath('terraform/update.json'),
      fixturePath('terraform/destroy-each-key.json')
    ])
    const report = JSON.parse(run.stdout) as {
      plans: unknown[]
      summary: { destroy: number; update: number }
    }
    expect(run.code).toBe(1)
    expect(report.plans).toHaveLength(2)
    expect(report.summary).toMatchObject({ destroy: 1, update: 2 })
  })

  it('renders Markdown', () => {
    const run = plangate([
      'review',
      '-f',
      'markdown',
      fixturePath('terraform/kitchen-sink.json')
    ])
    expect(run.stdout).toMatch(
      /^## ⛔ plangate: 5 destructive changes need approval\n/
    )
    expect(run.stdout).toContain('### Gated changes (5)')
  })

  it('colours only when asked and never with NO_COLOR', () => {
    const path = fixturePath('terraform/kitchen-sink.json')
    expect(plangate(['review', path]).stdout).not.toContain('\u001b[')
    expect(plangate(['review', '--color', 'always', path]).stdout).toContain(
      '\u001b['
    )
    expect(
      plangate(['review', '--color', 'always', path], {
        env: { NO_COLOR: '1' }
      }).stdout
    ).not.toContain('\u001b[')
    expect(
      plangate(['review', '--no-color', '--color', 'always', path]).stdout
    ).not.toContain('\u001b[')
  })

  describe('--output', () => {
    it('writes the report and can replace its own earlier report', () => {
      const out = join(work, 'report.json')
      for (let i = 0; i < 2; i++) {
        const run = plangate([
          'review',
          '--format',
          'json',
          '--output',
          out,
          fixturePath('terraform/update.json')
        ])
        expect(run.code).toBe(0)
        expect(run.stdout).toBe('')
        expect(run.stderr).toContain(`wrote the json report to ${out}`)
      }
      expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
        schemaVersion: 1
      })
    })

    it('never overwrites a file the user wrote, unless forced', () => {
      const notes = file('notes.md', 'my own notes\n')
      const run = plangate([
        'review',
        '--output',
        notes,
        fixturePath('terraform/update.json')
      ])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('exists and is not a plangate report')
      expect(readFileSync(notes, 'utf8')).toBe('my own notes\n')
      expect(
        plangate([
          'review',
          '--force',
          '--output',
          notes,
          fixturePath('terraform/update.json')
        ]).code
      ).toBe(0)
      expect(readFileSync(notes, 'utf8')).toContain('Verdict: PASS')
    })

    // SIGINT: Ctrl-C, and a cancelled GitHub job first; SIGTERM: a cancelled job after that, CI systems, kill.
    it.each(['SIGINT', 'SIGTERM'] as const)(
      'a stop signal during the write (%s) leaves the report whole and no temporary file, then stops plangate: never the exit code of a pass',
      async (stop) => {
        const plan = join(work, `signal-plan-${stop}.json`)
        // A 4.5 MB JSON report: written over tens of milliseconds.
        await bigPlan(plan, 12_000)
        // The gate off: the review passes, so an exit after the signal would be 0.
        const config = file('signal-config.yml', 'version: 1\ngate-on: none\n')
        const dir = join(work, `signal-output-${stop}`)
        mkdirSync(dir)
        const out = join(dir, 'report.json')
        const child = spawn(
          process.execPath,
          [
            CLI,
            'review',
            '--config',
            config,
            '--format',
            'json',
            '--output',
            out,
            plan
          ],
          { stdio: 'ignore', env: { PATH: process.env.PATH ?? '' } }
        )
        let signalled = false
        let temporary = ''
        // Ctrl-C the moment the temporary file appears (inotify, not polling).
        const watcher = watch(dir, (_event, name) => {
          if (signalled || !String(name).startsWith('.report.json.plangate-'))
            return
          temporary = String(name)
          signalled = existsSync(join(dir, temporary))
          child.kill(stop)
        })
        const [code, signal] = (await once(child, 'close')) as [
          number | null,
          NodeJS.Signals | null
        ]
        watcher.close()
        expect(signalled).toBe(true)
        // PID and random bytes: a container's fixed PID never meets a name a killed run left.
        expect(temporary).toMatch(
          new RegExp(
            `^\\.report\\.json\\.plangate-${child.pid}-[0-9a-f]{8}\\.tmp$`
          )
        )
        // Was: killed mid-write, `.report.json.plangate-PID.tmp` left behind.
        expect(readdirSync(dir)).toEqual(['report.json'])
        expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({
          schemaVersion: 1,
          decision: { verdict: 'pass' }
        })
        // Was: exit 0, the pass, so that `plangate review ... && terraform apply` applied after Ctrl-C.
        expect({ code, signal }).toEqual({ code: null, signal: stop })
        rmSync(plan)
      }
    )

    it('refuses a report path it cannot write before reading any plan, in words, without its temporary name', () => {
      // The plan does not exist: the output is checked first, so its error wins.
      const missingPlan = join(work, 'no-such-plan.json')
      const missingDir = join(work, 'no-such-dir', 'report.json')
      let run = plangate(['review', '--output', missingDir, missingPlan])
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(
        `plangate: error: --output ${missingDir}: the directory ${join(work, 'no-such-dir')} does not exist; create it first\n`
      )
      const notes = file('notes-not-a-dir.txt', 'x')
      run = plangate(['review', '--output', join(notes, 'r.json'), missingPlan])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain(`${notes} is not a directory`)
      // Root may write anywhere: the permission check needs another user.
      if (process.getuid?.() !== 0) {
        const locked = join(work, 'locked')
        mkdirSync(locked, { mode: 0o555 })
        run = plangate([
          'review',
          '--output',
          join(locked, 'r.json'),
          missingPlan
        ])
        expect(run.stderr).toContain(
          `plangate may not write in ${locked}: permission denied (EACCES)`
        )
      }
    })

    it.skipIf(!existsSync('/dev/full'))(
      'says a full device is full (ENOSPC), not a system message',
      () => {
        const run = plangate([
          'review',
          '--output',
          '/dev/full',
          fixturePath('terraform/update.json')
        ])
        expect(run.code).toBe(2)
        expect(run.stderr).toBe(
          'plangate: error: cannot write --output /dev/full: no space left on the device (ENOSPC)\n'
        )
      }
    )

    it('refuses to write over a plan it reads', () => {
      const plan = file('plan.json', fixtureText('terraform/update.json'))
      const run = plangate(['review', '--force', '--output', plan, plan])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('is one of the plan files being read')
      expect(readFileSync(plan, 'utf8')).toBe(
        fixtureText('terraform/update.json')
      )
    })
  })

  describe('usage errors exit 2 with one line', () => {
    it.each([
      [[], 'no command given'],
      [['apply', 'plan.json'], 'unknown command "apply"'],
      [['review'], 'no plan file given'],
      [
        ['review', '--format', 'yaml', 'x.json'],
        '--format must be one of text|markdown|json, got "yaml"'
      ],
      [['review', '--bogus', 'x.json'], "Unknown option '--bogus'"],
      [['review', '-', '-'], 'standard input ("-") can be read only once']
    ])('%j', (args, message) => {
      const run = plangate(args)
      expect(run.code).toBe(2)
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
      expect(run.stderr).toContain(message)
    })
  })

  describe('bad input exits 2 with one line naming file, expectation and finding', () => {
    it('a missing file', () => {
      const path = join(work, 'nope.json')
      expectInputError(
        plangate(['review', path]),
        path,
        'found no file at that path'
      )
    })

    it('a directory', () => {
      const dir = join(work, 'plans-dir')
      if (!existsSync(dir)) mkdirSync(dir)
      expectInputError(plangate(['review', dir]), dir, 'found a directory')
    })

    it('an empty file', () => {
      const path = file('empty.json', '')
      expectInputError(plangate(['review', path]), path, 'found an empty file')
    })

    it('empty standard input: the command piping the plan in wrote nothing', () => {
      const run = plangate(['review', '-'], { input: '' })
      expectInputError(run, '-', 'found nothing on standard input')
      expect(run.stderr).toContain('did the command piping the plan in fail?')
    })

    it('a binary planfile', () => {
      const path = file(
        'tfplan',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0, 0xff, 0xfe])
      )
      const run = plangate(['review', path])
      expectInputError(
        run,
        path,
        'found a binary Terraform planfile (a zip archive)'
      )
      expect(run.stderr).toContain('terraform show -json PLANFILE')
    })

    it('the text output of terraform plan', () => {
      const path = file(
        'plan.txt',
        'Terraform used the selected providers to generate the following execution plan.\n'
      )
      expectInputError(
        plangate(['review', path]),
        path,
        'found the text output of `terraform plan`'
      )
    })

    it('a state file', () => {
      const path = file(
        'terraform.tfstate',
        JSON.stringify({ version: 4, serial: 1, lineage: 'l', resources: [] })
      )
      expectInputError(
        plangate(['review', path]),
        path,
        'found a Terraform state file'
      )
    })

    it('truncated JSON', () => {
      const text = fixtureText('terraform/kitchen-sink.json')
      const path = file('truncated.json', text.slice(0, 5_000))
      expectInputError(
        plangate(['review', path]),
        path,
        'the file looks truncated'
      )
    })

    it('JSON of another kind', () => {
      const path = file('package.json', '{"name": "x", "version": "1.0.0"}')
      expectInputError(
        plangate(['review', path]),
        path,
        'found a JSON object with keys "name", "version"'
      )
    })

    it('an unsupported format_version', () => {
      const doc = JSON.parse(fixtureText('terraform/update.json')) as Record<
        string,
        unknown
      >
      const path = file(
        'v2.json',
        JSON.stringify({ ...doc, format_version: '2.0' })
      )
      expectInputError(
        plangate(['review', path]),
        path,
        'found format_version "2.0"'
      )
    })

    it('setup-terraform wrapper output', () => {
      const path = file(
        'wrapped.json',
        `[command]/home/runner/work/_temp/terraform-bin show -json tfplan\n${fixtureText('terraform/update.json')}`
      )
      expectInputError(
        plangate(['review', path]),
        path,
        'setup-terraform wrapper'
      )
    })

    it("Terragrunt's log of Terraform's output (0.67 and later, without --tf-forward-stdout)", () => {
      const plan = JSON.stringify(
        JSON.parse(fixtureText('terraform/update.json'))
      )
      const path = file(
        'terragrunt.json',
        `12:10:50.184 STDOUT [vpc] terraform: ${plan}\n12:10:50.190 STDOUT [db] terraform: ${plan}\n`
      )
      expectInputError(
        plangate(['review', path]),
        path,
        "found Terragrunt's log of Terraform's output"
      )
      expect(plangate(['review', path]).stderr).toContain(
        '`--tf-forward-stdout`'
      )
    })

    it('an unknown action', () => {
      const path = file(
        'unknown-action.json',
        fixtureText('terraform/update.json').replace('"update"', '"obliterate"')
      )
      expectInputError(plangate(['review', path]), path, 'found ["obliterate"]')
    })

    it('a file past V8’s longest string that is no plan, refused before it is read: for what its beginning is, else for its size', () => {
      const path = file('huge.json', '')
      truncateSync(path, 600 * 1024 * 1024)
      const started = performance.now()
      expectInputError(
        plangate(['review', path]),
        path,
        'expected a JSON plan, found binary data'
      )
      expect(performance.now() - started).toBeLessThan(10_000)
      writeFileSync(path, 'Not a plan. '.repeat(1000))
      truncateSync(path, 600 * 1024 * 1024)
      expectInputError(plangate(['review', path]), path, 'found 600 MiB')
      rmSync(path)
    })

    it('an approved report too large to read as text: named as a file, not as a plan "not supported yet"', () => {
      const path = file('huge-approved.json', '')
      truncateSync(path, 600 * 1024 * 1024)
      const run = plangate([
        'verify',
        '--approved',
        path,
        fixturePath('terraform/create.json')
      ])
      expectInputError(
        run,
        path,
        'expected a file under 512 MiB, found 600 MiB'
      )
      expect(run.stderr).not.toContain('not supported yet')
      rmSync(path)
    })

    it('a config or an approved report from a device that never ends (/dev/zero): read to a limit and refused, not forever', () => {
      const plan = fixturePath('terraform/create.json')
      const config = plangate(['review', '--config', '/dev/zero', plan], {
        timeoutMs: 20_000
      })
      expect(config.code).toBe(2)
      expect(config.stderr).toBe(
        'plangate: error: /dev/zero: expected a plangate config of at most 1 MiB, found more (reading stopped there)\n'
      )
      // A config that cannot be read says why (was "found none" for a directory too).
      expect(plangate(['review', '--config', work, plan]).stderr).toBe(
        `plangate: error: ${work}: expected a readable plangate config file, found a directory\n`
      )
      // Process substitution (a FIFO) still works for both.
      const approved = file(
        'approved-for-fifo.json',
        plangate(['review', '--format', 'json', plan]).stdout
      )
      const bash = (command: string) =>
        spawnSync('bash', ['--norc', '--noprofile', '-c', command], {
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '' }
        })
      const verify = bash(
        `'${process.execPath}' '${CLI}' verify --approved <(cat '${approved}') '${plan}'`
      )
      expect(verify.stderr).toBe('')
      expect(verify.stdout).toMatch(/^plangate verify: VERIFIED: /)
      expect(verify.status).toBe(0)
      const review = bash(
        `'${process.execPath}' '${CLI}' review --config <(printf 'version: 1\\ngate-on: none\\n') '${plan}'`
      )
      expect(review.stderr).toBe('')
      expect(review.stdout).toContain('Verdict: PASS')
      expect(review.status).toBe(0)
    })

    it('a loop of symbolic links, as a plan and as --output, named as one', () => {
      const a = join(work, 'loop-a.json')
      const b = join(work, 'loop-b.json')
      symlinkSync(b, a)
      symlinkSync(a, b)
      expectInputError(
        plangate(['review', a]),
        a,
        'found a loop of symbolic links (ELOOP)'
      )
      const run = plangate([
        'review',
        '--output',
        a,
        fixturePath('terraform/create.json')
      ])
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(
        `plangate: error: --output ${a} is a loop of symbolic links; give a file path, or remove the links\n`
      )
    })

    it.skipIf(!existsSync('/dev/zero'))(
      'a plan directory naming a device: refused by name at once, not read to the size limit',
      () => {
        const dir = join(work, 'dir-with-device')
        mkdirSync(dir)
        writeFileSync(join(dir, 'a.json'), fixtureText('terraform/update.json'))
        symlinkSync('/dev/zero', join(dir, 'b.json'))
        const run = plangate(['review', dir], { timeoutMs: 20_000 })
        expectInputError(run, join(dir, 'b.json'), 'found a character device')
        // A cdktf.out manifest linked to one: read to a limit, then refused.
        const out = join(work, 'cdktf-with-device')
        mkdirSync(out)
        symlinkSync('/dev/zero', join(out, 'manifest.json'))
        expectInputError(
          plangate(['review', out], { timeoutMs: 20_000 }),
          join(out, 'manifest.json'),
          'found more than that (reading stopped at the limit)'
        )
      }
    )

    it.skipIf(!existsSync('/proc/self/mem'))(
      'a file that fails while it is read (EIO), named with the reason',
      () => {
        // Opens, says it is a regular file, and fails every read.
        expectInputError(
          plangate(['review', '/proc/self/mem']),
          '/proc/self/mem',
          'found a read error (EIO)'
        )
      }
    )

    it('invalid JSON holding a secret: the message names line and column, never the content', () => {
      const path = file(
        'broken.json',
        '{\n  "format_version": "1.2",\n  "password": PGSECRET-in-a-broken-file\n}\n'
      )
      const run = plangate(['review', path])
      expectInputError(run, path, 'found invalid JSON at line 3, column 15')
      expect(run.stderr).not.toContain('PGSECRET')
    })
  })

  it('reads many plans in two passes: the same report, a secret marked only in the last masked in the first', () => {
    const secret = 'two-pass-secret-8843'
    const plan = (name: string, marked: boolean): string =>
      JSON.stringify({
        format_version: '1.2',
        resource_changes: [
          terraformDataChange(name, {
            after: secret,
            afterMask: marked ? { input: true } : {}
          })
        ]
      })
    const paths = [
      file('pass-shows.json', plan('shows', false)),
      fixturePath('terraform/kitchen-sink.json'),
      file('pass-marks.json', plan('marks', true))
    ]
    const once = plangate(['review', '--format', 'json', ...paths])
    // Nothing kept between the passes: every file but the last is read twice.
    const twice = plangate(['review', '--format', 'json', ...paths], {
      env: { PLANGATE_TEST_KEEP_BYTES: '0' }
    })
    expect(twice.code).toBe(once.code)
    expect(twice.stdout).toBe(once.stdout)
    expect(twice.stdout).toContain('terraform_data.shows')
    expect(once.stderr).not.toContain('twice')
    expect(twice.stderr).toContain('plangate: reading 2 plan files twice')
    expect(twice.stdout).not.toContain(secret)
    expect(twice.stderr).not.toContain(secret)
  })

  it('reads one plan file named twice (another spelling, a link, its directory) once, and says so', () => {
    const dir = join(work, 'named-twice')
    mkdirSync(dir)
    const plan = join(dir, 'plan.json')
    writeFileSync(plan, fixtureText('terraform/kitchen-sink.json'))
    symlinkSync(plan, join(work, 'plan-link.json'))
    const once = plangate(['review', '--format', 'json', plan])
    const run = plangate(
      [
        'review',
        '--format',
        'json',
        plan,
        './plan.json',
        join(work, 'plan-link.json'),
        dir
      ],
      { cwd: dir }
    )
    expect(run.code).toBe(once.code)
    const report = JSON.parse(run.stdout) as {
      plans: unknown[]
      summary: unknown
    }
    expect(report.plans).toHaveLength(1)
    expect(report.summary).toEqual(
      (JSON.parse(once.stdout) as { summary: unknown }).summary
    )
    expect(run.stderr).toContain(
      `plangate: ./plan.json is the same file as ${plan}: read once\n`
    )
    expect(run.stderr).toContain(
      `${join(work, 'plan-link.json')} is the same file as ${plan}`
    )
    expect(run.stderr).toContain(
      `${join(dir, 'plan.json')} is the same file as ${plan}`
    )
  })

  it('prints nothing a CI runner would run as a workflow command, in the text report and on standard error', () => {
    // A value and a for_each key from the plan (the pull request's configuration).
    const plan = JSON.parse(fixtureText('terraform/update.json')) as {
      resource_changes: {
        address: string
        change: { actions: string[]; after: Record<string, unknown> }
      }[]
    }
    const update = plan.resource_changes.find(
      (c) => c.change.actions.join() === 'update'
    )
    if (update === undefined) throw new Error('the fixture has no update')
    update.change.after.input =
      'one\n::error::forged by the plan\n##[set-output name=decision;]approved'
    update.address = `${update.address}["##[warning]key"]`
    const path = file('workflow-commands.json', JSON.stringify(plan))
    const run = plangate(['review', path])
    expect(run.stdout).toContain('forged by the plan')
    expect(() => checkWorkflowCommands(run.stdout + run.stderr)).not.toThrow()
    // An error message quoting the address, on standard error.
    update.change.actions = ['bogus']
    const broken = file('workflow-commands-error.json', JSON.stringify(plan))
    const error = plangate(['review', broken])
    expect(error.code).toBe(2)
    expect(error.stderr).toContain('key"]')
    expect(() => checkWorkflowCommands(error.stderr)).not.toThrow()
  })

  it('prints no secret in any format, on stdout or stderr', () => {
    for (const format of ['text', 'markdown', 'json']) {
      for (const name of [
        'terraform/sensitive.json',
        'terraform/kitchen-sink.json',
        'terraform/outputs.json'
      ]) {
        const run = plangate([
          'review',
          '--format',
          format,
          '--color',
          'always',
          fixturePath(name)
        ])
        expect(run.code === 0 || run.code === 1).toBe(true)
        expect(run.stdout + run.stderr).not.toContain('PGSECRET')
      }
    }
  })
})

describe('standard output that stops taking the report', () => {
  /** A blocked plan whose JSON report (~370 KB) is larger than a pipe holds. */
  let large = ''
  beforeAll(async () => {
    large = join(work, 'large-plan.json')
    await bigPlan(large, 1000)
  }, 60_000)

  it('a reader that quits early (`| head`) ends the report quietly, and the decision still sets the exit code', async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'review', '--format', 'json', large],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '' }
      }
    )
    let first = ''
    let stderr = ''
    child.stdout.once('data', (chunk: Buffer) => {
      first = chunk.toString('utf8')
      // What `head` does once it has its lines.
      child.stdout.destroy()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const code = await new Promise<number | null>((resolve) =>
      child.on('close', resolve)
    )
    expect(first).toMatch(/^\{"schemaVersion":/)
    // Was: an unhandled 'error' event, "Error: write EPIPE" and a stack.
    expect(stderr).not.toMatch(/EPIPE|Error|\n\s+at /)
    expect(stderr).toMatch(/^plangate: BLOCKED: \d+ destructive changes/)
    expect(code).toBe(1)
  })

  // /dev/full fails every write with ENOSPC, as a full disk does.
  it.skipIf(!existsSync('/dev/full'))(
    'a write that fails (a full disk) exits 2 with one line saying the report is incomplete, even for a passing plan',
    () => {
      const full = openSync('/dev/full', 'w')
      try {
        for (const [plan, format] of [
          [large, 'json'],
          [fixturePath('terraform/create.json'), 'text']
        ] as const) {
          const run = spawnSync(
            process.execPath,
            [CLI, 'review', '--format', format, plan],
            {
              stdio: ['ignore', full, 'pipe'],
              encoding: 'utf8',
              env: { PATH: process.env.PATH ?? '' }
            }
          )
          expect(run.status).toBe(2)
          expect(run.stderr).toContain(
            'plangate: error: could not write to standard output (ENOSPC): the report is incomplete\n'
          )
          expect(run.stderr).not.toMatch(/\n\s+at /)
        }
      } finally {
        closeSync(full)
      }
    }
  )
})

describe('real-world file shapes through the bundle (issue 14)', () => {
  const plan = fixtureText('terraform/create.json')
  const utf16le = (text: string): Buffer =>
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])

  it('reads a UTF-16LE plan with a BOM (Windows PowerShell `>`), from a file and stdin', () => {
    const path = file('powershell.json', utf16le(plan))
    const run = plangate(['review', '--format', 'json', path])
    expect(run.stderr).not.toContain('error')
    expect(run.code).toBe(0)
    const doc = JSON.parse(run.stdout) as { plans: { changes: unknown[] }[] }
    expect(doc.plans[0]?.changes.length).toBeGreaterThan(0)
    const stdin = spawnSync(process.execPath, [CLI, 'review', '-'], {
      input: utf16le(plan),
      env: { PATH: process.env.PATH ?? '' }
    })
    expect(stdin.status).toBe(0)
    const bom8 = file(
      'bom8.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(plan)])
    )
    expect(plangate(['review', bom8]).code).toBe(0)
  })

  it('refuses broken encodings in one line that names the encoding', () => {
    const odd = file('odd.json', utf16le(plan).subarray(0, 99))
    expectInputError(
      plangate(['review', odd]),
      odd,
      'found an odd number of bytes (99)'
    )
    const bomOnly = file('bom-only.json', Buffer.from([0xff, 0xfe]))
    expectInputError(plangate(['review', bomOnly]), bomOnly, 'an empty file')
    const latin1 = file('latin1.json', Buffer.from('{"a":"\u00e9"}', 'latin1'))
    expectInputError(
      plangate(['review', latin1]),
      latin1,
      'Out-File -Encoding utf8'
    )
  })

  it('reads `terragrunt run-all show -json` output as one plan per document', () => {
    const destroy = JSON.stringify(
      JSON.parse(fixtureText('terraform/destroy-no-resource-config.json'))
    )
    const path = file(
      'terragrunt.json',
      `${JSON.stringify(JSON.parse(plan))}\n${destroy}\n`
    )
    const run = plangate(['review', '--format', 'json', path])
    expect(run.code).toBe(1)
    const doc = JSON.parse(run.stdout) as { plans: { source: string }[] }
    expect(doc.plans.map((p) => p.source)).toEqual([`${path}#1`, `${path}#2`])
    const text = plangate(['review', path])
    expect(text.stdout).toContain(`${path}#2`)
  })

  it('refuses garbage between documents and 10,000 empty objects, quickly', () => {
    const compact = JSON.stringify(JSON.parse(plan))
    const garbage = file('garbage.json', `${compact}\n${compact}\n%%%\n`)
    expectInputError(
      plangate(['review', garbage]),
      garbage,
      'something other than a JSON object after document 2, at line 3, column 1'
    )
    const many = file('many.json', '{}'.repeat(10_000))
    const started = Date.now()
    expectInputError(
      plangate(['review', many]),
      many,
      'at most 1000 concatenated JSON documents'
    )
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('reads drift without addresses (Terraform 1.0.0) with a warning', () => {
    const doc = JSON.parse(fixtureText('terraform/refresh-only.json')) as {
      resource_drift: Record<string, unknown>[]
    }
    for (const entry of doc.resource_drift) delete entry.address
    const path = file('drift-1.0.0.json', JSON.stringify(doc))
    const run = plangate(['review', path])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('resource_drift entry has no address')
  })
})

/** The CLI reading standard input from a pipe whose writer pauses halfway. */
async function reviewFromSlowPipe(
  plan: Buffer,
  env: Record<string, string>
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(
    process.execPath,
    [CLI, 'review', '--format', 'json', '-'],
    {
      env: { PATH: process.env.PATH ?? '', ...env }
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const half = Math.floor(plan.length / 2)
  child.stdin.write(plan.subarray(0, half))
  await new Promise((resolve) => setTimeout(resolve, 400))
  child.stdin.end(plan.subarray(half))
  const code = await new Promise<number | null>((resolve) =>
    child.on('close', resolve)
  )
  return { code, stdout, stderr }
}

describe('standard input from a slow writer (`terraform show -json plan | plangate review -`)', () => {
  const plan = Buffer.from(fixtureText('terraform/kitchen-sink.json'))

  it('waits for the writer: the bundle no longer makes standard input non-blocking', async () => {
    // yaml's require('process') became `import ... from 'process'`, whose
    // namespace Node builds by reading process.stdin: fd 0 turned
    // non-blocking, and the read failed with EAGAIN (an internal error).
    const run = await reviewFromSlowPipe(plan, {})
    expect(run.stderr).not.toContain('internal error')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { plans: { source: string }[] }
    expect(report.plans[0]?.source).toBe('-')
  })

  // util-linux `script` runs the CLI on a terminal of its own.
  it.skipIf(!existsSync('/usr/bin/script'))(
    'says it reads the terminal until end of input when standard input is one',
    () => {
      const empty =
        '{"format_version":"1.2","terraform_version":"1.11.0","planned_values":{"root_module":{}},"resource_changes":[]}'
      const run = spawnSync(
        '/usr/bin/script',
        ['-qec', `'${process.execPath}' '${CLI}' review -`, '/dev/null'],
        {
          input: `${empty}\n\x04`,
          encoding: 'utf8',
          env: { PATH: process.env.PATH ?? '', TERM: 'dumb' },
          timeout: 20_000
        }
      )
      expect(run.stdout).toContain(
        'plangate: reading from the terminal until end of input (Ctrl-D)'
      )
      expect(run.stdout).toContain('Verdict:')
      expect(run.stdout).toContain('PASS')
    }
  )

  it('refuses standard input that cannot be read (a directory) as an input error, not a crash', () => {
    const directory = openSync(work, 'r')
    const run = spawnSync(process.execPath, [CLI, 'review', '-'], {
      stdio: [directory, 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' }
    })
    closeSync(directory)
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(
      'plangate: error: -: expected standard input (or a pipe) that can be read, found an error reading it (EISDIR'
    )
    expect(run.stderr).not.toContain('internal error')
  })

  it('refuses binary data on standard input from its first bytes, not after reading 2 GiB of it', () => {
    // Endless zeros: reading to the limit took 2 GB of memory before the refusal.
    const started = performance.now()
    const run = spawnSync(
      'sh',
      ['-c', 'cat /dev/zero | "$0" "$1" review -', process.execPath, CLI],
      {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '' },
        timeout: 20_000
      }
    )
    expect(run.status).toBe(2)
    expect(run.stderr).toContain(
      'plangate: error: -: expected a JSON plan, found binary data'
    )
    expect(performance.now() - started).toBeLessThan(10_000)
    // A gzipped plan on standard input starts with binary bytes, and is read.
    const gz = spawnSync(process.execPath, [CLI, 'review', '-'], {
      input: gzipSync(plan),
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '' }
    })
    expect(gz.status, gz.stderr).toBe(1)
    expect(gz.stdout).toContain('Verdict:')
  })

  it('waits for the writer when whoever started plangate left standard input non-blocking', async () => {
    // The preload opens process.stdin, which sets O_NONBLOCK on fd 0.
    const run = await reviewFromSlowPipe(plan, {
      NODE_OPTIONS: '--import=data:text/javascript,process.stdin'
    })
    expect(run.stderr).not.toContain('internal error')
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('"action":"replace"')
  })
})

describe('plans past V8’s longest string through the bundle (issue 15)', () => {
  /**
   * kitchen-sink.json with 520 MiB of padding (an unknown key's array of
   * 1 MiB strings), gzipped: a plan past 512 MiB in a file of 2 MB. `after`
   * follows it (another plan, as terragrunt writes them).
   */
  function paddedGzip(broken?: number, after = ''): Buffer {
    const plan = fixtureText('terraform/kitchen-sink.json').trimEnd()
    const head = Buffer.from(`${plan.slice(0, -1)},"padding":[`)
    const tail = Buffer.from(`"end"]}${after}`)
    const piece = (1 << 20) + 3
    const text = Buffer.alloc(head.length + 520 * piece + tail.length, 0x78)
    head.copy(text, 0)
    for (let k = 0, at = head.length; k < 520; k++, at += piece) {
      text[at] = 0x22
      text[at + piece - 2] = 0x22
      text[at + piece - 1] = 0x2c
    }
    tail.copy(text, text.length - tail.length)
    // A separator that is not JSON, at the end of padding string `broken`.
    if (broken !== undefined)
      text[head.length + (broken + 1) * piece - 1] = 0x3b
    return gzipSync(text, { level: 1 })
  }

  /**
   * A preload that writes the process's peak RSS (KiB) to standard error as
   * it exits: VmHWM, not getrusage's maxRSS, which Linux carries over from
   * the parent at fork (this test's process holds the 520 MiB it gzipped).
   */
  const PEAK_RSS = `data:text/javascript,${encodeURIComponent(
    'import { readFileSync, writeSync } from "node:fs"; process.on("exit", () => writeSync(2, `peak-rss:${/VmHWM:\\s+(\\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]}\\n`))'
  )}`

  /** A JSON report with its plan's name (its changes' `source`) and digests taken out. */
  function comparable(stdout: string): string {
    return stdout
      .replace(/"source":"[^"]*"/g, '"source":"S"')
      .replace(/"digest":"[0-9a-f]+"/g, '"digest":"D"')
  }

  it('reviews a plan past 512 MiB, gzip and through a pipe, as the same plan without its padding', () => {
    const path = file('padded.json.gz', paddedGzip())
    const small = fixturePath('terraform/kitchen-sink.json')
    const expected = plangate(['review', '--format', 'json', small])
    expect(expected.code).toBe(1)
    const gz = plangate(['review', '--format', 'json', path], {
      env: { NODE_OPTIONS: `--import=${PEAK_RSS}` }
    })
    expect(gz.stderr).not.toContain('error')
    expect(gz.code).toBe(1)
    // Read through the window: the 520 MiB are never held at once.
    const peak = /peak-rss:(\d+)/.exec(gz.stderr)?.[1]
    expect(Number(peak) * 1024).toBeLessThan(400 * 1024 * 1024)
    expect(comparable(gz.stdout)).toBe(comparable(expected.stdout))
    // Through a pipe the plan is read as it comes, past one buffer too.
    const piped = spawnSync(
      'sh',
      [
        '-c',
        'gzip -dc "$2" | "$0" "$1" review --format json -',
        process.execPath,
        CLI,
        path
      ],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } }
    )
    expect(piped.stderr).not.toContain('error')
    expect(piped.status).toBe(1)
    expect(comparable(piped.stdout)).toBe(comparable(expected.stdout))
    rmSync(path)
  })

  it('reviews terragrunt plans past 512 MiB in one file (`run-all show -json`) as each plan alone', () => {
    const second = fixturePath('terraform/sensitive.json')
    const path = file(
      'padded-all.json.gz',
      paddedGzip(undefined, `\n${fixtureText('terraform/sensitive.json')}\n`)
    )
    const run = plangate(['review', '--format', 'json', path])
    expect(run.stderr).not.toContain('error')
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as {
      plans: { source: string; changes: unknown[] }[]
    }
    expect(report.plans.map((plan) => plan.source)).toEqual([
      `${path}#1`,
      `${path}#2`
    ])
    const small = fixturePath('terraform/kitchen-sink.json')
    for (const [k, alone] of [small, second].entries()) {
      const expected = plangate(['review', '--format', 'json', alone])
      const plan = (JSON.parse(expected.stdout) as typeof report).plans[0]
      expect(plan?.changes.length).toBeGreaterThan(0)
      expect(comparable(JSON.stringify(report.plans[k]?.changes))).toBe(
        comparable(JSON.stringify(plan?.changes))
      )
    }
    rmSync(path)
  })

  it('refuses such a plan that stops being JSON at 300 MiB with the byte, exit 2, and stops decompressing it', () => {
    const path = file('padded-broken.json.gz', paddedGzip(300))
    const started = performance.now()
    const run = plangate(['review', path], { timeoutMs: 20_000 })
    expectInputError(
      run,
      path,
      'expected a JSON plan, found invalid JSON at byte'
    )
    // The byte of the input, not of the window: the separator after padding string 300.
    // The plan without its last `}`, then `,"padding":[`.
    const head =
      Buffer.byteLength(fixtureText('terraform/kitchen-sink.json').trimEnd()) -
      1 +
      Buffer.byteLength(',"padding":[')
    expect(run.stderr).toContain(
      `at byte ${head + 301 * ((1 << 20) + 3) - 1} (expected "," or "]")`
    )
    // Not the rest of it decompressed first, nor a worker left waiting for room in its ring.
    expect(performance.now() - started).toBeLessThan(10_000)
    rmSync(path)
  })
})

describe('newer Terraform plans through the bundle (issue 14)', () => {
  it('an -invoke plan with only an action blocks, lists it and counts it', () => {
    const text = plangate([
      'review',
      fixturePath('terraform-newer/invoke-only-1.14.json')
    ])
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('Actions that will run (1)')
    expect(text.stdout).toContain('Total: 1 action to run')
    const md = plangate([
      'review',
      '--format',
      'markdown',
      fixturePath('terraform-newer/actions-1.14.json')
    ])
    expect(md.stdout).toContain('Actions that will run (3)')
    expect(md.stdout).not.toContain('PGSECRET-action-payload')
    const json = plangate([
      'review',
      '--format',
      'json',
      fixturePath('terraform-newer/actions-1.14.json')
    ])
    const doc = JSON.parse(json.stdout) as {
      decision: { gatedActions: { address: string }[] }
    }
    expect(doc.decision.gatedActions.map((g) => g.address)).toEqual([
      'action.aws_lambda_invoke.drain'
    ])
    expect(json.stdout).not.toContain('PGSECRET-action-payload')
  })

  it('explains forget reasons, identities and deferred changes', () => {
    const run = plangate([
      'review',
      fixturePath('terraform-newer/forget-lifecycle-opentofu-1.12.json'),
      fixturePath('terraform-newer/identity-1.12.json'),
      fixturePath('terraform-newer/deferred-1.10.json')
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('`lifecycle { destroy = false }`')
    expect(run.stdout).toContain('import by identity account_id =')
    expect(run.stdout).toContain('(index_unknown)')
    expect(run.stdout).toContain('(importing.unknown)')
  })
})

describe('messages that name the culprit, through the bundle (issue 14)', () => {
  it('--before none / --after none review a new or deleted stack from one template', () => {
    const head = fixturePath('cdk/create/head.template.json')
    const created = plangate(['review', '--before', 'none', '--after', head])
    expect(created.code).toBe(0)
    expect(created.stdout).toContain('2 to create')
    expect(created.stdout).toContain('no before template: stack head is new')
    const base = fixturePath('cdk/create/base.template.json')
    const deleted = plangate(['review', '--before', base, '--after', 'none'])
    expect(deleted.code).toBe(1)
    expect(deleted.stdout).toContain(
      'no after template: stack base is shown as deleted'
    )
    expectInputError(
      plangate(['review', '--before', 'none', '--after', 'none']),
      '--before/--after',
      '`none` on both sides'
    )
  })

  it('a truncated change set names the dropped logical ID in the Markdown report', () => {
    const run = plangate([
      'review',
      '--format',
      'markdown',
      fixturePath('cloudformation/truncated-properties.json')
    ])
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('WorkerFunction1F2E3D4C')
  })
})
