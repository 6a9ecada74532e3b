import { guardedSection } from '../../_lib/guard';

export default guardedSection('admin');
