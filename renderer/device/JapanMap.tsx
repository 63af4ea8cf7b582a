/**
 * The small map of a sign-in request's approximate location: our own outline of Japan's four
 * main islands, drawn from a handful of coastline points (longitude, latitude) — no map tiles,
 * nothing fetched — with a pin near Tokyo, where this simulation's sign-ins come from.
 */
const ISLANDS: [number, number][][] = [
  // Hokkaido
  [[140.0, 41.5], [140.5, 42.5], [139.8, 42.6], [141.3, 43.2], [141.6, 45.4], [142.0, 45.5], [143.2, 44.2], [145.3, 43.6], [145.5, 43.3], [144.0, 42.9], [143.3, 42.0], [141.1, 42.3], [140.9, 41.7]],
  // Honshu
  [
    [141.4, 41.4], [141.5, 40.5], [142.0, 39.6], [141.5, 38.3], [141.0, 37.2], [140.8, 36.2], [140.9, 35.7], [140.4, 35.1], [139.8, 35.0], [139.9, 35.6],
    [139.2, 35.3], [138.8, 34.6], [138.2, 34.6], [137.0, 34.6], [136.8, 34.3], [136.2, 33.6], [135.8, 33.5], [135.1, 33.9], [135.4, 34.6], [134.2, 34.6],
    [133.0, 34.3], [131.9, 33.9], [130.9, 34.0], [131.0, 34.4], [132.4, 35.4], [133.3, 35.6], [134.5, 35.6], [135.8, 35.6], [136.0, 36.0], [136.8, 36.9],
    [136.9, 37.3], [137.3, 37.5], [137.3, 36.8], [138.5, 37.4], [139.4, 38.1], [139.8, 38.9], [140.0, 39.8], [139.9, 40.6], [140.3, 41.2], [141.1, 41.2],
  ],
  // Kyushu
  [[130.9, 33.9], [131.7, 33.5], [131.9, 32.8], [131.4, 31.4], [130.7, 31.0], [130.2, 31.3], [130.2, 32.1], [130.6, 32.8], [129.8, 32.7], [129.6, 33.3], [130.4, 33.6]],
  // Shikoku
  [[132.0, 33.3], [132.7, 32.8], [133.0, 32.7], [134.2, 33.2], [134.7, 33.8], [134.6, 34.2], [133.6, 34.3], [132.6, 34.1]],
];
const TOKYO: [number, number] = [139.7, 35.7];

/** Longitude and latitude to the drawing's units: 12 to a degree, north up. */
function point([lon, lat]: [number, number]): [number, number] {
  return [Math.round((lon - 128.5) * 12 * 10) / 10, Math.round((46 - lat) * 12 * 10) / 10];
}

const PATHS = ISLANDS.map((island) => `M${island.map((p) => point(p).join(' ')).join(' L')} Z`);
const [PIN_X, PIN_Y] = point(TOKYO);

export function JapanMap({ label }: { label: string }) {
  return (
    <svg className="sign-in-map" viewBox="0 0 216 186" role="img" aria-label={label}>
      <rect width="216" height="186" className="sign-in-map__sea" />
      {PATHS.map((d) => (
        <path key={d} d={d} className="sign-in-map__land" />
      ))}
      <circle cx={PIN_X} cy={PIN_Y} r="14" className="sign-in-map__area" />
      <circle cx={PIN_X} cy={PIN_Y} r="4.5" className="sign-in-map__pin" />
    </svg>
  );
}
