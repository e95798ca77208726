import type { ReactNode } from 'react';

/** A plain labelled <select>: keyboard and screen-reader friendly, found by its label in tests. */
export function NativeSelect<V extends string>({
  label,
  value,
  onChange,
  children,
}: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  children: ReactNode;
}) {
  return (
    <label style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span>{label}</span>
      <select
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        style={{
          font: 'inherit',
          padding: '4px 8px',
          border: '1px solid #d9d9d9',
          borderRadius: 6,
          background: '#fff',
        }}
      >
        {children}
      </select>
    </label>
  );
}
