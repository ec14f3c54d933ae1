export { countChanges, decideGate, judgeChanges } from './decide.js'
export type { GateHistory, GatePolicy } from './decide.js'
