/** The database: clients (embedded PGlite, Neon/Postgres), the schema's tables, the repositories. */
export { type Database, type DatabaseHandle, openDatabase } from "./client.ts";
export { DatabaseInUse } from "./pglite_lock.ts";
export {
  type Alert,
  type AlertState,
  findOpenAlert,
  listOpenAlerts,
  listUndeliveredAlerts,
  markAlertDelivered,
  type NewAlert,
  raiseAlert,
  resolveAlert,
} from "./repositories/alerts.ts";
export {
  type Customer,
  findCustomer,
  findCustomerFeatures,
  listCustomersWithFeatures,
  upsertCustomerFeatures,
  upsertCustomers,
} from "./repositories/customers.ts";
export {
  type AccuracyDay,
  type ChallengerAgreement,
  challengerAgreement,
  churnRiskDeciles,
  type CustomerRisk,
  highestRiskCustomers,
  type LabelledScore,
  labelledScores,
  productionAccuracy,
  recentTicketTriage,
  type TicketFilter,
  type TicketTriageRow,
  trafficByHour,
  type TrafficHour,
} from "./repositories/dashboard_views.ts";
export {
  listDeployments,
  type ModelDeployment,
  type NewModelDeployment,
  recordDeployment,
} from "./repositories/deployments.ts";
export {
  type DriftReport,
  type DriftReportSummary,
  findDriftReport,
  insertDriftReport,
  latestDriftReports,
  listDriftReports,
  type NewDriftReport,
} from "./repositories/drift_reports.ts";
export { recordFeedback } from "./repositories/feedback.ts";
export {
  type CorrectedPrediction,
  listCorrectedPredictions,
} from "./repositories/feedback_rows.ts";
export {
  defaultLabelledPageSize,
  type LabelledPrediction,
  labelledPredictionPages,
  type LabelledWindow,
} from "./repositories/labelled_predictions.ts";
export {
  defaultMonitoredPageSize,
  type MonitoredPrediction,
  monitoredPredictionPages,
} from "./repositories/monitored_predictions.ts";
export {
  existingPredictionIds,
  findLatestTicketPrediction,
  findPrediction,
  logPredictions,
  type PredictionLogEntry,
} from "./repositories/predictions.ts";
export {
  findTicket,
  insertTickets,
  insertTicketWithFeatures,
  listTicketsWithFeatures,
  upsertTicketFeatures,
} from "./repositories/tickets.ts";
export { backoffDelay, isPermanentWriteError, type RetryOptions } from "./retry_policy.ts";
export { storable } from "./storable_text.ts";
