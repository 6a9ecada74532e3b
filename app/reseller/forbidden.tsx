import { NoAccess } from '../_components/no-access';

/** A page of the reseller console its admin has not granted (the invoice flags). */
export default function ResellerForbidden() {
  return <NoAccess home="/reseller" ask="ask the company whose services you resell to grant it" />;
}
