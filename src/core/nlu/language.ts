// Language of one buyer message (issue 12): Chinese and English are understood; Spanish,
// Portuguese, Russian and French (what AliExpress buyers also write) are recognised so that a
// person who reads them is called, with the language named. Cheap: one pass over the characters
// and a few stop-word tests on Latin text, no model.

export const MESSAGE_LANGUAGES = ['zh', 'en', 'es', 'pt', 'ru', 'fr'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];
/** Languages the bot answers itself; the others are handed over. */
export const ANSWERED_LANGUAGES: ReadonlySet<MessageLanguage> = new Set(['zh', 'en']);

export const LANGUAGE_NAMES_ZH: Record<MessageLanguage, string> = {
  zh: '中文',
  en: '英语',
  es: '西班牙语',
  pt: '葡萄牙语',
  ru: '俄语',
  fr: '法语',
};

export const LANGUAGE_NAMES_EN: Record<MessageLanguage, string> = {
  zh: 'Chinese',
  en: 'English',
  es: 'Spanish',
  pt: 'Portuguese',
  ru: 'Russian',
  fr: 'French',
};

// Stop words and shop words that tell the Romance languages from English and from each other.
// Each list holds words frequent in buyer messages of that language and rare in the others.
const WORDS: Record<'en' | 'es' | 'pt' | 'fr', ReadonlySet<string>> = {
  en: new Set(
    'the is are my i you it this that what when where how why do does did can could will would have has not no yes please hello hi thanks thank order parcel package item size color colour ship shipping delivery refund return received still and for with of to a an me your any there was still yet'.split(
      ' ',
    ),
  ),
  es: new Set(
    'el la los las mi mis es está esta este qué que cuándo cuando dónde donde cómo como por para pedido paquete hola gracias todavía aún no sí recibido recibí envío talla tengo puedo quiero usted ustedes con del muy llegó llega cuanto cuánto hay'.split(
      ' ',
    ),
  ),
  pt: new Set(
    'o a os as meu minha é está esse essa isso quando onde como por para pedido pacote olá obrigado obrigada ainda não sim recebi recebido envio tamanho tenho posso quero você vocês com do da muito chegou chega quanto'.split(
      ' ',
    ),
  ),
  fr: new Set(
    'le la les mon ma mes est cette ce quoi quand où comment pour commande colis bonjour merci toujours pas oui reçu livraison taille je tu vous avec du des très arrivé encore combien il elle'.split(
      ' ',
    ),
  ),
};

const ES_MARKS = /[ñ¿¡]/u;
const PT_MARKS = /[ãõç]|ção\b|ções\b/u;
const FR_MARKS = /[èêëàâîïôûùœ]|\b(c'|j'|l'|d'|n'|qu')/u;

/**
 * The language of a message. Han characters make it Chinese even amid Latin words ("XL码有吗",
 * "order号多少"); Cyrillic makes it Russian; Latin text is scored by stop words and accents.
 * Messages with no letters at all (digits, emoji) read as Chinese, the product's default.
 */
export function detectLanguage(text: string): MessageLanguage {
  let han = 0;
  let cyr = 0;
  let latin = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c >= 0x0400 && c <= 0x04ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f)) latin++;
  }
  if (han > 0 && han * 3 >= latin) return 'zh';
  if (cyr > latin && cyr >= 2) return 'ru';
  if (latin < 2) return han > 0 ? 'zh' : cyr > 0 ? 'ru' : 'zh';
  const lower = text.toLowerCase();
  const words = lower.split(/[^a-zà-ÿœç']+/u).filter(Boolean);
  const score = { en: 0, es: 0, pt: 0, fr: 0 };
  for (const w of words) {
    for (const lang of ['en', 'es', 'pt', 'fr'] as const) if (WORDS[lang].has(w)) score[lang]++;
  }
  if (ES_MARKS.test(lower)) score.es += 2;
  if (PT_MARKS.test(lower)) score.pt += 2;
  if (FR_MARKS.test(lower)) score.fr += 2;
  // English wins ties: cross-border buyers of every country fall back to it.
  let best: 'en' | 'es' | 'pt' | 'fr' = 'en';
  for (const lang of ['es', 'pt', 'fr'] as const) if (score[lang] > score[best]) best = lang;
  if (han > 0 && best === 'en') return 'zh';
  return best;
}
