import { describe, expect, it } from 'vitest'
import { logLine } from '../../src/report/escape.js'
import { checkWorkflowCommands } from '../support/action-run.js'

/**
 * The workflow-log half of the one escaping module: a plain log line must
 * never be a workflow command the runner runs.
 */
describe('logLine', () => {
  it('leaves plain text as it is', () => {
    expect(logLine('status plangate/main on 0123456789ab: failure')).toBe(
      'status plangate/main on 0123456789ab: failure'
    )
  })

  it.each([
    ['a line break before a command', 'plan.json\n::error::forged'],
    ['CR and Unicode line breaks', 'x\r::add-mask::y\u2028::stop-commands::z'],
    ['a command at the start', '::set-output name=decision::approved'],
    ['after white space', '   ::error::forged'],
    ['the older form anywhere', 'see ##[set-output name=decision;]approved'],
    ['the older form twice', '##[error]a ##[warning]b']
  ])('%s: one line that the runner reads as text', (_name, text) => {
    const line = logLine(text)
    expect(line).not.toMatch(/[\r\n\u2028\u2029\u0085]/)
    expect(line.trimStart().startsWith('::')).toBe(false)
    expect(line).not.toContain('##[')
    expect(() => checkWorkflowCommands(line)).not.toThrow()
  })

  it('is needed: the test double, like the runner, finds commands in the raw text', () => {
    for (const raw of [
      '::set-output name=decision::approved',
      'x\r::stop-commands::token',
      'see ##[set-output name=decision;]approved'
    ])
      expect(() => checkWorkflowCommands(raw)).toThrow(/step log holds/)
    // A `::` command plangate issues keeps its data, `##[` included (the runner tries the older form only when the line is not one).
    expect(() => checkWorkflowCommands('::debug::see ##[x]')).not.toThrow()
  })

  it('keeps the text readable: the break in `##[` is invisible', () => {
    expect(logLine('a ##[b]')).toBe('a #\u200b#[b]')
    expect(logLine('::x::y')).toBe('(text) ::x::y')
  })
})
