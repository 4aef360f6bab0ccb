import { matchesAny, normalizeText } from "./normalize";

/**
 * Red-flag triage: deterministic, runs on every question before the answerer or any model.
 * A hit puts the urgent-care message first in the answer. The flags follow:
 * - NICE NG143, "Fever in under 5s" (2019, updated 2021), traffic-light table, "red" features:
 *   under 3 months with a temperature ≥ 38 °C; pale/mottled/ashen/blue skin, lips or tongue; no
 *   response to social cues, does not wake or stay awake if roused; grunting, respiratory rate
 *   > 60/min, moderate or severe chest indrawing; reduced skin turgor; non-blanching rash;
 *   bulging fontanelle; neck stiffness; status epilepticus / focal seizures; bile-stained vomiting.
 * - AAP HealthyChildren.org, "Fever and Your Baby" and "When to Call the Pediatrician":
 *   100.4 °F (38.0 °C) or higher under 3 months → call right away; trouble breathing, blue lips,
 *   limp or unresponsive, seizure, signs of dehydration (no wet diaper in 8 hours or more, sunken
 *   soft spot, no tears) → emergency care.
 * - NHS, "Baby and toddler safety: when to call 999 / go to A&E" (nhs.uk): seizure, not
 *   responding or very hard to wake, struggling to breathe, blue/grey/pale/blotchy skin, lips or
 *   tongue, rash that does not fade under a glass, choking, green vomit (bowel obstruction).
 * It errs towards flagging: a false urgent message costs a moment, a missed one may cost more.
 */
export type TriageFlag =
  | "fever_under_3_months"
  | "breathing"
  | "blue_lips"
  | "unresponsive"
  | "seizure"
  | "dehydration"
  | "bilious_vomiting"
  | "non_blanching_rash"
  | "bulging_fontanelle"
  | "stiff_neck"
  | "choking"
  | "blood_vomit";

export const TRIAGE_SOURCES = [
  "NICE NG143 Fever in under 5s (traffic-light system)",
  "AAP HealthyChildren.org: Fever and Your Baby; When to Call the Pediatrician",
  "NHS: when to call 999 or go to A&E for a baby",
];

export type TriageResult = { urgent: boolean; flags: TriageFlag[]; sources: string[] };

/** A phrase as whole words; an Arabic phrase may carry a clitic prefix (و ب ف ل ك, ال). */
const w = (s: string) => new RegExp(`(?<!\\p{L})(?:[وبفلك]?(?:ال)?)(${normalizeText(s)})(?!\\p{L})`, "u");
const IS = "(?:is |are |looks |look |esta |estan |estao |est |sont |ist |sind |parece )?";

