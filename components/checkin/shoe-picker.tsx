'use client';

import Link from 'next/link';
import { Field } from '@/components/ui/field';
import { Select } from '@/components/ui/select';

export interface PickerShoe {
  id: string;
  name: string;
  totalKm: number;
  retiredAt: Date | string | null;
}

const km = (value: number) => `${Math.round(value).toLocaleString('en-GB')} km`;

/**
 * The shoe worn on this run: the athlete's active shoes with the distance on each, plus a
 * retired one only when it is already the shoe stored for the day being edited.
 */
export function ShoePicker({
  id,
  shoes,
  value,
  storedShoeId,
  onChange,
  error,
}: {
  id: string;
  shoes: PickerShoe[];
  value: string | null | undefined;
  /** The shoe already saved for this day (kept selectable even if retired since). */
  storedShoeId: string | null;
  onChange: (shoeId: string | null) => void;
  error?: string;
}) {
  const options = shoes.filter((s) => s.retiredAt === null || s.id === storedShoeId);
  const hint =
    options.length === 0 ? (
      <>
        Track how far your shoes have gone:{' '}
        <Link href="/me#shoes-heading" className="font-medium text-primary underline">
          add a shoe on your page
        </Link>
        .
      </>
    ) : (
      <>
        Distance so far in brackets.{' '}
        <Link href="/me#shoes-heading" className="font-medium text-primary underline">
          Manage shoes
        </Link>
      </>
    );
  return (
    <Field label="Shoe" hint={hint} error={error} id={id}>
      <Select value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">No shoe / not tracked</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({km(s.totalKm)}){s.retiredAt === null ? '' : ', retired'}
          </option>
        ))}
      </Select>
    </Field>
  );
}
