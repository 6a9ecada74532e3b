'use client';

import { useState } from 'react';
import { customBoundsMm, customPaper, parsePaper, papers } from '@/server/documents/paper';
import { Field, Input, inputClass } from '../../_components/ui/field';

const POINTS_PER_MM = 72 / 25.4;
const mm = (points: number) => Math.round(points / POINTS_PER_MM);

/**
 * The default paper for documents, with a live preview of its shape: a sheet drawn to scale, or
 * a receipt roll whose height follows the content. Custom sizes are typed in millimetres.
 */
export function PaperPicker({ value, custom, error }: { value: string; custom: { width: number; height: number } | undefined; error?: string | undefined }) {
  const known = parsePaper(value);
  const [choice, setChoice] = useState(value.toLowerCase() === 'custom' || !known ? 'custom' : known.id);
  const [size, setSize] = useState({ width: String(custom?.width ?? 100), height: String(custom?.height ?? 150) });
  const paper = choice === 'custom' ? customPaper(Number(size.width), Number(size.height)) : parsePaper(choice);
  const scale = paper ? 110 / Math.max(paper.widthPt, paper.heightPt ?? paper.widthPt * 2.2) : 0;

  return (
    <div className="col-span-full grid gap-4 sm:grid-cols-[1fr_auto]">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field label="Paper size" name="paper_size" error={error}>
          <select id="paper_size" name="paper_size" className={inputClass} value={choice} onChange={(e) => setChoice(e.target.value)}>
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
              <Input id="custom_paper_mm.width" name="custom_paper_mm.width" type="number" min={customBoundsMm.min} max={customBoundsMm.max} value={size.width} onChange={(e) => setSize((s) => ({ ...s, width: e.target.value }))} />
            </Field>
            <Field label="Height (mm)" name="custom_paper_mm.height">
              <Input id="custom_paper_mm.height" name="custom_paper_mm.height" type="number" min={customBoundsMm.min} max={customBoundsMm.max} value={size.height} onChange={(e) => setSize((s) => ({ ...s, height: e.target.value }))} />
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
