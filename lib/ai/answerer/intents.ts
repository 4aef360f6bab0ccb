import { normalizeText } from "../normalize";

export type Metric = "ml" | "feeds" | "sleep" | "diapers";
export type Intent =
  | { kind: "last"; metric: "feeds" | "sleep" | "diapers" }
  | { kind: "total"; metric: Metric; period: "today" | "week" }
  | { kind: "breast_balance" }
  | { kind: "next"; what: "feed" | "sleep" }
  | { kind: "growth" }
  | { kind: "normal"; metric: "wet_diapers" | "feeds"; count: number | null; ageDays: number | null }
  | { kind: "help" };

/** Any of these words or phrases (normalised, whole words) in the text. */
const any = (words: string) => new RegExp(`(?<!\\p{L})(?:[وبفلك]?(?:ال)?)(?:${normalizeText(words)})(?!\\p{L})`, "u");

// One list per idea, each in en | es | fr | de | pt-BR | ar (normalised: no accents, lower case).
export const WORDS = {
  ml: any(
    "ml|milliliters?|millilitres?|drink|drank|drunk|milk|oz|ounces?|" +
      "tomo|bebio|leche|mililitros|" +
      "bu|lait|boire|" +
      "getrunken|trinkt|trank|milch|" +
      "bebeu|leite|mamou quanto|" +
      "مل|شرب|حليب",
  ),
  feeds: any(
    "feeds?|feedings?|fed|nursing|nursed|bottles?|ate|eat|" +
      "tomas?|comio|comidas?|biberon(es)?|mamadas?|" +
      "tetees?|repas|biberons?|mange|" +
      "mahlzeit(en)?|gestillt|stillen|flaschen?|gefuttert|fläschchen|flaschchen|" +
      "mamou|alimentacao|mamadeiras?|" +
      "رضعه|رضعات|رضع|وجبه|وجبات|رضاعه",
  ),
  sleep: any(
    "sleep|slept|sleeping|naps?|napped|asleep|" +
      "duerme|dormir|durmio|sueno|siestas?|" +
      "dormi|dort|dormir|sommeil|siestes?|" +
      "schlaf|schlaft|geschlafen|schlafen|nickerchen|mittagsschlaf|" +
      "dormiu|dorme|sono|soneca|cochilo|" +
      "نوم|نام|قيلوله|غفوه",
  ),
  nap: any("naps?|nap time|siesta|sieste|nickerchen|mittagsschlaf|soneca|cochilo|قيلوله|غفوه"),
  diapers: any(
    "diapers?|nappy|nappies|poop|poops|pee|wet|dirty|" +
      "panal(es)?|popo|pipi|caca|mojados?|" +
      "couches?|selles|mouillees?|" +
      "windeln?|nasse|volle|" +
      "fraldas?|coco|xixi|molhadas?|" +
      "حفاض|حفاضات|حفاضه|مبلل|مبلله|مبللا",
  ),
  wet: any("wet|pee|mojados?|pipi|mouillees?|nasse|nassen|molhadas?|xixi|مبلل|مبلله|مبللا|مبلله"),
  last: any(
    "last|latest|did|was|ago|since|" +
      "ultim[oa]|ultima vez|hace cuanto|desde cuando|" +
      "dernier|derniere|depuis quand|il y a combien|" +
      "letzte|letzten|letztes|zuletzt|seit wann|" +
      "ultim[oa]|ha quanto|desde quando|" +
      "اخر|منذ متي|منذ متى",
  ),
  next: any(
    "next|will|probably|likely|expect|predict(ed|ion)?|" +
      "proxim[oa]|siguiente|probablemente|va a|" +
      "prochain|prochaine|probablement|va-t-il|va-t-elle|" +
      "nachste|nachsten|nachstes|wahrscheinlich|wird|" +
      "proxim[oa]|provavelmente|vai|" +
      "القادم|القادمه|التالي|التاليه|متوقع",
  ),
  total: any(
    "how much|how many|how long|total|in total|" +
      "cuanto|cuantos|cuantas|cuanta|total|" +
      "combien|total|au total|" +
      "wie viel|wieviel|wie viele|wie lange|insgesamt|gesamt|" +
      "quanto|quantos|quantas|quanta|total|" +
      "كم|مجموع|اجمالي",
  ),
  average: any(
    "average|avg|per day|a day|promedio|media|al dia|por dia|moyenne|par jour|durchschnitt|pro tag|media|por dia|متوسط|في اليوم",
  ),
  week: any("week|7 days|seven days|semana|7 dias|semaine|7 jours|woche|7 tage|sieben tage|semana|اسبوع|الاسبوع|7 ايام"),
  side: any(
    "sides?|left|right|breasts?|balance|" +
      "lado|lados|pecho|izquierd[oa]|derech[oa]|" +
      "cote|cotes|sein|seins|gauche|droit|" +
      "seite|seiten|brust|links|rechts|" +
      "lado|lados|peito|seio|esquerd[oa]|direit[oa]|" +
      "جهه|جانب|ثدي|الايسر|الايمن",
  ),
  growth: any(
    "percentiles?|centiles?|weight|weigh|growth|length|height|head|" +
      "percentil(es)?|peso|pesa|crecimiento|talla|longitud|" +
      "poids|pese|croissance|taille|" +
      "perzentile?n?|gewicht|wiegt|wachstum|grosse|" +
      "percentil|peso|pesa|crescimento|altura|comprimento|" +
      "مئين|وزن|نمو|طول",
  ),
  ago: any("ago|since|hace cuanto|desde cuando|depuis quand|il y a combien|seit wann|ha quanto|desde quando|منذ"),
  normal: any(
    "normal|normals|normales|normaux|normais|ok|okay|enough|too few|too little|fine|" +
      "normal|suficiente|bien|" +
      "normal|assez|suffisant|" +
      "normal|genug|ausreichend|" +
      "normal|suficiente|" +
      "طبيعي|طبيعيه|كاف|كافي",
  ),
};

