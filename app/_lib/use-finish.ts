'use client';

import { useRouter } from 'next/navigation';
import { toast } from 'sonner';

/** How a console dialog ends well: say what happened, close, and show the page's new state. */
export function useFinish(onClose: () => void) {
  const router = useRouter();
  return (message: string) => {
    toast.success(message);
    onClose();
    router.refresh();
  };
}

/** A mutation's onError where there are no fields to point at. */
export const toastError = (error: { message: string }) => toast.error(error.message);
