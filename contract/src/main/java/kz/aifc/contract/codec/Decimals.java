package kz.aifc.contract.codec;

import java.math.BigDecimal;

/** The contract's decimal grammar: a JSON number without exponent, at most 18 decimal places. */
final class Decimals {

    static final int MAX_FRACTION_DIGITS = 18;
    /** Same ceiling Jackson puts on number tokens; a longer string would only cost CPU in BigDecimal. */
    static final int MAX_LENGTH = 1000;

    private Decimals() {
    }

    /**
     * Parses without regex or intermediate String, since this runs for every amount on the hot path.
     *
     * @throws IllegalArgumentException whose message says what is wrong with the text
     */
    static BigDecimal parse(char[] buf, int offset, int length) {
        if (length == 0) {
            throw new IllegalArgumentException("must not be an empty string");
        }
        if (length > MAX_LENGTH) {
            throw new IllegalArgumentException("longer than " + MAX_LENGTH + " characters");
        }
        int end = offset + length;
        int i = offset;
        if (buf[i] == '-') {
            i++;
        }
        int intStart = i;
        while (i < end && isDigit(buf[i])) {
            i++;
        }
        int intDigits = i - intStart;
        int fractionDigits = 0;
        boolean wellFormed = intDigits > 0;
        if (wellFormed && i < end && buf[i] == '.') {
            i++;
            int fractionStart = i;
            while (i < end && isDigit(buf[i])) {
                i++;
            }
            fractionDigits = i - fractionStart;
            wellFormed = fractionDigits > 0;
        }
        if (!wellFormed || i < end) {
            throw new IllegalArgumentException(problem(new String(buf, offset, length)));
        }
        if (intDigits > 1 && buf[intStart] == '0') {
            throw new IllegalArgumentException("leading zeros are not allowed ("
                    + Texts.quote(new String(buf, offset, length)) + ")");
        }
        if (fractionDigits > MAX_FRACTION_DIGITS) {
            throw new IllegalArgumentException("more than " + MAX_FRACTION_DIGITS + " decimal places ("
                    + Texts.quote(new String(buf, offset, length)) + ")");
        }
        return new BigDecimal(buf, offset, length);
    }

    private static String problem(String text) {
        String unsigned = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (unsigned.equalsIgnoreCase("NaN") || unsigned.equalsIgnoreCase("Infinity")
                || unsigned.equalsIgnoreCase("INF")) {
            return "NaN and Infinity are not allowed (" + Texts.quote(text) + ")";
        }
        if (!unsigned.isEmpty() && (isDigit(unsigned.charAt(0)) || unsigned.charAt(0) == '.')
                && (unsigned.indexOf('e') >= 0 || unsigned.indexOf('E') >= 0)) {
            return "exponent notation is not allowed for money and other decimals (" + Texts.quote(text) + ")";
        }
        return "not a decimal number (" + Texts.quote(text) + ")";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
