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
  return text.replace(/(?<!\d)(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?!\d)/g, (_m, a: string, _b, c: string) => `${a}****${c}`);
}
