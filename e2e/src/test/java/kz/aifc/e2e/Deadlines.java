package kz.aifc.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.codec.CloudEventCodec;

/**
 * Regulatory deadlines worked out here, the way the rulebooks state them, from the Kazakhstan calendar data
 * ({@code calendar/kz-days-off.json}): this test's own day counting, not the services' code, so a slip in either
 * shows. Asia/Almaty is UTC+05:00 (contract/README.md); close of business 18:00; a calendar-day period ends 23:59:59.
 */
final class Deadlines {

    static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);
    private static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(18, 0);
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final Set<LocalDate> daysOff = new HashSet<>();
    private final Set<LocalDate> workingWeekends = new HashSet<>();

    Deadlines() {
        try (InputStream in = Deadlines.class.getClassLoader().getResourceAsStream("calendar/kz-days-off.json")) {
            JsonNode years = CloudEventCodec.mapper().readTree(in).path("years");
            years.forEach(year -> {
                year.path("daysOff").forEach(d -> daysOff.add(LocalDate.parse(d.asText())));
                year.path("workingWeekends").forEach(d -> workingWeekends.add(LocalDate.parse(d.asText())));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static LocalDate almatyDate(OffsetDateTime at) {
        return at.withOffsetSameInstant(ALMATY).toLocalDate();
    }

    /** Close of business on the N-th Kazakhstan business day after the day the duty arose. */
    OffsetDateTime businessDaysAfter(OffsetDateTime arose, int n) {
        LocalDate day = almatyDate(arose);
        for (int left = n; left > 0;) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day.atTime(CLOSE_OF_BUSINESS).atOffset(ALMATY);
    }

    /** The end of the N-th calendar day after the Almaty day the duty arose. */
    static OffsetDateTime calendarDaysAfter(OffsetDateTime arose, int n) {
        return almatyDate(arose).plusDays(n).atTime(END_OF_DAY).atOffset(ALMATY);
    }

    /** The start of an Almaty day: a duty due before something takes effect on that day. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ALMATY);
    }

    private boolean isBusinessDay(LocalDate day) {
        if (workingWeekends.contains(day)) {
            return true;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !daysOff.contains(day);
    }
}
