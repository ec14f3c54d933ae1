import { describe, expect, it } from 'vitest'
import { scanBlocks } from '../../src/attribution/hcl-blocks.js'
import type { HclScan } from '../../src/attribution/hcl-blocks.js'

/** `type label label start-end` of each block, and the issues by line. */
function outline(scan: HclScan): { blocks: string[]; issues: string[] } {
  return {
    blocks: scan.blocks.map((b) =>
      [b.type, ...b.labels, `${b.startLine}-${b.endLine}`].join(' ')
    ),
    issues: scan.issues.map((i) => `${i.line}: ${i.message}`)
  }
}

const AFTER = '\nresource "aws_s3_bucket" "after" {\n  bucket = "b"\n}\n'
const DEEP = 50_000

describe('scanBlocks on hostile nesting (a pull request controls the file)', () => {
  it('reads strings interpolated inside strings, however deep', () => {
    const value = '"${'.repeat(DEEP) + '"x"' + '}"'.repeat(DEEP)
    const text = `resource "aws_db_instance" "db" {\n  name = ${value}\n}\n${AFTER}`
    expect(outline(scanBlocks(text))).toEqual({
      blocks: [
        'resource aws_db_instance db 1-3',
        'resource aws_s3_bucket after 5-7'
      ],
      issues: []
    })
  })

  it('reads heredocs inside interpolations, however deep', () => {
    const depth = 5_000
    const text = `resource "a" "h" {\n  v = <<EOT\n${'${<<EOT\n'.repeat(depth)}x\n${'EOT\n}\n'.repeat(depth)}EOT\n}\n${AFTER}`
    const end = 3 * depth + 5
    expect(outline(scanBlocks(text))).toEqual({
      blocks: [
        `resource a h 1-${end}`,
        `resource aws_s3_bucket after ${end + 2}-${end + 4}`
      ],
      issues: []
    })
  })

  it('reads blocks nested in blocks, however deep', () => {
    const text = `resource "aws_db_instance" "db" {\n${'  b {\n'.repeat(DEEP)}${'  }\n'.repeat(DEEP)}}\n${AFTER}`
    const scan = scanBlocks(text)
    expect(outline(scan)).toEqual({
      blocks: [
        `resource aws_db_instance db 1-${2 * DEEP + 2}`,
        `resource aws_s3_bucket after ${2 * DEEP + 4}-${2 * DEEP + 6}`
      ],
      issues: []
    })
    expect(scan.blocks[0]?.children).toEqual([
      {
        name: 'b',
        kind: 'block',
        labels: [],
        startLine: 2,
        endLine: 2 * DEEP + 1
      }
    ])
  })

  it('says which nested blocks are not closed, innermost first', () => {
    const text = 'resource "a" "b" {\n  x {\n    y "l" {\n      z = 1\n'
    expect(outline(scanBlocks(text)).issues).toEqual([
      '1: resource block not closed',
      '2: x block not closed',
      '3: y block not closed'
    ])
  })

  it('resynchronises at a top-level header inside deep nesting', () => {
    const text = `resource "a" "b" {\n${'  x {\n'.repeat(100)}${AFTER}`
    expect(outline(scanBlocks(text)).blocks).toEqual([
      'resource aws_s3_bucket after 103-105'
    ])
  })

  // Outlines checked against the recursive scanner this replaced.
  it.each([
    [
      'braces and strings inside interpolations',
      'resource "a" "b" {\n  v = <<-EOT\n    ${"a${<<X\n  ${"}"}\nX\n}"}\n    EOT\n  w = "${ {a = "}"} }"\n}\n',
      { blocks: ['resource a b 1-9'], issues: [] }
    ],
    [
      'template directives and escapes',
      'locals {\n  a = "${x}${"${y}"}"\n  b = "%{ if c }${"}"}%{ endif }"\n  c = "$${"\n}\n',
      { blocks: ['locals 1-5'], issues: [] }
    ],
    [
      'an unterminated nested string',
      'resource "a" "b" {\n  v = "${"\nresource "a" "c" {\n}\n',
      {
        blocks: ['resource a b 1-4'],
        issues: [
          '2: unterminated string',
          '2: unterminated template interpolation',
          '3: unterminated string'
        ]
      }
    ]
  ])('keeps %s as before', (_name, text, expected) => {
    expect(outline(scanBlocks(text))).toEqual(expected)
  })
})
