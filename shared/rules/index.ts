// The rule engine's public face: validators over a planning cycle that return findings (issue 3,
// "Live totals that flag mismatches"). runAllRules checks a plan from scratch; FindingsIndex keeps
// the findings live as cells are edited. Pure TypeScript over shared/ only: the engine, the CLI,
// the importers and the renderer all call these same functions.
export { runAllRules } from './engine';
export { FindingsIndex, type SeverityCounts } from './findings-index';
export { RULE_DEFAULTS, RuleContext, type RuleInput, type ResolvedRuleParams } from './context';
export { checkCounterpart, type CounterpartCheck } from './counterpart';
