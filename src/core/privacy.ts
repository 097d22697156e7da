// Masking of buyers' personal data for screens and logs (Security standard; D6).
export function maskPhone(phone: string | null | undefined): string | null {
  if (!phone) return phone ?? null;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

/**
 * Keeps the province and city (up to the first 市, else 州/盟/地区, within 14 characters) and hides
 * the rest: 浙江省杭州市西湖区… → 浙江省杭州市****; 杭州 inside a name does not end the city.
 */
export function maskAddress(address: string | null | undefined): string | null {
  if (!address) return address ?? null;
  const m = /^(.{2,13}?市)/.exec(address) ?? /^(.{2,13}?(?:州|盟|地区))/.exec(address);
  const keep = m ? m[1]! : address.slice(0, Math.min(3, address.length));
  return `${keep}****`;
}

export function maskName(name: string | null | undefined): string | null {
  if (!name) return name ?? null;
  return `${name.slice(0, 1)}${'*'.repeat(Math.max(1, name.length - 1))}`;
}

/** Replaces phone-like digit runs inside free text (for logs and previews). */
export function maskPhonesInText(text: string): string {
  return text
    .replace(/(?<![\d+])(?:(\+?86)[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g, (_m, cc: string | undefined, a: string, _b, c: string) => `${cc ? `${cc} ` : ''}${a}****${c}`)
    .replace(/(?<!\d)(0\d{2,3})[\s-]?(\d{3,4})[\s-]?(\d{4})(?!\d)/g, (_m, area: string, _b, c: string) => `${area}-****${c}`);
}

// A street address written inside free text (a buyer's note: 请改寄浙江省杭州市西湖区文三路100号3单元):
// an optional province and city, then a district or street and a house number. The province and
// city stay, the rest is hidden, as maskAddress does for an address field.
const HAN = '\\u4e00-\\u9fa5';
const ADDRESS_IN_TEXT = new RegExp(
  `((?:[${HAN}]{2,8}?(?:省|自治区))?(?:[${HAN}]{2,8}?市)?)` +
    `((?:[${HAN}]{1,8}?(?:区|县|旗|镇|乡))?[${HAN}A-Za-z0-9#\\-]{0,24}?(?:路|街|道|巷|弄|胡同|村|小区|大厦|公寓|花园|广场)` +
    `[${HAN}A-Za-z0-9#\\-]{0,16}?\\d+\\s*(?:号|室|栋|幢|单元|楼|层|弄)(?:\\s*[\\dA-Za-z#\\-]+\\s*(?:号|室|栋|幢|单元|楼|层))*)`,
  'g',
);

/** Hides street addresses inside free text, keeping province and city. */
export function maskAddressesInText(text: string): string {
  return text.replace(ADDRESS_IN_TEXT, (_m, keep: string) => `${keep}****`);
}

/** Phones and street addresses inside free text (buyer and seller notes, case notes, exports). */
export function maskPersonalText(text: string): string {
  return maskAddressesInText(maskPhonesInText(text));
}

/**
 * The one place a read model decides what personal data it shows (issue 10, major 8): built once
 * from whether the caller's role may see personal data, then applied to every phone, address,
 * name and free text (notes) the view carries.
 */
export interface PersonalDataMask {
  readonly unmasked: boolean;
  phone(v: string | null | undefined): string | null;
  address(v: string | null | undefined): string | null;
  name(v: string | null | undefined): string | null;
  /** Free text that may contain phones or addresses (notes). */
  text<T extends string | null | undefined>(v: T): T;
}

export function personalDataMask(maySeePersonalData: boolean): PersonalDataMask {
  if (maySeePersonalData) {
    return {
      unmasked: true,
      phone: (v) => v ?? null,
      address: (v) => v ?? null,
      name: (v) => v ?? null,
      text: (v) => v,
    };
  }
  return {
    unmasked: false,
    phone: maskPhone,
    address: maskAddress,
    name: maskName,
    text: <T extends string | null | undefined>(v: T): T => (v ? (maskPersonalText(v) as T) : v),
  };
}

/** An email address for screens and logs: the first character of the name and the domain (z***@example.com). */
export function maskEmail(email: string | null | undefined): string | null {
  if (!email) return email ?? null;
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}
