import { describe, expect, it } from 'vitest'
import {
  configAddress,
  findBlocks,
  locateImport,
  locateModuleCall,
  locateMovedTo,
  locateRemoved,
  locateResource,
  scanBlocks
} from '../../src/attribution/hcl-blocks.js'
import type { HclBlock } from '../../src/attribution/hcl-blocks.js'
import { fixtureText } from '../helpers.js'

const hcl = (name: string): string => fixtureText(`attribution/hcl/${name}`)

/** `type label label start-end`, the shape the tables below compare. */
function outline(blocks: readonly HclBlock[]): string[] {
  return blocks.map((b) =>
    [b.type, ...b.labels, `${b.startLine}-${b.endLine}`].join(' ')
  )
}

const TRICKY_OUTLINE = [
  'terraform 6-8',
  'resource aws_instance web 10-41',
  'resource null_resource empty 43-43',
  'resource null_resource oneline 44-44',
  'data aws_ami ubuntu 46-49',
  'locals 51-59',
  'moved 61-64',
  'removed 66-72',
  'import 74-78',
  'check health 80-88',
  'module net 90-93',
  'variable v 95-98',
  'output o 99-101'
]

describe('findBlocks', () => {
  it('finds exact ranges through comments, strings, templates and heredocs', () => {
    const { blocks, issues } = scanBlocks(hcl('tricky.tf'))
    expect(outline(blocks)).toEqual(TRICKY_OUTLINE)
    expect(issues).toEqual([])
  })

  it('lists the first nesting level with ranges', () => {
    const blocks = findBlocks(hcl('tricky.tf'))
    const web = blocks[1]
    expect(
      web?.children.map((c) =>
        [c.kind, c.name, ...c.labels, `${c.startLine}-${c.endLine}`].join(' ')
      )
    ).toEqual([
      'attribute ami 11-11',
      'attribute name 12-12',
      'attribute flags 13-13',
      'attribute count 14-14',
      'attribute user_data 16-20',
      'attribute policy 22-26',
      'block lifecycle 28-33',
      'block dynamic ingress 35-40'
    ])
    const locals = blocks.find((b) => b.type === 'locals')
    expect(
      locals?.children.map((c) => `${c.name} ${c.startLine}-${c.endLine}`)
    ).toEqual(['a 52-52', 'b 53-55', 'e 56-58'])
    const check = blocks.find((b) => b.type === 'check')
    expect(check?.children.map((c) => [c.name, ...c.labels])).toEqual([
      ['data', 'http', 'site'],
      ['assert']
    ])
    expect(blocks[3]?.children[0]).toMatchObject({
      name: 'triggers_replace',
      startLine: 44,
      endLine: 44
    })
  })

  it('reads from/to traversals of moved, removed and import blocks', () => {
    const blocks = findBlocks(hcl('tricky.tf'))
    const pick = (type: string) => {
      const b = blocks.find((x) => x.type === type)
      return { from: b?.from, to: b?.to }
    }
    expect(pick('moved')).toEqual({
      from: 'aws_instance.old',
      to: 'aws_instance.web'
    })
    expect(pick('removed')).toEqual({ from: 'module.legacy', to: undefined })
    expect(pick('import')).toEqual({
      from: undefined,
      to: 'aws_s3_bucket.b[each.key]'
    })
  })

  it('leaves out from/to that are not plain traversals', () => {
    const [moved] = findBlocks(
      'moved {\n  from = "aws_instance.a"\n  to = local.x ? a.b : c.d\n}\n'
    )
    expect(moved).toMatchObject({ type: 'moved', startLine: 1, endLine: 4 })
    expect(moved?.from).toBeUndefined()
    expect(moved?.to).toBeUndefined()
  })

  it('gives the same ranges with CRLF line endings and a BOM', () => {
    const crlf = '\uFEFF' + hcl('tricky.tf').replace(/\n/g, '\r\n')
    const { blocks, issues } = scanBlocks(crlf)
    expect(outline(blocks)).toEqual(TRICKY_OUTLINE)
    expect(issues).toEqual([])
  })

  it.each([
    ['one-line empty block', 'resource "a" "b" {}\n', ['resource a b 1-1']],
    ['no final newline', 'locals {\n  a = 1\n}', ['locals 1-3']],
    [
      'unquoted labels',
      'resource aws_vpc main {\n}\n',
      ['resource aws_vpc main 1-2']
    ],
    [
      'escaped quote before a brace',
      'variable "v" {\n  default = "\\"{"\n}\nvariable "w" {\n}\n',
      ['variable v 1-3', 'variable w 4-5']
    ],
    [
      'escaped interpolation',
      'output "o" {\n  value = "$${x"\n}\n',
      ['output o 1-3']
    ],
    [
      'heredoc marker indented and trailing text',
      'locals {\n  s = <<EOT\n  EOTX\n }\n  EOT\n}\n',
      ['locals 1-6']
    ],
    [
      'heredoc interpolation spanning lines',
      'locals {\n  s = <<EOT\n${join(",", [\n"EOT",\n])}\nEOT\n}\n',
      ['locals 1-7']
    ],
    [
      'multi-line interpolation in a quoted string',
      'locals {\n  s = "${join("}", [\n    "a",\n  ])}"\n}\n',
      ['locals 1-5']
    ],
    [
      'comparison operators are not assignments',
      'locals {\n  ok = a == b || c != d || e <= f\n  m = { for k, v in x : k => v }\n}\n',
      ['locals 1-4']
    ],
    ['unicode identifiers', 'locals {\n  név = "ű"\n}\n', ['locals 1-3']]
  ])('handles %s', (_name, text, expected) => {
    const { blocks, issues } = scanBlocks(text)
    expect(outline(blocks)).toEqual(expected)
    expect(issues).toEqual([])
  })

  it('returns the certain blocks of a broken file and reports the rest', () => {
    const { blocks, issues } = scanBlocks(hcl('broken.tf'))
    expect(outline(blocks)).toEqual([
      'resource aws_instance ok 1-3',
      'resource aws_instance after 9-11',
      'module m 14-17'
    ])
    expect(issues.map((i) => i.line)).toEqual([5, 12, 16, 19, 20, 21, 23])
    expect(issues[0]?.message).toBe('resource block not closed before line 9')
  })

  it.each([
    [
      'unterminated heredoc',
      'locals {\n  a = <<EOT\n}\n',
      'unterminated heredoc <<EOT'
    ],
    ['unterminated comment', 'locals {}\n/* {\n', 'unterminated /* comment'],
    ['stray closing brace', '}\nlocals {}\n', 'unexpected rbrace'],
    [
      'header without brace',
      'resource "a" "b"\nlocals {}\n',
      'expected "=" or "{" after resource'
    ]
  ])('reports %s without throwing', (_name, text, message) => {
    const { issues } = scanBlocks(text)
    expect(issues.map((i) => i.message)).toContain(message)
  })

  it('never throws on any prefix or slice of a real file', () => {
    const text = hcl('tricky.tf') + hcl('broken.tf')
    for (let k = 0; k < text.length; k += 7) {
      expect(() => scanBlocks(text.slice(0, k))).not.toThrow()
      expect(() => scanBlocks(text.slice(k))).not.toThrow()
    }
  })

  it('keeps ranges when comment and heredoc noise is inserted between blocks', () => {
    const base = hcl('module/main.tf')
    const original = findBlocks(base)
    const noise = [
      '# } { "\n',
      '// resource "x" "y" {\n',
      '/* {\n}\n } */\n',
      'locals {\n  n = <<-EOT\n  }\n  {\n  EOT\n}\n',
      'locals { s = "${"}"}" }\n',
      '\n\n'
    ]
    let seed = 42
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed % n
    }
    const lines = base.split('\n')
    const gaps = original.map((b) => b.endLine)
    for (let round = 0; round < 50; round++) {
      const inserted = gaps.map(() => noise[random(noise.length)] ?? '')
      const out: string[] = []
      const shift: number[] = []
      let added = 0
      lines.forEach((line, k) => {
        out.push(line)
        const gap = gaps.indexOf(k + 1)
        if (gap !== -1) {
          const chunk = (inserted[gap] ?? '').replace(/\n$/, '')
          out.push(chunk)
          added += chunk.split('\n').length
        }
        shift[k + 1] = added
      })
      const found = findBlocks(out.join('\n')).filter(
        (b) => b.type !== 'locals'
      )
      expect(outline(found)).toEqual(
        outline(
          original.map((b) => {
            const before = shift[b.startLine - 1] ?? 0
            return {
              ...b,
              startLine: b.startLine + before,
              endLine: b.endLine + before
            }
          })
        )
      )
    }
  })
})

