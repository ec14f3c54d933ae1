import { expect } from 'vitest'
import { planBuffer, skipKernelOf } from '../../src/plan/json-skip.js'
import type { TerraformInput } from '../../src/plan/terraform.js'
import { readTerraformPlanBytes } from '../../src/plan/terraform-sections.js'
import type { SectionOptions } from '../../src/plan/terraform-sections.js'
import { readTerraformPlanStream } from '../../src/plan/terraform-stream.js'
import type {
  ByteSource,
  StreamOptions
} from '../../src/plan/terraform-stream.js'

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

/** readTerraformPlanBytes on a file of one plan: that plan, or undefined when it leaves the bytes to the general reader. */
export function onePlanOfBytes(
  bytes: Buffer,
  source: string,
  options: SectionOptions
): TerraformInput | undefined {
  const plans = readTerraformPlanBytes(bytes, source, options)
  if (plans === undefined) return undefined
  expect(plans).toHaveLength(1)
  return plans[0]
}

/** readTerraformPlanStream on a file of one plan: that plan. */
export function onePlanOfStream(
  input: ByteSource,
  source: string,
  options: StreamOptions
): TerraformInput {
  const plans = readTerraformPlanStream(input, source, options)
  expect(plans).toHaveLength(1)
  return plans[0] as TerraformInput
}
