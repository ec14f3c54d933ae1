import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { execFileSync, spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, describe, expect, it } from 'vitest'
import {
  readFdPlan,
  readPlanBytes,
  readPlanFile,
  readPlanInput
} from '../../src/io/index.js'
import {
  gunzipPlan,
  readFdBytes,
  readPlanData
} from '../../src/io/plan-stream.js'
import type { PlanReadLimits } from '../../src/io/index.js'
import type { PlanData } from '../../src/io/read-plan.js'
import {
  normalizePlans,
  PlanParseError,
  readPlan
} from '../../src/plan/index.js'
import type { PlanInput } from '../../src/plan/index.js'
import {
  forcePlanBufferFallback,
  planBuffer,
  skipKernelOf
} from '../../src/plan/json-skip.js'
import { fixturePath, fixtureText } from '../helpers.js'
import { plainCopy } from '../support/plan-buffers.js'

const dir = mkdtempSync(join(tmpdir(), 'plangate-plan-stream-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const noStdin = (): Buffer => Buffer.alloc(0)

/** The plans read, their lazy changes walked and normalised. */
function walked(inputs: readonly PlanInput[]): unknown {
  return inputs.map((input) => {
    if (input.kind !== 'terraform' || input.changes === undefined) return input
    const { changes, ...rest } = input
    const all: unknown[] = []
    changes.forEach((element) => all.push(element))
    return {
      ...rest,
      doc: { ...rest.doc, resource_changes: all },
      plans: normalizePlans([input]).plans
    }
  })
}

/** Bytes read into one buffer (a plan under the limit), not a stream. */
function bufferOf(data: PlanData): Buffer {
  if (!Buffer.isBuffer(data))
    throw new Error(`a stream of ${data.length} bytes`)
  return data
}

function file(name: string, data: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, data)
  return path
}

const KITCHEN = fixtureText('terraform/kitchen-sink.json')

describe('readPlanInput', () => {
  it('reads a Terraform plan as the text reader does', () => {
    const path = fixturePath('terraform/kitchen-sink.json')
    const inputs = readPlanInput({ source: 'p', path }, 'auto', noStdin)
    const old = readPlan({ source: 'p', text: KITCHEN })
    expect(inputs.map((input) => input.secrets)).toEqual([old.secrets])
    expect(normalizePlans(inputs).plans).toEqual(normalizePlans([old]).plans)
  })

  it('reads a gzip plan (told by its bytes, whatever its name) and standard input', () => {
    const gz = gzipSync(KITCHEN)
    const path = file('plan.json', gz)
    const expected = normalizePlans([
      readPlan({ source: 'p', text: KITCHEN })
    ]).plans
    const fromFile = readPlanInput({ source: 'p', path }, 'auto', noStdin)
    const fromStdin = readPlanInput(
      { source: 'p', path: '-' },
      'auto',
      () => gz
    )
    expect(normalizePlans(fromFile).plans).toEqual(expected)
    expect(normalizePlans(fromStdin).plans).toEqual(expected)
  })

  it('reads other formats through the text reader, gzip too', () => {
    const text = fixtureText('cloudformation/add.json')
    const path = file('cfn.json.gz', gzipSync(text))
    expect(readPlanInput({ source: 'c', path }, 'auto', noStdin)).toEqual([
      readPlan({ source: 'c', text })
    ])
  })

  it('reads concatenated terragrunt plans as one plan each, gzip too', () => {
    const path = file('all.json.gz', gzipSync(`${KITCHEN}\n${KITCHEN}`))
    const inputs = readPlanInput({ source: 'all', path }, 'auto', noStdin)
    expect(inputs.map((input) => input.source)).toEqual(['all#1', 'all#2'])
  })

  it('reads concatenated terragrunt plans past the limit through the window, from a file, gzip and a named pipe, as under it', () => {
    const text = `${KITCHEN}\n${fixtureText('terraform/sensitive.json')}\n`
    const under = walked(
      readPlanInput(
        { source: 'all', path: file('all-under.json', text) },
        'auto',
        noStdin
      )
    )
    expect(under).toHaveLength(2)
    const limits: PlanReadLimits = {
      maxTextBytes: 1 << 20,
      maxBytes: 1000,
      windowBytes: 300
    }
    const fifo = join(dir, 'all.fifo')
    execFileSync('mkfifo', [fifo])
    const writer = spawn(
      'sh',
      ['-c', 'cat "$1" > "$0"', fifo, join(dir, 'all-under.json')],
      {
        stdio: 'ignore'
      }
    )
    try {
      for (const path of [
        file('all-over.json', text),
        file('all-over.json.gz', gzipSync(text)),
        fifo
      ]) {
        const data = readPlanBytes(path, noStdin, limits)
        expect(Buffer.isBuffer(data), path).toBe(false)
        const ref = { source: 'all', path }
        expect(
          walked(readPlanData(data, ref, 'auto', {}, limits)),
          path
        ).toEqual(under)
      }
    } finally {
      writer.kill()
    }
  })

  it('reads a Terraform plan longer than the text limit in sections', () => {
    const limits: PlanReadLimits = { maxTextBytes: 6000, maxBytes: 1 << 20 }
    const path = file('big.json', KITCHEN)
    const inputs = readPlanInput({ source: 'p', path }, 'auto', noStdin, limits)
    expect(inputs).toHaveLength(1)
    const old = readPlan({ source: 'p', text: KITCHEN })
    expect(normalizePlans(inputs).plans).toEqual(normalizePlans([old]).plans)
  })

  it('refuses other formats longer than the text limit', () => {
    const text = fixtureText('cloudformation/add.json')
    const path = file('cfn-big.json', text)
    const limits: PlanReadLimits = { maxTextBytes: 100, maxBytes: 1 << 20 }
    expect(() =>
      readPlanInput({ source: 'c', path }, 'auto', noStdin, limits)
    ).toThrow(/only Terraform\/OpenTofu plans are read past/)
  })

  it('refuses a file past the text limit that is neither JSON nor gzip before reading it whole', () => {
    const limits: PlanReadLimits = { maxTextBytes: 100, maxBytes: 1 << 20 }
    const path = file('text.txt', 'Not a plan. '.repeat(500))
    expect(() =>
      readPlanInput({ source: 'b', path }, 'auto', noStdin, limits)
    ).toThrow(
      /found 6000 bytes; only Terraform\/OpenTofu plans \(a JSON object, or gzip\) are read past/
    )
    // What its beginning tells, in the reader's words.
    const binary = file('binary.bin', Buffer.alloc(5000, 0))
    expect(() =>
      readPlanInput({ source: 'b', path: binary }, 'auto', noStdin, limits)
    ).toThrow(`${binary}: expected a JSON plan, found binary data`)
    const logged = file(
      'terragrunt.log',
      `12:10:50.184 STDOUT [vpc] terraform: ${JSON.stringify(JSON.parse(KITCHEN))}\n`
    )
    expect(() =>
      readPlanInput({ source: 'b', path: logged }, 'auto', noStdin, limits)
    ).toThrow(
      `${logged}: expected a JSON plan, found Terragrunt's log of Terraform's output`
    )
    // Past the limit, a JSON object is still read (and a Terraform plan reviewed).
    const plan = file('plan-big.json', `  \n${KITCHEN}`)
    expect(
      readPlanInput({ source: 'p', path: plan }, 'auto', noStdin, {
        maxTextBytes: 6000,
        maxBytes: 1 << 20
      })
    ).toHaveLength(1)
  })

  it('explains broken JSON with a line and column, as before', () => {
    const path = file('broken.json', KITCHEN.slice(0, 2000))
    expect(() => readPlanInput({ source: 'b', path }, 'auto', noStdin)).toThrow(
      /ends early at line 1, column 2001/
    )
  })
})

describe('readPlanBytes', () => {
  it('names a missing file and a directory as the text reader does', () => {
    expect(() => readPlanBytes(join(dir, 'nope.json'), noStdin)).toThrow(
      /no file at that path/
    )
    expect(() => readPlanBytes(dir, noStdin)).toThrow(/a directory/)
  })

  it('refuses a truncated gzip stream', () => {
    const gz = gzipSync(KITCHEN)
    const path = file('cut.json.gz', gz.subarray(0, gz.length - 100))
    expect(() => readPlanBytes(path, noStdin)).toThrow(
      'expected a complete gzip stream, found a gzip stream that ends early (the file looks truncated)'
    )
  })

  it('refuses a gzip bomb of zeros from its first kilobyte, with the words of the whole', () => {
    // 64 MiB of zeros compress to about 64 KiB. With a 1 MiB limit, decompressing
    // all of it would end in the size error: this one proves it stopped first.
    const path = file('zeros.json.gz', gzipSync(Buffer.alloc(64 * 1024 * 1024)))
    const limits: PlanReadLimits = { maxTextBytes: 1 << 20, maxBytes: 1 << 20 }
    expect(() => readPlanBytes(path, noStdin, limits)).toThrow(
      'expected a JSON plan, found binary data'
    )
    // The same words as the plain file's (read whole).
    const plain = file('zeros.json', Buffer.alloc(8192))
    expect(() =>
      readPlanInput({ source: plain, path: plain }, 'auto', noStdin)
    ).toThrow(`${plain}: expected a JSON plan, found binary data`)
    // And for the setup-terraform wrapper's output, gzipped.
    const wrapper = file(
      'wrapper.json.gz',
      gzipSync(
        `[command]/usr/bin/terraform show -json tfplan\n${' '.repeat(8192)}`
      )
    )
    expect(() => readPlanBytes(wrapper, noStdin, limits)).toThrow(
      'found output of the hashicorp/setup-terraform wrapper'
    )
    // And for Terragrunt's log of Terraform's output.
    const logged = file(
      'terragrunt.json.gz',
      gzipSync(
        `12:10:50.184 STDOUT [vpc] terraform: ${JSON.stringify(JSON.parse(KITCHEN))}\n${' '.repeat(64 * 1024 * 1024)}`
      )
    )
    // Decompressed past the limit: refused by the window reader, in the same words.
    expect(() =>
      readPlanData(
        readPlanBytes(logged, noStdin, limits),
        { source: logged, path: logged },
        'auto',
        {},
        limits
      )
    ).toThrow(
      `${logged}: expected a JSON plan, found Terragrunt's log of Terraform's output`
    )
  })

  /** `{"a":` then 64 MiB of spaces: its first kilobyte looks like a plan. */
  const jsonBomb = (): Buffer =>
    gzipSync(
      Buffer.concat([
        Buffer.from('{"a":'),
        Buffer.alloc(64 * 1024 * 1024, 0x20)
      ])
    )

  it.each([
    ['that starts like JSON', jsonBomb],
    [
      // The whole is decompressed up to the limit first, then again as it is read.
      'whose trailer understates it (the bomb is the first member, the last states 100 KiB)',
      () =>
        Buffer.concat([jsonBomb(), gzipSync(Buffer.alloc(100 * 1024, 0x20))])
    ]
  ])(
    'stops decompressing a gzip bomb %s at the most a stream gives',
    (_, bomb) => {
      const path = file('bomb.json.gz', bomb())
      const limits: PlanReadLimits = {
        maxTextBytes: 1 << 20,
        maxBytes: 1 << 20,
        maxStreamedBytes: 4 << 20
      }
      // Past one buffer it is decompressed as it is read.
      const data = readPlanBytes(path, noStdin, limits)
      expect(() =>
        readPlanData(data, { source: path, path }, 'auto', {}, limits)
      ).toThrow(
        'expected a gzip plan under 4 MiB once decompressed, found more than 4 MiB of decompressed data; plangate stops decompressing there'
      )
    }
  )

  it('inflates a gzip plan in place: one buffer of the size its trailer states, no joined chunks', () => {
    // zlib's default 16 KiB chunks, joined at the end, doubled a large plan's peak memory.
    const text = Buffer.from(KITCHEN.repeat(10))
    const inflated = gunzipPlan(gzipSync(text), 'plan.json.gz')
    expect(inflated.equals(text)).toBe(true)
    expect(inflated.buffer.byteLength).toBe(text.length + 1)
  })

  it('reads a gzip of several members whole (its trailer states the last one only)', () => {
    const first = Buffer.from(KITCHEN.repeat(8))
    const last = Buffer.from(KITCHEN.repeat(3))
    const path = file(
      'members.json.gz',
      Buffer.concat([gzipSync(first), gzipSync(last)])
    )
    expect(
      bufferOf(readPlanBytes(path, noStdin)).equals(
        Buffer.concat([first, last])
      )
    ).toBe(true)
  })

  it('says "more than" for standard input read to one byte past the limit', () => {
    const limits: PlanReadLimits = { maxTextBytes: 1000, maxBytes: 1000 }
    // readFdBytes stops there: the size of the whole is not known.
    expect(() =>
      readPlanBytes('-', () => Buffer.alloc(1001, 0x20), limits)
    ).toThrow(
      'expected a plan of at most 1000 bytes, found more than that (reading stopped at the limit)'
    )
  })

  it('reads a named pipe past the limit through the window, once, as the file is read', () => {
    const fifo = join(dir, 'plan.fifo')
    execFileSync('mkfifo', [fifo])
    const path = fixturePath('terraform/kitchen-sink.json')
    const writer = spawn('sh', ['-c', 'cat "$1" > "$0"', fifo, path], {
      stdio: 'ignore'
    })
    const limits: PlanReadLimits = {
      maxTextBytes: 1 << 20,
      maxBytes: 1000,
      windowBytes: 512
    }
    try {
      const data = readPlanBytes(fifo, noStdin, limits)
      expect(Buffer.isBuffer(data)).toBe(false)
      if (Buffer.isBuffer(data)) return
      expect(data.rereadable).toBe(false)
      expect(data.length).toBe(1001)
      const ref = { source: 'p', path: fifo }
      expect(walked(readPlanData(data, ref, 'auto', {}, limits))).toEqual(
        walked(readPlanInput({ source: 'p', path }, 'auto', noStdin))
      )
      expect(() => data.open()).toThrow('a pipe is read once')
    } finally {
      writer.kill()
    }
  })

  it('stops reading a pipe past the most it reads', () => {
    const fifo = join(dir, 'endless.fifo')
    execFileSync('mkfifo', [fifo])
    const writer = spawn(
      'sh',
      [
        '-c',
        '{ printf \'{"format_version":"1.2","x":[\'; yes "1,"; } > "$0"',
        fifo
      ],
      { stdio: 'ignore' }
    )
    const limits: PlanReadLimits = {
      maxTextBytes: 1000,
      maxBytes: 1000,
      maxStreamedBytes: 100_000,
      windowBytes: 4096
    }
    try {
      const data = readPlanBytes(fifo, noStdin, limits)
      expect(() =>
        readPlanData(data, { source: fifo, path: fifo }, 'auto', {}, limits)
      ).toThrow(
        `${fifo}: expected a plan of at most 100000 bytes, found more than that (reading stopped at the limit); plangate stops reading a pipe there`
      )
    } finally {
      writer.kill()
    }
  })

  it('refuses a named pipe or device that starts with binary data from its first bytes, not at the limit', () => {
    const fifo = join(dir, 'zeros.fifo')
    execFileSync('mkfifo', [fifo])
    // Endless zeros; with a 1 MiB limit, reading to it would end in the size error.
    const writer = spawn('sh', ['-c', 'cat /dev/zero > "$0"', fifo], {
      stdio: 'ignore'
    })
    const limits: PlanReadLimits = { maxTextBytes: 1 << 20, maxBytes: 1 << 20 }
    try {
      expect(() => readPlanBytes(fifo, noStdin, limits)).toThrow(
        `${fifo}: expected a JSON plan, found binary data`
      )
    } finally {
      writer.kill()
    }
    // A plan through a pipe, longer than the bytes checked, is read whole.
    const plan = join(dir, 'plan2.fifo')
    execFileSync('mkfifo', [plan])
    const text = Buffer.from(KITCHEN.repeat(3))
    expect(text.length).toBeGreaterThan(16 * 1024)
    const source = file('kitchen3.json', text)
    const feeder = spawn('sh', ['-c', 'cat "$1" > "$0"', plan, source], {
      stdio: 'ignore'
    })
    try {
      expect(bufferOf(readPlanBytes(plan, noStdin)).equals(text)).toBe(true)
    } finally {
      feeder.kill()
    }
  })

  it("writes sizes that round to the limit's MiB in bytes", () => {
    const mib = 1024 * 1024
    const path = file('just-over.txt', Buffer.alloc(2 * mib + 10, 0x78))
    const limits: PlanReadLimits = { maxTextBytes: 2 * mib, maxBytes: 2 * mib }
    expect(() => readPlanBytes(path, noStdin, limits)).toThrow(
      'expected a plan of at most 2097152 bytes, found 2097162 bytes'
    )
  })

  it('reads a file over the limit through the window, as often as it is opened', () => {
    const path = file('over.json', KITCHEN)
    const limits: PlanReadLimits = {
      maxTextBytes: 1 << 20,
      maxBytes: 1000,
      windowBytes: 300
    }
    const data = readPlanBytes(path, noStdin, limits)
    expect(Buffer.isBuffer(data)).toBe(false)
    if (Buffer.isBuffer(data)) return
    expect(data).toMatchObject({ length: 34124, rereadable: true })
    const ref = { source: 'p', path }
    const whole = walked(readPlanInput(ref, 'auto', noStdin))
    expect(walked(readPlanData(data, ref, 'auto', {}, limits))).toEqual(whole)
    expect(walked(readPlanData(data, ref, 'auto', {}, limits))).toEqual(whole)
    // Past one buffer only Terraform plans are read.
    expect(() => readPlanData(data, ref, 'cloudformation', {}, limits)).toThrow(
      'expected a plan of at most 1000 bytes, found 34124 bytes; only Terraform/OpenTofu plans are read past 1000 bytes (this run reads cloudformation)'
    )
  })

  it.each([
    ['compressed past the limit too', 1000],
    ['decompressed past the limit', 20_000]
  ])(
    'reads a gzip file %s through the window, decompressed as it is read, as often as it is opened',
    (_, maxBytes) => {
      const path = file(`over-${maxBytes}.json.gz`, gzipSync(KITCHEN))
      const limits: PlanReadLimits = {
        maxTextBytes: 1 << 20,
        maxBytes,
        windowBytes: 300
      }
      const data = readPlanBytes(path, noStdin, limits)
      expect(Buffer.isBuffer(data)).toBe(false)
      const ref = { source: 'p', path }
      const whole = walked(
        readPlanInput(
          { source: 'p', path: fixturePath('terraform/kitchen-sink.json') },
          'auto',
          noStdin
        )
      )
      expect(walked(readPlanData(data, ref, 'auto', {}, limits))).toEqual(whole)
      expect(walked(readPlanData(data, ref, 'auto', {}, limits))).toEqual(whole)
    }
  )

  it('names a gzip file that is gone by the time it is decompressed as a file problem, not a gzip one', () => {
    const path = file('gone.json.gz', gzipSync(KITCHEN))
    const limits: PlanReadLimits = { maxTextBytes: 1 << 20, maxBytes: 1000 }
    const data = readPlanBytes(path, noStdin, limits)
    rmSync(path)
    expect(() =>
      readPlanData(data, { source: path, path }, 'auto', {}, limits)
    ).toThrow(`${path}: expected a readable plan file, found`)
  })

  it('reads a gzip plan from standard input past the limit from its bytes', () => {
    const limits: PlanReadLimits = {
      maxTextBytes: 1 << 20,
      maxBytes: 20_000,
      windowBytes: 4096
    }
    const data = readPlanBytes('-', () => gzipSync(KITCHEN), limits)
    expect(Buffer.isBuffer(data)).toBe(false)
    expect(
      walked(readPlanData(data, { source: 'p', path: '-' }, 'auto', {}, limits))
    ).toEqual(
      walked(
        readPlanInput(
          { source: 'p', path: fixturePath('terraform/kitchen-sink.json') },
          'auto',
          noStdin
        )
      )
    )
  })

  it('refuses a gzip plan past the limit that is cut short or corrupt, as it reaches the fault', () => {
    const gz = gzipSync(KITCHEN)
    const limits: PlanReadLimits = {
      maxTextBytes: 1 << 20,
      maxBytes: 20_000,
      windowBytes: 4096
    }
    /** The file read as the review reads it, to its end. */
    const reviewed = (path: string): PlanInput[] =>
      readPlanData(
        readPlanBytes(path, noStdin, limits),
        { source: path, path },
        'auto',
        {},
        limits
      )
    const cut = file('cut.json.gz', gz.subarray(0, gz.length - 100))
    expect(() => reviewed(cut)).toThrow(
      `${cut}: expected a complete gzip stream, found a gzip stream that ends early (the file looks truncated)`
    )
    const broken = Buffer.from(gz)
    broken.fill(0xff, 2000, 2100)
    const corrupt = file('corrupt.json.gz', broken)
    expect(() => reviewed(corrupt)).toThrow(
      /expected a complete gzip stream, found a corrupt gzip stream \(Z_DATA_ERROR\)/
    )
  })

  it('refuses text (a template, an approved report) from standard input past one buffer, as more than the limit', () => {
    const stream = readFdPlan(0, {
      maxBytes: 1000,
      read: (_fd, into, offset, length) => {
        into.fill(0x20, offset, offset + length)
        return length
      }
    })
    expect(Buffer.isBuffer(stream)).toBe(false)
    expect(() => readPlanFile('-', () => stream)).toThrow(
      '-: expected a file under 512 MiB, found more than that (reading stopped at the limit)'
    )
  })

  it('refuses a gzip plan from a pipe past the limit, saying how to read it', () => {
    const gz = gzipSync(KITCHEN)
    let at = 0
    const read = (
      _fd: number,
      into: Uint8Array,
      offset: number,
      length: number
    ): number => {
      const count = Math.min(length, gz.length - at)
      into.set(gz.subarray(at, at + count), offset)
      at += count
      return count
    }
    expect(() => readFdPlan(0, { maxBytes: 1000, read })).toThrow(
      '-: expected a plan of at most 1000 bytes, found more than that (reading stopped at the limit); a gzip plan this large is read from a file: write it to one, or pipe it through gunzip'
    )
  })
})

describe('plan buffers', () => {
  const FIXTURES = readdirSync(fixturePath('terraform'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => `terraform/${name}`)
  const noStdin = (): Buffer => Buffer.alloc(0)

  /** What a reader made of a plan, its lazy changes walked. */
  function readAll(data: Buffer, name: string): unknown {
    const inputs = readPlanData(data, { source: name, path: name }, 'auto')
    return inputs.map((input: PlanInput) => {
      if (input.kind !== 'terraform' || input.changes === undefined)
        return input
      const { changes, ...rest } = input
      const all: unknown[] = []
      changes.forEach((element) => all.push(element))
      return { ...rest, changes: all, plans: normalizePlans([input]).plans }
    })
  }

  it.each(FIXTURES)('read %s as plain Buffers are read', (name) => {
    const path = fixturePath(name)
    const data = bufferOf(readPlanBytes(path, noStdin))
    expect(skipKernelOf(data)).toBeDefined()
    expect(data.equals(readFileSync(path))).toBe(true)
    expect(readAll(data, name)).toEqual(readAll(plainCopy(data), name))
  })

  it('fall back to plain Buffers when WebAssembly cannot be used', () => {
    forcePlanBufferFallback(true)
    const bytes = planBuffer(100)
    expect(bytes).toHaveLength(100)
    expect(skipKernelOf(bytes)).toBeUndefined()
    const path = fixturePath('terraform/kitchen-sink.json')
    const data = bufferOf(readPlanBytes(path, noStdin))
    expect(skipKernelOf(data)).toBeUndefined()
    forcePlanBufferFallback(false)
    expect(readAll(data, 'k')).toEqual(
      readAll(bufferOf(readPlanBytes(path, noStdin)), 'k')
    )
  })

  it('hold gzip plans and standard input too, and a file longer than its size is read whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'plangate-skip-'))
    const text = readFileSync(fixturePath('terraform/create.json'))
    try {
      const path = join(dir, 'plan.json.gz')
      writeFileSync(path, gzipSync(text))
      const unzipped = bufferOf(readPlanBytes(path, noStdin))
      expect(unzipped.equals(text)).toBe(true)
      expect(skipKernelOf(unzipped)).toBeDefined()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    const piped = bufferOf(readPlanBytes('-', () => Buffer.from(text)))
    expect(piped.equals(text)).toBe(true)
    expect(skipKernelOf(piped)).toBeDefined()
    expect(readAll(piped, 'create')).toEqual(readAll(plainCopy(text), 'create'))
    // Files of /proc say 0 bytes and hold more.
    const proc = '/proc/self/cmdline'
    let expected: Buffer
    try {
      expected = readFileSync(proc)
    } catch {
      return
    }
    expect(expected.length).toBeGreaterThan(0)
    expect(bufferOf(readPlanBytes(proc, noStdin)).equals(expected)).toBe(true)
  })
})

describe('readFdBytes (standard input, pipes)', () => {
  /** A readSync that gives `data` in pieces, failing as `faults` says before each one. */
  function pipe(
    data: Buffer,
    faults: readonly (string | undefined)[]
  ): {
    read: (
      fd: number,
      into: Uint8Array,
      offset: number,
      length: number
    ) => number
    calls: () => number
  } {
    let at = 0
    let call = 0
    return {
      read: (_fd, into, offset, length) => {
        const code = faults[call++]
        if (code !== undefined)
          throw Object.assign(new Error(`${code}: read`), { code })
        const count = Math.min(length, data.length - at, 1000)
        into.set(data.subarray(at, at + count), offset)
        at += count
        return count
      },
      calls: () => call
    }
  }

  it('waits while a non-blocking descriptor has nothing yet (EAGAIN), then reads on', () => {
    const data = Buffer.from(KITCHEN)
    const source = pipe(data, ['EAGAIN', undefined, 'EAGAIN', 'EAGAIN'])
    const started = Date.now()
    const bytes = readFdBytes(0, { maxBytes: 1 << 20, read: source.read })
    expect(bytes.equals(data)).toBe(true)
    expect(skipKernelOf(bytes)).toBeDefined()
    expect(source.calls()).toBeGreaterThan(data.length / 1000)
    // Three short sleeps, not a busy loop and not a long wait.
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it("takes Windows' EOF error at the end of a pipe for its end", () => {
    const data = Buffer.from('{"format_version":"1.2"}')
    const source = pipe(data, [undefined, 'EOF'])
    expect(
      readFdBytes(0, { maxBytes: 1 << 20, read: source.read }).equals(data)
    ).toBe(true)
  })

  it('passes any other read error on, as an input error that names it', () => {
    const source = pipe(Buffer.from('{}'), ['EIO'])
    expect(() =>
      readFdBytes(0, { maxBytes: 1 << 20, read: source.read })
    ).toThrow('EIO: read')
    const again = pipe(Buffer.from('{}'), ['EIO'])
    expect(() =>
      readFdBytes(0, { maxBytes: 1 << 20, read: again.read })
    ).toThrow(PlanParseError)
    // Not a system error (a bug): passed on as it is.
    expect(() =>
      readFdBytes(0, {
        maxBytes: 1 << 20,
        read: () => {
          throw new TypeError('not a read error')
        }
      })
    ).toThrow(TypeError)
  })

  it('names the pipe or device it reads, when it has a name', () => {
    const source = pipe(Buffer.from('{}'), ['EIO'])
    expect(() =>
      readFdBytes(0, {
        maxBytes: 1 << 20,
        read: source.read,
        source: '/run/plan.fifo'
      })
    ).toThrow(
      '/run/plan.fifo: expected a readable plan file, found a read error (EIO)'
    )
  })
})
