export { ListSkeleton as default } from '../../_components/console/list-skeleton';
