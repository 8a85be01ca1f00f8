package kz.aifc.platform.api;

import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The years a date given to this system may fall in, in a body or a query: no licence, decision, report period or
 * event of a firm licensed today falls outside them, and a year 99999 or 0000 is a typing slip that would otherwise
 * be stored and counted from.
 */
public final class PlausibleDates {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;
    /** What a caller reads after the field's name when a date falls outside. */
    public static final String MESSAGE = "must fall within the years " + FIRST_YEAR + "-" + LAST_YEAR;

    private PlausibleDates() {
    }

    public static boolean plausible(TemporalAccessor date) {
        int year = date.get(ChronoField.YEAR);
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
