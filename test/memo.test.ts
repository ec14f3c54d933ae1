import { describe, expect, it } from 'vitest'
import { rememberPerObject, rememberPerText } from '../src/memo.js'

describe('rememberPerText', () => {
  it('computes each text once, an undefined answer too', () => {
    const asked: string[] = []
    const lookup = rememberPerText((text) => {
      asked.push(text)
      return text === 'none' ? undefined : text.length
    })
    expect([
      lookup('abc'),
      lookup('abc'),
      lookup('none'),
      lookup('none')
    ]).toEqual([3, 3, undefined, undefined])
    expect(asked).toEqual(['abc', 'none'])
  })

  it('past its limit still answers, computing the texts it no longer keeps', () => {
    const asked: string[] = []
    const upper = rememberPerText((text) => {
      asked.push(text)
      return text.toUpperCase()
    }, 2)
    for (const text of ['a', 'b', 'c', 'a', 'c']) upper(text)
    expect(['a', 'b', 'c'].map(upper)).toEqual(['A', 'B', 'C'])
    // a and b kept; c computed each time it is asked for.
    expect(asked).toEqual(['a', 'b', 'c', 'c', 'c'])
  })
})

describe('rememberPerObject', () => {
  it('computes once per object, never across objects that look alike', () => {
    let calls = 0
    const total = rememberPerObject((list: readonly number[]) => {
      calls++
      return list.reduce((n, x) => n + x, 0)
    })
    const one = Object.freeze([1, 2, 3])
    const twin = Object.freeze([1, 2, 3])
    expect([total(one), total(one), total(twin)]).toEqual([6, 6, 6])
    expect(calls).toBe(2)
  })
})
