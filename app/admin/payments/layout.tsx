import { guardedSection } from '../../_lib/guard';

export default guardedSection('invoices.view');
