import { formatKm } from './format';

const BAR = 3;
const GAP = 1;

/**
 * Daily km as tiny bars, oldest first: the last 7 days solid, the 7 before them faint, so "this
 * week against last" reads at a glance. Empty days keep a baseline tick, so the bar never changes
 * width or height when values change. The numbers are in the accessible name.
 */
export function SparkBar({
  values,
  height = 20,
  className,
}: {
  values: readonly number[];
  height?: number;
  className?: string;
}) {
  const max = Math.max(...values, 0);
  const width = values.length * (BAR + GAP) - GAP;
  const label = `Daily km, last ${values.length} days, oldest first: ${values
    .map((v) => (v > 0 ? formatKm(v) : '0'))
    .join(', ')}`;
  const recentFrom = values.length - 7;
  return (
    <svg
      role="img"
      aria-label={label}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      className={className}
    >
      {values.map((v, i) => {
        const h = max > 0 && v > 0 ? Math.max(2, Math.round((v / max) * (height - 1))) : 1;
        return (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the 14 day slots are fixed positions
            key={i}
            x={i * (BAR + GAP)}
            y={height - h}
            width={BAR}
            height={h}
            rx={1}
            className={
              v > 0
                ? i >= recentFrom
                  ? 'fill-primary'
                  : 'fill-primary/35'
                : 'fill-muted-foreground/40'
            }
          />
        );
      })}
    </svg>
  );
}