describe('configAddress', () => {
  it.each([
    [
      'aws_instance.web',
      { modulePath: [], mode: 'managed', type: 'aws_instance', name: 'web' }
    ],
    [
      'aws_instance.web[0]',
      { modulePath: [], mode: 'managed', type: 'aws_instance', name: 'web' }
    ],
    [
      'data.aws_ami.ubuntu',
      { modulePath: [], mode: 'data', type: 'aws_ami', name: 'ubuntu' }
    ],
    [
      'module.a["x"].module.b[0].aws_s3_bucket.logs["k"]',
      {
        modulePath: ['a', 'b'],
        mode: 'managed',
        type: 'aws_s3_bucket',
        name: 'logs'
      }
    ],
    [
      'module.a["x.y[1]"].data.aws_iam_policy_document.p["a\\"].b]"]',
      {
        modulePath: ['a'],
        mode: 'data',
        type: 'aws_iam_policy_document',
        name: 'p'
      }
    ],
    [
      'module.my-mod.null_resource.with-dash',
      {
        modulePath: ['my-mod'],
        mode: 'managed',
        type: 'null_resource',
        name: 'with-dash'
      }
    ]
  ])('reads %s', (address, expected) => {
    expect(configAddress(address)).toEqual(expected)
  })

  it.each([
    ['', 'not a traversal'],
    ['aws_instance', 'expected [data.]TYPE.NAME'],
    ['module.a', 'expected [data.]TYPE.NAME'],
    ['aws_instance.a.b', 'unexpected steps after the resource name'],
    ['aws_instance.a["x"', 'not a traversal']
  ])('rejects %j', (address, reason) => {
    expect(() => configAddress(address)).toThrow(reason)
  })
})

