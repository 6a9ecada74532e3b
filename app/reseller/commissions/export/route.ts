// The reseller console's "Download CSV": the desk's handler, which narrows the report to the session's reseller.
export { GET } from '../../../admin/reports/commissions/export/route';
