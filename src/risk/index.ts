export {
  LIFECYCLE_SAFEGUARDS,
  SAFEGUARDS,
  STATEFUL_KINDS,
  statefulKindOf
} from './catalog.js'
export type {
  LifecycleSafeguard,
  Lowering,
  Safeguard,
  StatefulKind
} from './catalog.js'
export { assessRisks, DEFAULT_RISK_POLICY, matchingGlob } from './assess.js'
export type { RiskAssessment, RiskPolicy } from './assess.js'
