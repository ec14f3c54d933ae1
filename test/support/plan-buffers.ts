import { expect } from 'vitest'
import { planBuffer, skipKernelOf } from '../../src/plan/json-skip.js'

/** A plain Buffer (no SIMD kernel: the JavaScript scanner) holding `bytes`. */
export function plainCopy(bytes: Uint8Array): Buffer {
  const plain = Buffer.alloc(bytes.length)
  plain.set(bytes)
  expect(skipKernelOf(plain)).toBeUndefined()
  return plain
}

/**
 * A buffer of planBuffer's (the kernel's) holding `doc` after `pad` bytes
 * of `hostile` and followed by `tail` more: bytes that would change a scan
 * if the kernel read them, around the data and never inside it.
 */
export function kernelCopy(
  doc: Uint8Array,
  pad: number,
  tail: number,
  hostile: Uint8Array
): Buffer {
  const whole = planBuffer(pad + doc.length + tail)
  expect(skipKernelOf(whole)).toBeDefined()
  for (let k = 0; k < whole.length; k++)
    whole[k] = hostile[k % hostile.length] as number
  whole.set(doc, pad)
  return whole
}
