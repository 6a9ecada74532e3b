'use client';

import { X } from 'lucide-react';
import { Dialog as Primitive } from 'radix-ui';
import type { ReactNode } from 'react';
import { Button } from './button';

/** A modal with focus trapping, Escape to close and a labelled title (Radix). */
export function Dialog({
  open,
  onOpenChange,
  title,
  description,
  children,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Primitive.Root open={open} onOpenChange={onOpenChange}>
      <Primitive.Portal>
        <Primitive.Overlay className="fixed inset-0 z-40 bg-black/40" />
        {/* Never taller than the screen below its top: a long form (an invoice's lines with its
            preview) scrolls inside, under its title, so its buttons can always be reached and the
            clerk still sees which dialog it is. */}
        <Primitive.Content className="fixed top-[12vh] left-1/2 z-50 flex max-h-[86vh] w-[calc(100%-2rem)] max-w-lg -translate-x-1/2 flex-col rounded-lg border border-border bg-surface shadow-xl focus:outline-none">
          <div className="flex shrink-0 items-start justify-between gap-4 px-6 pt-6 pb-4">
            <div>
              <Primitive.Title className="text-lg font-semibold">{title}</Primitive.Title>
              {description ? <Primitive.Description className="mt-1 text-sm text-fg-muted">{description}</Primitive.Description> : null}
            </div>
            <Primitive.Close aria-label="Close" className="rounded-md p-1 text-fg-muted hover:bg-muted hover:text-fg">
              <X className="size-4" aria-hidden />
            </Primitive.Close>
          </div>
          <div className="overflow-y-auto px-6 pb-6">{children}</div>
        </Primitive.Content>
      </Primitive.Portal>
    </Primitive.Root>
  );
}

/** A dialog form's buttons: a way out, and the submit that cannot be pressed twice. */
export function DialogActions({
  onCancel,
  submit,
  pending,
  cancel = 'Cancel',
}: {
  onCancel: () => void;
  submit: ReactNode;
  pending: boolean;
  cancel?: string;
}) {
  return (
    <div className="col-span-full flex justify-end gap-2">
      <Button variant="secondary" onClick={onCancel}>
        {cancel}
      </Button>
      <Button type="submit" disabled={pending}>
        {submit}
      </Button>
    </div>
  );
}

/** A yes-or-no question before a status or money change; the dialog is shown while mounted. */
export function ConfirmDialog({
  title,
  description,
  confirm = title,
  keep = 'Keep it',
  onConfirm,
  onClose,
  pending,
  danger = false,
}: {
  title: string;
  description: string;
  confirm?: string;
  keep?: string;
  onConfirm: () => void;
  onClose: () => void;
  pending: boolean;
  danger?: boolean;
}) {
  return (
    <Dialog open onOpenChange={(open) => open || onClose()} title={title} description={description}>
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onClose}>
          {keep}
        </Button>
        <Button onClick={onConfirm} disabled={pending} className={danger ? 'bg-danger text-white' : undefined}>
          {confirm}
        </Button>
      </div>
    </Dialog>
  );
}