/** Phrasings per flag in en, es, fr, de, pt-BR and ar, written normalised (normalize.ts). */
const PHRASES: Record<Exclude<TriageFlag, "fever_under_3_months" | "dehydration">, RegExp[]> = {
  breathing: [
    w("(trouble|difficulty|struggling|struggles|hard time|problems?) (with )?breathing"),
    w("(can'?t|cannot|can not|isn'?t|is not|not|stopped|stops) breath(e|ing)"),
    w("gasping( for air)?|grunting (with|when) (each )?breath|ribs (are )?sucking in|breathing (very )?(fast|hard) and"),
    w(
      "(dificultad|dificultades|problemas?) (para|al) respirar|(no puede|no|le cuesta|deja de) respirar|no respira|respira con dificultad|se ahoga",
    ),
    w(
      "(du )?mal a respirer|difficulte(s)? (a|pour) respirer|ne respire (pas|plus)|respire (tres )?mal|n'arrive pas a respirer|detresse respiratoire",
    ),
    w("atemnot|atembeschwerden|(schwer|kaum|nicht) (mehr )?atmen|atmet (nicht|kaum|schwer)|bekommt (keine|kaum) luft|ringt nach luft"),
    w(
      "dificuldade (para|de|em) respirar|(nao consegue|parou de) respirar|nao (esta )?respira(ndo)?|falta de ar|respirando com dificuldade",
    ),
    w("صعوبه (في )?التنفس|لا يتنفس|لا تتنفس|ضيق (في )?(ال)?تنفس|يختنق (و|ولا)|توقف عن التنفس"),
  ],
  blue_lips: [
    w(
      "(blue|grey|gray|bluish|purple) (lips|tongue|face)|lips (are |look |turned |turning |went )?(blue|grey|gray|bluish|purple)|turn(ed|ing|s)? blue|blue around the (mouth|lips)",
    ),
    w(`labios ${IS}(azules|morados|grises|azulados)|(se (pone|puso|esta poniendo)|esta) (azul|morado)`),
    w("levres (bleues|grises|violettes|bleutees)|(devient|est devenu|devenue) (bleu|bleue)"),
    w("(blaue|graue|lila) lippen|lippen (sind |werden )?(blau|grau|lila)|lauft blau an|blau angelaufen"),
    w(`labios ${IS}(azuis|roxos|cinzentos|arroxeados)|(ficando|ficou) (roxo|roxa|azul)`),
    w("شفاه (زرقاء|رماديه)|الشفاه (زرقاء|رماديه)|شفتاه زرقاوان|شفتاها زرقاوان|ازرقاق|ازرق لونه|ازرقت شفتاه"),
  ],
  unresponsive: [
    w(
      "unresponsive|not respond(ing)?|(won'?t|will not|can'?t|cannot|can not|doesn'?t|does not) wake( up)?|(very |really )?(hard|difficult) to wake|limp|floppy|passed out|unconscious",
    ),
    w(
      "no (me )?responde|(no|no se) (se )?despierta|no (puedo|consigo) despertar(lo|la)|(muy )?dificil de despertar|inconsciente|flacido|desmayado",
    ),
    w("ne (me )?repond (pas|plus)|ne se reveille (pas|plus)|difficile a reveiller|n'arrive pas a (le |la )?reveiller|inconscient|tout mou"),
    w("reagiert (nicht|kaum)|wacht nicht (mehr )?auf|(schwer|kaum|nicht) (zu|aufzu)wecken|bewusstlos|ganz schlaff"),
    w("nao (esta )?respond(e|endo)|nao acorda|(muito )?dificil de acordar|nao consigo acordar|desacordado|inconsciente|muito mole"),
    w("لا يستجيب|لا تستجيب|لا يستيقظ|لا تستيقظ|(يصعب|صعب) ايقاظ(ه|ها)?|فاقد الوعي|مرتخي"),
  ],
  seizure: [
    w("seizures?|convuls(ion|ions|ing|ed)|having a fit|fitting|shaking (all over|uncontrollably)|jerking (movements|all over)"),
    w("convulsion(es)?|convulsiona(ndo)?|crisis (convulsiva|epileptica)|ataque epileptico"),
    w("convulsions?|convulse|crise (convulsive|d'epilepsie)"),
    w("krampfanfall|krampfanfalle|fieberkrampf|krampft|zuckt am ganzen korper"),
    w("convuls(ao|oes|ionando|ionou)|crise convulsiva"),
    w("تشنج|تشنجات|نوبه صرع|نوبه تشنج"),
  ],
  bilious_vomiting: [
    w(
      "(green|bilious|yellow-green|dark green) (vomit|vomiting|sick|spit-?up)|(vomit|vomiting|throwing up|threw up|sick) (is |was )?(bright |dark )?green|vomiting bile",
    ),
    w("vomito(s)? (verde|verdes|bilioso)|vomita(ndo)? (algo )?verde|vomito bilis"),
    w("vomi(ssements?)? (vert|verts|bilieux)|vomit (du )?vert"),
    w("grun(es|em)? erbrechen|erbricht (etwas )?grun|grun erbrochen|galle erbrochen"),
    w("vomito(s)? (verde|verdes)|vomitando verde|vomitou verde"),
    w("(قيء|تقيؤ|استفراغ|ترجيع) (اخضر|صفراوي)|يتقيا (شيئا )?اخضر"),
  ],
  non_blanching_rash: [
    w("rash (that )?(doesn'?t|does not|won'?t|will not) (fade|go away) (when|under)|glass test|non-?blanching"),
    w("(manchas|sarpullido|erupcion) que no desaparece(n)? al (presionar|apretar)|prueba del vaso"),
    w("(taches|eruption|boutons) qui ne (s'effacent|disparaissent) pas|test du verre"),
    w("glastest|ausschlag,? de(r|n) (man )?(beim drucken )?nicht (verschwindet|wegdrucken)"),
    w("manchas que nao (desaparecem|somem)|teste do copo"),
    w("طفح (جلدي )?لا يختفي"),
  ],
  bulging_fontanelle: [
    w("bulging (soft spot|fontanel(le)?)|(soft spot|fontanel(le)?) (is )?bulging"),
    w("(fontanela|mollera) (abombada|abultada|hinchada)"),
    w("fontanelle bombee"),
    w("(vorgewolbte|gewolbte) fontanelle"),
    w("moleira (estufada|inchada|abaulada)|fontanela abaulada"),
    w("يافوخ منتفخ|اليافوخ منتفخ"),
  ],
  stiff_neck: [
    w("stiff neck|neck (is )?stiff"),
    w("rigidez (de|en la) nuca|cuello rigido"),
    w("(cou|nuque) raide"),
    w("nackensteife|steifer nacken"),
    w("rigidez (na|de) nuca|pescoco duro"),
    w("تيبس (في )?الرقبه|تصلب الرقبه"),
  ],
  choking: [
    w("(is |he'?s |she'?s )?choking"),
    w("(se esta )?atragantando|atragantado"),
    w("s'etouffe"),
    w("erstickt"),
    w("engasgad[oa]|engasgando"),
    w("يختنق|تختنق"),
  ],
  blood_vomit: [
    w("(vomit|vomiting|throwing up|threw up) blood|blood in (the |his |her )?vomit"),
    w("vomit(a|o|ando) sangre"),
    w("vomi(t)? du sang"),
    w("erbricht blut|blut erbrochen"),
    w("vomit(a|ou|ando) sangue"),
    w("(يتقيا|تتقيا|يستفرغ) دم"),
  ],
};

