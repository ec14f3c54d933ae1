import { describe, expect, it } from 'vitest'
import { decodePlanBytes } from '../../src/io/decode-text.js'
import { readPlan } from '../../src/plan/index.js'
import { fixtureText, planErrorOf } from '../helpers.js'

const PLAN = fixtureText('terraform/create.json')

function utf16(text: string, order: 'le' | 'be', bom = true): Buffer {
  const body = Buffer.from(text, 'utf16le')
  if (order === 'be') body.swap16()
  const mark = order === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]
  return Buffer.concat([Buffer.from(bom ? mark : []), body])
}

function errorFor(bytes: Uint8Array): string {
  return planErrorOf(() => decodePlanBytes(bytes, 'plan.json'))
}

describe('decodePlanBytes: the one place where plan bytes become text', () => {
  it.each([
    ['UTF-8', Buffer.from(PLAN, 'utf8')],
    [
      'UTF-8 with a byte-order mark',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(PLAN)])
    ],
    ['UTF-16LE with a BOM (PowerShell `>`)', utf16(PLAN, 'le')],
    ['UTF-16BE with a BOM', utf16(PLAN, 'be')]
  ])('%s decodes to the same plan', (_name, bytes) => {
    const text = decodePlanBytes(bytes, 'plan.json')
    expect(text).toBe(PLAN)
    expect(readPlan({ source: 'plan.json', text }).kind).toBe('terraform')
  })

  it('keeps characters outside ASCII in UTF-16 (surrogate pairs too)', () => {
    const text = '{"a":"é ✓ 😀"}'
    expect(decodePlanBytes(utf16(text, 'le'), 'p')).toBe(text)
    expect(decodePlanBytes(utf16(text, 'be'), 'p')).toBe(text)
  })

  it('a UTF-16 file with an odd number of bytes is refused, naming the encoding', () => {
    const bytes = utf16(PLAN, 'le').subarray(0, 101)
    expect(errorFor(bytes)).toMatchInlineSnapshot(
      `"plan.json: expected a plan in UTF-16LE (it starts with a UTF-16LE byte-order mark), found an odd number of bytes (101): the file is cut in the middle of a character, or not UTF-16LE at all; write the plan as UTF-8: \`terraform show -json PLANFILE | Out-File -Encoding utf8 plan.json\` in PowerShell, or \`iconv -t UTF-8\` elsewhere"`
    )
  })

  it('a lone surrogate in UTF-16 is refused', () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x00, 0xd8, 0x7d, 0x00])
    expect(errorFor(bytes)).toContain('not valid UTF-16LE')
  })

  it('a byte-order mark followed by nothing is an empty file', () => {
    for (const bom of [
      [0xef, 0xbb, 0xbf],
      [0xff, 0xfe],
      [0xfe, 0xff]
    ]) {
      const text = decodePlanBytes(Buffer.from(bom), 'plan.json')
      expect(text).toBe('')
      expect(() => readPlan({ source: 'plan.json', text })).toThrow(
        'found an empty file'
      )
    }
  })

  it('UTF-16 without a byte-order mark is named, with the fix', () => {
    expect(errorFor(utf16(PLAN, 'le', false))).toContain(
      'found UTF-16LE text without a byte-order mark'
    )
    expect(errorFor(utf16(PLAN, 'be', false))).toContain(
      'found UTF-16BE text without a byte-order mark'
    )
  })

  it('UTF-32 is refused by name', () => {
    expect(
      errorFor(Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0, 0x7d, 0, 0, 0]))
    ).toContain('found UTF-32 text')
  })

  it('Latin-1 / Windows-1252 text is refused with the byte offset and the PowerShell fix', () => {
    const bytes = Buffer.from('{"name": "caf\u00e9"}', 'latin1')
    expect(errorFor(bytes)).toMatchInlineSnapshot(
      `"plan.json: expected a plan in UTF-8 (or UTF-16 with a byte-order mark), found bytes that are not valid UTF-8 at byte 13 (a legacy encoding such as Windows-1252 or Latin-1?); write the plan as UTF-8: \`terraform show -json PLANFILE | Out-File -Encoding utf8 plan.json\` in PowerShell, or \`iconv -t UTF-8\` elsewhere"`
    )
  })

  it('binary input is passed on, so the JSON reader names it', () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 0xff, 0xfe])
    expect(() =>
      readPlan({ source: 'p', text: decodePlanBytes(zip, 'p') })
    ).toThrow('a binary Terraform planfile (a zip archive)')
    const binary = Buffer.from([0, 1, 2, 0xff, 0x80, 0x81])
    expect(() =>
      readPlan({ source: 'p', text: decodePlanBytes(binary, 'p') })
    ).toThrow('found binary data')
  })
})
