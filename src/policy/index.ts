export {
  AUTOMATION_AS,
  buildPolicyRules,
  DEFAULT_CONFIG_PATH,
  DEFAULT_POLICY,
  GATE_ON,
  parsePolicyConfig,
  PolicyError,
  UNATTRIBUTED
} from './schema.js'
export type {
  AutomationAs,
  GateOn,
  PolicyConfig,
  Unattributed
} from './schema.js'
