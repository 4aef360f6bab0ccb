/** Display units per user setting; storage stays SI (lib/activities/schema.ts). */
export type UnitSystem = "metric" | "imperial";
export type Quantity = "volume" | "food" | "weight" | "length" | "duration" | "temperature";

type Scale = { unit: string; factor: number; decimals: number };

// factor: storage units per display unit (1 oz = 29.5735 ml, 1 lb = 453.592 g, 1 in = 25.4 mm).
const SCALES: Record<Exclude<Quantity, "temperature">, Record<UnitSystem, Scale>> = {
  volume: { metric: { unit: "ml", factor: 1, decimals: 0 }, imperial: { unit: "oz", factor: 29.5735, decimals: 1 } },
  food: { metric: { unit: "g", factor: 1, decimals: 0 }, imperial: { unit: "oz", factor: 28.3495, decimals: 1 } },
  weight: { metric: { unit: "kg", factor: 1000, decimals: 3 }, imperial: { unit: "lb", factor: 453.592, decimals: 2 } },
  length: { metric: { unit: "cm", factor: 10, decimals: 1 }, imperial: { unit: "in", factor: 25.4, decimals: 1 } },
  duration: { metric: { unit: "min", factor: 60, decimals: 0 }, imperial: { unit: "min", factor: 60, decimals: 0 } },
};

/** The unit label key under the "units" messages namespace. */
export function displayUnit(quantity: Quantity, system: UnitSystem): string {
  if (quantity === "temperature") return system === "imperial" ? "fahrenheit" : "celsius";
  return SCALES[quantity][system].unit;
}

export function toStorage(quantity: Quantity, system: UnitSystem, value: number): number {
  if (quantity === "temperature") return system === "imperial" ? round(((value - 32) * 5) / 9, 2) : value;
  // Storage keeps a tenth of a unit at most: ml, g and mm do not need more.
  return round(value * SCALES[quantity][system].factor, 1);
}

export function fromStorage(quantity: Quantity, system: UnitSystem, value: number): number {
  if (quantity === "temperature") return system === "imperial" ? round((value * 9) / 5 + 32, 1) : round(value, 1);
  const scale = SCALES[quantity][system];
  return round(value / scale.factor, scale.decimals);
}

function round(value: number, decimals: number): number {
  const p = 10 ** decimals;
  return Math.round(value * p) / p;
}