describe('locate*', () => {
  const files = new Map(
    ['main.tf', 'moves.tf', 'variables.tf'].map((name) => [
      `modules/db/${name}`,
      hcl(`module/${name}`)
    ])
  )
  const where = (found: { path: string; block: HclBlock } | undefined) =>
    found && `${found.path}:${found.block.startLine}-${found.block.endLine}`

  it('finds resources and data sources, not commented-out copies', () => {
    expect(
      where(locateResource(files, 'aws_db_instance', 'main', 'managed'))
    ).toBe('modules/db/main.tf:1-4')
    expect(where(locateResource(files, 'aws_ami', 'ubuntu', 'data'))).toBe(
      'modules/db/main.tf:6-8'
    )
    expect(
      locateResource(files, 'aws_ami', 'ubuntu', 'managed')
    ).toBeUndefined()
    expect(
      where(locateResource(files, 'aws_s3_bucket', 'logs', 'managed'))
    ).toBe('modules/db/main.tf:14-17')
    expect(
      locateResource(new Map(), 'aws_s3_bucket', 'logs', 'managed')
    ).toBeUndefined()
  })

  it('finds module calls', () => {
    expect(where(locateModuleCall(files, 'network'))).toBe(
      'modules/db/main.tf:10-12'
    )
    expect(locateModuleCall(files, 'net')).toBeUndefined()
  })

  it('finds moved blocks by their target, exactly or by prefix', () => {
    expect(where(locateMovedTo(files, 'aws_db_instance.main'))).toBe(
      'modules/db/moves.tf:1-4'
    )
    expect(where(locateMovedTo(files, 'module.network.aws_vpc.x[0]'))).toBe(
      'modules/db/moves.tf:6-9'
    )
    expect(locateMovedTo(files, 'aws_db_instance.old')).toBeUndefined()
    expect(locateMovedTo(files, 'module.networks.a.b')).toBeUndefined()
  })

  it('finds removed blocks', () => {
    expect(where(locateRemoved(files, 'aws_instance.legacy'))).toBe(
      'modules/db/moves.tf:11-16'
    )
    expect(locateRemoved(files, 'aws_instance.other')).toBeUndefined()
  })

  it('prefers an exact import target over a for_each one', () => {
    expect(where(locateImport(files, 'aws_s3_bucket.logs["a.b[c]"]'))).toBe(
      'modules/db/moves.tf:18-21'
    )
    expect(where(locateImport(files, 'aws_s3_bucket.logs["other"]'))).toBe(
      'modules/db/moves.tf:23-27'
    )
    expect(locateImport(files, 'aws_s3_bucket.other["x"]')).toBeUndefined()
  })

  it('rescans a map whose contents changed', () => {
    const mutable = new Map([['a.tf', 'module "x" {\n}\n']])
    expect(where(locateModuleCall(mutable, 'x'))).toBe('a.tf:1-2')
    mutable.set('a.tf', '\nmodule "x" {\n}\n')
    expect(where(locateModuleCall(mutable, 'x'))).toBe('a.tf:2-3')
  })
})