/** Dehydration: sunken soft spot, no tears, "dehydrated"; and no wet diaper for 8 h or more. */
const DEHYDRATION: RegExp[] = [
  w(`sunken (soft spot|fontanel(le)?|eyes)|(soft spot|fontanel(le)?)( on (his|her|the) head)? ${IS}sunken|dehydrat(ed|ion)|no tears`),
  w(`(fontanela|mollera) ${IS}hundida|deshidrata(do|da|cion)|llora sin lagrimas|ojos hundidos`),
  w("fontanelle (creusee|enfoncee)|deshydrat(e|ee|ation)|pleure sans larmes|yeux creuses"),
  w("eingefallene fontanelle|dehydriert|ausgetrocknet|weint ohne tranen|eingefallene augen"),
  w(`(moleira|fontanela) ${IS}(afundada|funda)|desidrata(do|da|cao)|chora sem lagrimas|olhos fundos`),
  w("يافوخ (غائر|منخفض)|اليافوخ (غائر|منخفض)|جفاف|يبكي بدون دموع"),
];
const NO_WET: RegExp[] = [
  w("no wet (diapers?|nappy|nappies)|(hasn'?t|has not|hasn'?t had|didn'?t|did not|not) (had a )?(wet|peed|pee|urinated)|no (pee|urine)"),
  w("(sin|ningun) panal mojado|no (ha )?(mojado|moja) (el|ningun) panal|no ha hecho pis|no ha orinado|no orina"),
  w("(pas de|aucune) couche mouillee|n'a pas (fait pipi|urine)|ne fait plus pipi"),
  w("keine nasse windel|(nicht|kein) (mehr )?(gepinkelt|uriniert|pipi)"),
  w("(sem|nenhuma) fralda molhada|nao (fez|faz) xixi|nao urinou"),
  w("(لا|لم) (يبلل|تبلل|يتبول|تتبول|يبول)|لا حفاض مبلل|بدون حفاض مبلل"),
];
const HOURS = /(\d+(?:[.,]\d+)?)\s*(?:h\b|hrs?\b|hours?|horas?|heures?|stunden?|std\b|ساعه|ساعات)/u;

