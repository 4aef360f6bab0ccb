/** The common food allergens introduced one by one (the "big nine"); free of zod so forms can import it. */
export const allergens = ["milk", "egg", "peanut", "tree_nut", "sesame", "soy", "wheat", "fish", "shellfish"] as const;
export type Allergen = (typeof allergens)[number];
