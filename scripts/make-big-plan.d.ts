/** Types of scripts/make-big-plan.js, for the TypeScript scripts that call it. */
export function makeBigPlan(
  total: number,
  out: string,
  seed?: number,
  options?: {
    readonly destructiveShare?: number
    readonly policyBytes?: number
  }
): Promise<{
  bytes: number
  counts: Record<string, number>
  secrets: number
}>

/** The seeded generator the synthetic plans (and the fuzzer) draw from. */
export function mulberry32(seed: number): () => number