const FEVER_WORDS = [
  w("fever|feverish|temperature|temp|febrile|hot to the touch"),
  w("fiebre|calentura|temperatura|febril"),
  w("fievre|temperature|fiebvre"),
  w("fieber|temperatur|fiebrig"),
  w("febre|temperatura|febril"),
  w("حمى|حراره|سخونه|سخن"),
];
const NEGATED_FEVER = [
  w("(no|without|not a|hasn'?t got a|doesn'?t have a|hasn'?t had a|no sign of) (fever|temperature)"),
  w("(sin|no tiene|no hay) (fiebre|calentura)"),
  w("(pas de|sans|aucune) fievre|n'a pas de fievre"),
  w("(kein|keine|ohne) fieber|hat kein fieber"),
  w("(sem|nao tem|nao esta com) febre"),
  w("(لا|بدون|ليس لديه|ليس عنده) (حمى|حراره)"),
];

/** A temperature named in the question, in °C: "38.2", "38,5 °C", "101 F", "100.4°F". */
export function temperatureInQuestion(normalized: string): number | null {
  let best: number | null = null;
  for (const m of normalized.matchAll(
    /(\d{2,3}(?:[.,]\d{1,2})?)\s*(?:°|º|deg(?:rees?)?|grad(?:os)?|graus?|degres?|درجه)?\s*(c|f|celsius|fahrenheit)?(?![\p{L}\d])/gu,
  )) {
    const value = Number(m[1].replace(",", "."));
    const unit = m[2]?.[0];
    let celsius: number | null = null;
    if (unit === "f" || (!unit && value >= 95 && value <= 110)) celsius = ((value - 32) * 5) / 9;
    else if (unit === "c" || (!unit && value >= 35 && value <= 43)) celsius = value;
    if (celsius !== null && celsius >= 34 && celsius <= 45) best = Math.max(best ?? 0, Math.round(celsius * 100) / 100);
  }
  return best;
}

/** Under 3 calendar months at `now` (AAP, NICE: the age band where any fever is high risk). */
export function isUnderThreeMonths(birthDate: string, now: Date): boolean {
  const [y, m, d] = birthDate.split("-").map(Number);
  return now.getTime() < Date.UTC(y, m - 1 + 3, d);
}

export const FEVER_CELSIUS = 38.0;

/**
 * The red flags in a question, given the child's birth date and the temperatures logged in the
 * last 24 hours (°C). Pure and fast: it runs on every message.
 */
export function triageQuestion({
  question,
  birthDate,
  now = new Date(),
  recentTemperaturesC = [],
}: {
  question: string;
  birthDate?: string | null;
  now?: Date;
  recentTemperaturesC?: number[];
}): TriageResult {
  const text = normalizeText(question);
  const flags: TriageFlag[] = [];
  for (const [flag, patterns] of Object.entries(PHRASES) as [TriageFlag, RegExp[]][]) if (matchesAny(text, patterns)) flags.push(flag);

  if (matchesAny(text, DEHYDRATION)) flags.push("dehydration");
  else if (matchesAny(text, NO_WET)) {
    const hours = text.match(HOURS);
    if (!hours || Number(hours[1].replace(",", ".")) >= 8) flags.push("dehydration");
  }

  const infant = birthDate ? isUnderThreeMonths(birthDate, now) : false;
  if (infant) {
    const asked = temperatureInQuestion(text);
    const feverWord = matchesAny(text, FEVER_WORDS) && !matchesAny(text, NEGATED_FEVER);
    const logged = recentTemperaturesC.some((c) => c >= FEVER_CELSIUS);
    if ((asked !== null && asked >= FEVER_CELSIUS) || (asked === null && feverWord) || logged) flags.push("fever_under_3_months");
  }
  return { urgent: flags.length > 0, flags, sources: flags.length ? TRIAGE_SOURCES : [] };
}
