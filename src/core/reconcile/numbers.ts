// The numbers inside a printed string ("4 (63)", "Four of the six", "11.2 months, ranging from 8.1 to 24.2"):
// where they are, their value and printed precision, and the same string reprinted with other values.
import {round} from "../results/format.js";

const WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
const ZERO_WORDS = ["no", "none", "zero"];
const TOKEN = new RegExp(`\\b(?:${[...ZERO_WORDS, ...WORDS.slice(1)].join("|")})\\b|\\d+(?:[.,]\\d+)?`, "gi");

export interface NumberToken {
  text: string;
  index: number;
  value: number;
  /** Decimals printed: the precision the paper rounded to. */
  decimals: number;
  word: boolean;
  /** Printed with a decimal comma ("50,4"). */
  comma: boolean;
}

/** The numbers of a printed string, in order. */
export function numberTokens(printed: string): NumberToken[] {
  return [...printed.matchAll(TOKEN)].map((m) => {
    const text = m[0];
    const lower = text.toLowerCase();
    const word = /^[a-z]/i.test(text);
    const decimals = word ? 0 : (text.split(/[.,]/)[1]?.length ?? 0);
    const value = word ? (ZERO_WORDS.includes(lower) ? 0 : WORDS.indexOf(lower)) : Number(text.replace(",", "."));
    return {text, index: m.index, value, decimals, word, comma: text.includes(",")};
  });
}

/** `value` at the printed precision, as a number (half away from zero, as the paper rounds). */
export function atPrecision(value: number, decimals: number): number {
  return Number(round(value, decimals));
}

/** Whether a printed number is `value` rounded the way it was printed. */
export function printedAs(token: NumberToken, value: number): boolean {
  return atPrecision(value, token.decimals) === token.value;
}

/** `value` written like `token`: a word for a word (capitalised alike), else digits at the token's precision. */
function formatLike(token: NumberToken, value: number): string {
  const rounded = atPrecision(value, token.decimals);
  if (token.word && Number.isInteger(rounded) && rounded >= 0 && rounded < WORDS.length) {
    const word = rounded === 0 && ZERO_WORDS.includes(token.text.toLowerCase()) ? token.text.toLowerCase() : WORDS[rounded]!;
    return /^[A-Z]/.test(token.text) ? word[0]!.toUpperCase() + word.slice(1) : word;
  }
  const digits = round(value, token.decimals);
  return token.comma ? digits.replace(".", ",") : digits;
}

/** The printed string with each of its numbers replaced by the recomputed value, printed alike. */
export function reprint(printed: string, values: readonly number[]): string {
  const tokens = numberTokens(printed);
  if (tokens.length !== values.length) throw new Error(`"${printed}" has ${tokens.length} numbers, ${values.length} values given`);
  let out = "";
  let at = 0;
  tokens.forEach((token, i) => {
    out += printed.slice(at, token.index) + formatLike(token, values[i]!);
    at = token.index + token.text.length;
  });
  return out + printed.slice(at);
}
