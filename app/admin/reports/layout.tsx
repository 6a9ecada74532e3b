import { guardedSection } from '../../_lib/guard';

// The whole Reports section, commissions included: the desk with reports.view.
export default guardedSection('reports.view');
