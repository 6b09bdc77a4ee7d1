/** Small line icons drawn in SVG (icon glyphs are missing from many offline fonts). Decorative: label the button. */
const common = {
  width: 14,
  height: 14,
  viewBox: '0 0 14 14',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.5,
  'aria-hidden': true,
} as const;

export function DuplicateIcon() {
  return (
    <svg {...common}>
      <rect x="1.5" y="4.5" width="7" height="8" rx="1" />
      <path d="M5 4.5V2.5a1 1 0 0 1 1-1h5.5a1 1 0 0 1 1 1V9a1 1 0 0 1-1 1H8.5" />
    </svg>
  );
}

export function RemoveIcon() {
  return (
    <svg {...common}>
      <path d="M3 3l8 8M11 3l-8 8" />
    </svg>
  );
}
