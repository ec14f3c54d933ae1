/**
 * Blast radius: for each destroyed or replaced resource, the resources
 * that depend on it, directly or through others, found in the dependency
 * graph a reader kept (Terraform configuration references, module inputs
 * and outputs, prior-state `depends_on`; CloudFormation `Ref`,
 * `Fn::GetAtt`, `DependsOn` and `CausingEntity`; Pulumi `dependencies`).
 * Pure, breadth-first (nearest first), cycles visited once, capped.
 */
import type {
  Dependent,
  DependencyEdge,
  DependencyGraph,
  Plan
} from '../model.js'

/** Dependents listed per change; past it the search stops and says it is capped. */
export const MAX_DEPENDENTS = 50
/** Graph nodes one search may visit (resources and module inputs/outputs alike). */
export const MAX_VISITED = 2_000

/** Stands for the changed resource in `via` until its address is filled in. */
const START = '\u0000start'

/** The blast radius of one change, as stored on it. */
interface Radius {
  readonly dependents: readonly Dependent[]
  readonly capped: boolean
}

/**
 * Returns the plan with `dependents` on each destroy and replace that has
 * any, and without its graph: node names come from configuration and
 * state, not yet redacted, so only the found addresses, through `redact`,
 * stay in the model. The same configuration node (every instance of a
 * `count`) is searched once.
 */
export function addDependents(
  withGraph: Plan,
  redact: (text: string) => string = (text) => text
): Plan {
  const { dependencies: graph, ...plan } = withGraph
  if (graph === undefined || graph.dependents.size === 0) return plan
  // Every instance of a `count` is the same configuration node: search it once.
  const cache = new Map<string, Radius>()
  let changed = false
  const changes = plan.changes.map((change) => {
    if (!change.destructive) return change
    const node = nodeOf(change.address, graph.keys)
    const withState = change.action === 'destroy'
    const key = `${withState ? 's' : 'c'}\u0000${node}`
    let radius = cache.get(key)
    if (radius === undefined) {
      const found = findDependents(graph, node, START, withState)
      radius = {
        capped: found.capped,
        dependents: found.dependents.map((dependent) => ({
          address: redact(dependent.address),
          via: dependent.via === START ? START : redact(dependent.via),
          kind: dependent.kind
        }))
      }
      cache.set(key, radius)
    }
    if (radius.dependents.length === 0) return change
    changed = true
    const address = change.address
    return {
      ...change,
      dependents: radius.dependents.map((dependent) =>
        dependent.via === START ? { ...dependent, via: address } : dependent
      ),
      ...(radius.capped ? { dependentsCapped: true as const } : {})
    }
  })
  return changed ? { ...plan, changes } : plan
}

/**
 * Breadth-first search from `start` over the graph's dependents. `label`
 * names the start in `via` (the change's own address); state edges
 * (`depends_on` recorded in the prior state) count only for destroys.
 */
export function findDependents(
  graph: DependencyGraph,
  start: string,
  label: string,
  withState: boolean
): Radius {
  const dependents: Dependent[] = []
  // Node → the nearest reported node above it, for `via`.
  const viaOf = new Map<string, string>([[start, label]])
  const queue: string[] = [start]
  let capped = false
  for (let head = 0; head < queue.length && !capped; head++) {
    const node = queue[head] as string
    const via = viaOf.get(node) ?? label
    const edges: readonly DependencyEdge[] = graph.dependents.get(node) ?? []
    for (const edge of edges) {
      if (edge.kind === 'state' && !withState) continue
      if (viaOf.has(edge.node)) continue
      if (viaOf.size >= MAX_VISITED || dependents.length >= MAX_DEPENDENTS) {
        capped = true
        break
      }
      const internal = edge.node.startsWith('~')
      viaOf.set(edge.node, internal ? via : edge.node)
      if (!internal)
        dependents.push({ address: edge.node, via, kind: edge.kind })
      queue.push(edge.node)
    }
  }
  return { dependents, capped }
}

/**
 * The graph node of a change's address: Terraform configuration nodes
 * carry no instance keys (`module.a["x"].aws_b.c[0]` → `module.a.aws_b.c`).
 * Keys are skipped with their quoted strings, which may hold brackets.
 */
export function nodeOf(address: string, keys: DependencyGraph['keys']): string {
  if (keys === 'address' || !address.includes('[')) return address
  let out = ''
  let depth = 0
  let quoted = false
  for (let i = 0; i < address.length; i++) {
    const c = address[i] as string
    if (quoted) {
      if (c === '\\') i++
      else if (c === '"') quoted = false
      continue
    }
    if (c === '"' && depth > 0) quoted = true
    else if (c === '[') depth++
    else if (c === ']') depth = Math.max(0, depth - 1)
    else if (depth === 0) out += c
  }
  return out
}

/** Builds a dependency graph edge by edge, each edge once; self-edges are dropped. */
export class GraphBuilder {
  readonly #edges = new Map<string, DependencyEdge[]>()
  readonly #seen = new Set<string>()

  /** `to` depends on `from`. */
  add(from: string, to: string, kind: DependencyEdge['kind']): void {
    if (from === to) return
    const key = `${from}\u0000${to}`
    if (this.#seen.has(key)) return
    this.#seen.add(key)
    const edges = this.#edges.get(from)
    if (edges === undefined) this.#edges.set(from, [{ node: to, kind }])
    else edges.push({ node: to, kind })
  }

  /** Adds every edge of another graph (a template's, say). */
  merge(graph: DependencyGraph | undefined): void {
    for (const [from, edges] of graph?.dependents ?? [])
      for (const edge of edges) this.add(from, edge.node, edge.kind)
  }

  build(keys: DependencyGraph['keys']): DependencyGraph {
    return { dependents: this.#edges, keys }
  }
}
