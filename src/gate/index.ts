export { countChanges, decideGate } from './decide.js'