const AGE =
  /(\d+)\s*(weeks?|wks?|semanas?|semaines?|wochen?|أسابيع|اسابيع|اسبوع|days?|dias?|jours?|tagen?|ايام|يوم|months?|mes(es)?|mois|monaten?|meses|اشهر|شهر)/u;

/** "at 3 weeks" → 21 days; "2 months" → 61 days. */
function ageDaysIn(text: string): number | null {
  const m = text.match(AGE);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2];
  if (/^(w|sem|woch|اسابيع|اسبوع)/u.test(unit)) return n * 7;
  if (/^(m|اشهر|شهر)/u.test(unit)) return Math.round(n * 30.44);
  return n;
}

/** A count named in the question ("is 5 wet diapers normal") that is not the age. */
function countIn(text: string): number | null {
  const withoutAge = text.replace(AGE, " ");
  const m = withoutAge.match(/(?<![\d.,])(\d{1,2})(?![\d.,])/u);
  return m ? Number(m[1]) : null;
}

/** What a question asks, from its words in any UI language; "help" when nothing fits. */
export function detectIntent(question: string): Intent {
  const t = normalizeText(question);
  const has = (k: keyof typeof WORDS) => WORDS[k].test(t);
  const diapers = has("diapers");
  const sleep = has("sleep");
  const ml = has("ml");
  const feeds = has("feeds") || ml;

  if (has("normal") && (diapers || feeds)) {
    const metric = diapers ? "wet_diapers" : "feeds";
    return { kind: "normal", metric, count: countIn(t), ageDays: ageDaysIn(t) };
  }
  if (has("growth") && !diapers && !sleep && !ml) return { kind: "growth" };
  if (has("side") && (feeds || /breast|pecho|sein|brust|peito|seio|ثدي/u.test(t))) return { kind: "breast_balance" };
  if (has("next") && !/\b(did|was)\b/.test(t) && (sleep || feeds))
    return { kind: "next", what: sleep && !feeds ? "sleep" : has("nap") ? "sleep" : "feed" };
  if (has("ago") && (diapers || sleep || feeds)) return { kind: "last", metric: diapers ? "diapers" : sleep ? "sleep" : "feeds" };
  if (has("last") && !has("week") && (diapers || sleep || feeds) && !has("total"))
    return { kind: "last", metric: diapers ? "diapers" : sleep ? "sleep" : "feeds" };
  if (has("total") || has("average") || has("week")) {
    const period = has("week") || has("average") ? "week" : "today";
    const metric: Metric = diapers ? "diapers" : sleep ? "sleep" : ml ? "ml" : feeds ? "feeds" : "feeds";
    if (diapers || sleep || feeds) return { kind: "total", metric, period };
  }
  if (has("last") && (diapers || sleep || feeds)) return { kind: "last", metric: diapers ? "diapers" : sleep ? "sleep" : "feeds" };
  // "when" with no tense marker: the future is the likelier question at 3 a.m.
  if (/(when|cuando|quand|wann|quando|متي|متى)/u.test(t) && (sleep || feeds)) return { kind: "next", what: sleep ? "sleep" : "feed" };
  return { kind: "help" };
}
