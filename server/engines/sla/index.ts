export { slaEngine } from './sla-engine.js';
export { slaActionHooks } from './run-sla-action.js';
export { slaByName, slasFor, allSlas, type CatalogSla } from './sla-catalog.js';
export { recordWrites } from './record-writes.js';
export { slaTestOf } from './sla-test-of.js';
export { backtestSla, type SlaBacktest, type BacktestBucket } from './backtest-sla.js';
