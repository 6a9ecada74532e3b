'use client';

import { useFormContext } from 'react-hook-form';
import { customBoundsMm, customPaper, papers, parsePaper } from '@/server/documents/paper';
import { Field, Input, inputClass } from '../../_components/ui/field';
import { useField, useFieldError } from '../../_components/ui/form';

const POINTS_PER_MM = 72 / 25.4;
const mm = (points: number) => Math.round(points / POINTS_PER_MM);

/**
 * The default paper for documents, with a live preview of its shape: a sheet drawn to scale, or
 * a receipt roll whose height follows the content. Custom sizes are typed in millimetres. Its
 * fields (paper_size, custom_paper_mm) belong to the form around it.
 */
export function PaperPicker() {
  const { watch } = useFormContext<{ paper_size: string; custom_paper_mm: { width: string; height: string } }>();
  const [choice, size] = watch(['paper_size', 'custom_paper_mm']);
  const { initial: initialChoice, ...choiceField } = useField('paper_size');
  const { initial: initialWidth, ...widthField } = useField('custom_paper_mm.width');
  const { initial: initialHeight, ...heightField } = useField('custom_paper_mm.height');
  const errors = [useFieldError('paper_size'), useFieldError('custom_paper_mm.width'), useFieldError('custom_paper_mm.height')];
  const error = errors.find(Boolean);
  const paper = choice === 'custom' ? customPaper(Number(size.width), Number(size.height)) : parsePaper(choice);
  const scale = paper ? 110 / Math.max(paper.widthPt, paper.heightPt ?? paper.widthPt * 2.2) : 0;

  return (
    <div className="col-span-full grid gap-4 sm:grid-cols-[1fr_auto]">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Paper size" name="paper_size" error={error}>
          <select id="paper_size" className={inputClass} aria-invalid={error ? true : undefined} defaultValue={initialChoice as string} {...choiceField}>
            {papers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value="custom">Custom size…</option>
          </select>
        </Field>
        {choice === 'custom' ? (
          <>
            <Field label="Width (mm)" name="custom_paper_mm.width">
              <Input
                id="custom_paper_mm.width"
                type="number"
                min={customBoundsMm.min}
                max={customBoundsMm.max}
                defaultValue={initialWidth as string}
                {...widthField}
              />
            </Field>
            <Field label="Height (mm)" name="custom_paper_mm.height">
              <Input
                id="custom_paper_mm.height"
                type="number"
                min={customBoundsMm.min}
                max={customBoundsMm.max}
                defaultValue={initialHeight as string}
                {...heightField}
              />
            </Field>
          </>
        ) : null}
      </div>
      <figure className="flex items-end gap-3" aria-label="Paper preview">
        {paper ? (
          <>
            <div
              className="rounded-sm border border-border bg-white shadow-sm"
              style={{
                width: paper.widthPt * scale,
                height: (paper.heightPt ?? paper.widthPt * 2.2) * scale,
                ...(paper.heightPt === null ? { maskImage: 'linear-gradient(to bottom, black 70%, transparent)' } : {}),
              }}
            />
            <figcaption className="text-xs text-fg-muted" data-testid="paper-preview">
              {paper.heightPt === null ? `${mm(paper.widthPt)} mm wide, as long as the content` : `${mm(paper.widthPt)} × ${mm(paper.heightPt)} mm`}
            </figcaption>
          </>
        ) : (
          <figcaption className="text-xs text-danger">
            between {customBoundsMm.min} and {customBoundsMm.max} mm each way
          </figcaption>
        )}
      </figure>
    </div>
  );
}
