package kz.aifc.capital.reports;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.aifc.platform.api.PlausibleDates;
import kz.aifc.platform.api.ProblemException;
import kz.aifc.platform.time.BusinessCalendar;

/** A calendar quarter written {@code 2026-Q3}, bounded in Asia/Almaty (the contract's regulatory calendar). */
public record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    /** Parses a query parameter, or answers 400 naming {@code quarter}. */
    public static Quarter parse(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.badRequest("quarter", "is required, e.g. 2026-Q3");
        }
        Matcher m = FORMAT.matcher(text.trim());
        if (!m.matches()) {
            throw ProblemException.badRequest("quarter", "must be YYYY-Qn with n from 1 to 4, e.g. 2026-Q3 (was '"
                    + text + "')");
        }
        Quarter quarter = new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        if (!PlausibleDates.plausible(quarter.firstDay())) {
            throw ProblemException.badRequest("quarter", PlausibleDates.MESSAGE + " (was '" + text + "')");
        }
        return quarter;
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public OffsetDateTime start() {
        return firstDay().atStartOfDay(BusinessCalendar.ALMATY).toOffsetDateTime();
    }

    /** Exclusive end: midnight starting the next quarter. */
    public OffsetDateTime end() {
        return firstDay().plusMonths(3).atStartOfDay(BusinessCalendar.ALMATY).toOffsetDateTime();
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
