// The reseller console's Download PDFs: the desk's handler, which scopes by the session's actor.
export { GET } from '../../../admin/invoices/pdfs/route';
