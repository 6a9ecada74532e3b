// The reseller console's CSV download: the desk's handler, which scopes by the session's actor.
export { GET } from '../../../admin/services/export/route';
