package kz.aifc.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

/** Deadlines in Kazakhstan business days (DESIGN.md "Time"; domain-facts.md G8, G9). */
class BusinessCalendarTest {

    private final BusinessCalendar calendar = BusinessCalendar.kazakhstan();

    @Test
    void shouldPutOneBusinessDayFromFridayEveningAtMondayCloseOfBusiness() {
        Instant friday = OffsetDateTime.parse("2026-11-20T17:00:03+05:00").toInstant();
        assertThat(calendar.deadline(friday, 1)).isEqualTo(OffsetDateTime.parse("2026-11-23T18:00:00+05:00"));
    }

    @Test
    void shouldSkipNauryzDaysOff() {
        // Fri 20 Mar 2026 -> Mon 23, Tue 24, Wed 25 Mar are days off (G8) -> Thu 26 Mar.
        assertThat(calendar.addBusinessDays(LocalDate.parse("2026-03-20"), 1)).isEqualTo(LocalDate.parse("2026-03-26"));
    }

    @Test
    void shouldUseAlmatyDateNotUtcDate() {
        // 20:30 UTC on Tue 15 Dec is already Wed 16 Dec (Independence Day, a day off) in Almaty.
        Instant late = Instant.parse("2026-12-15T20:30:00Z");
        assertThat(calendar.deadline(late, 1)).isEqualTo(OffsetDateTime.parse("2026-12-17T18:00:00+05:00"));
    }

    @Test
    void shouldTreatKurbanAitAsDayOffAndWeekendsAsNonBusiness() {
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-27"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-30"))).isFalse();
        assertThat(calendar.isBusinessDay(LocalDate.parse("2026-05-28"))).isTrue();
    }

    @Test
    void shouldSayWhichYearsHaveConfiguredDaysOff() {
        assertThat(calendar.isCovered(LocalDate.parse("2026-06-01"))).isTrue();
        assertThat(calendar.isCovered(LocalDate.parse("2027-06-01"))).isFalse();
    }

    @Test
    void shouldCountCalendarDaysToTheEndOfTheAlmatyDay() {
        Instant when = OffsetDateTime.parse("2026-11-20T10:00:00+05:00").toInstant();
        assertThat(calendar.calendarDeadline(when, 21)).isEqualTo(OffsetDateTime.parse("2026-12-11T23:59:59+05:00"));
    }
}
