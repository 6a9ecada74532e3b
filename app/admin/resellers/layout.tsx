import { guardedSection } from '../../_lib/guard';

export default guardedSection('settings.manage');
