import { describe, expect, it } from 'vitest'
import { plural, thousands } from '../src/words.js'

describe('counts in words', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1,000'],
    [14155, '14,155'],
    [1234567, '1,234,567']
  ])('thousands(%i) is %s', (count, text) => {
    expect(thousands(count)).toBe(text)
  })

  it('says one or many, with separators', () => {
    expect(plural(1, 'change')).toBe('1 change')
    expect(plural(0, 'change')).toBe('0 changes')
    expect(plural(1938, 'destructive change')).toBe('1,938 destructive changes')
    expect(plural(2, 'policy', 'policies')).toBe('2 policies')
  })
})
