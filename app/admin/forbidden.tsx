import { NoAccess } from '../_components/no-access';

/** A console page this staff member's permissions do not open, inside the console's frame. */
export default function AdminForbidden() {
  return <NoAccess home="/admin" />;
}
