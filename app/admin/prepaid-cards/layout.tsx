import { guardedSection } from '../../_lib/guard';

export default guardedSection('vouchers.manage');
