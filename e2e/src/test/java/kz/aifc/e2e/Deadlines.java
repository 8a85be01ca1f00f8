package kz.aifc.e2e;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Regulatory deadlines worked out here, the way the rulebooks state them: this test's own day counting, not the
 * services' code, so a slip in either shows. Asia/Almaty is UTC+05:00 (contract/README.md); a calendar-day period
 * ends 23:59:59.
 */
final class Deadlines {

    static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    static LocalDate almatyDate(OffsetDateTime at) {
        return at.withOffsetSameInstant(ALMATY).toLocalDate();
    }

    /** The end of the N-th calendar day after the Almaty day the duty arose. */
    static OffsetDateTime calendarDaysAfter(OffsetDateTime arose, int n) {
        return almatyDate(arose).plusDays(n).atTime(END_OF_DAY).atOffset(ALMATY);
    }

    /** The start of an Almaty day: a duty due before something takes effect on that day. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ALMATY);
    }
}
