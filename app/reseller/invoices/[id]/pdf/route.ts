// The reseller console's "Download PDF": the desk's handler, which scopes by the session's actor.
export { GET } from '../../../../admin/invoices/[id]/pdf/route';
