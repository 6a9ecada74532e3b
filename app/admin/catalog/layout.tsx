import { guardedSection } from '../../_lib/guard';

export default guardedSection('catalog.view');
