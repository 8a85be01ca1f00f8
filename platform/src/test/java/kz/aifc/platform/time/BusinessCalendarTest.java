package kz.aifc.platform.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.junit.jupiter.api.DisplayName;
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
        assertThat(calendar.isCovered(LocalDate.parse("2027-06-01"))).isTrue();
        assertThat(calendar.isCovered(LocalDate.parse("2028-06-01"))).isFalse();
        assertThat(calendar.caveat(LocalDate.parse("2026-06-01"))).isEmpty();
        assertThat(calendar.caveat(LocalDate.parse("2028-06-01"))).hasValueSatisfying(c -> assertThat(c)
                .contains("no Kazakhstan days off are configured for 2028"));
    }

    @Test
    @DisplayName("2027 (G8 rule: a holiday on a weekend moves to the next working day, religious ones excepted): Sat 2 Jan off on Mon 4 Jan, Nauryz Sun 21 Mar on Wed 24 Mar, 1 May on Mon 3 May, 9 May on Mon 10 May")
    void shouldSkipThe2027DaysOffWithTheirStatutoryMoves() {
        assertThat(calendar.addBusinessDays(LocalDate.parse("2026-12-31"), 1)).isEqualTo(LocalDate.parse("2027-01-05"));
        assertThat(calendar.addBusinessDays(LocalDate.parse("2027-03-19"), 1)).isEqualTo(LocalDate.parse("2027-03-25"));
        assertThat(calendar.addBusinessDays(LocalDate.parse("2027-04-30"), 1)).isEqualTo(LocalDate.parse("2027-05-04"));
        assertThat(calendar.addBusinessDays(LocalDate.parse("2027-05-06"), 1)).isEqualTo(LocalDate.parse("2027-05-11"));
        assertThat(calendar.isBusinessDay(LocalDate.parse("2027-12-16"))).isFalse();
    }

    @Test
    @DisplayName("2027 is provisional: the Government's decree moving days off and the Kurban Ait date were not published in the sources read, and the caveat says so")
    void shouldSayThat2027IsProvisional() {
        assertThat(calendar.caveat(LocalDate.parse("2027-05-20"))).hasValueSatisfying(c -> assertThat(c)
                .startsWith("provisional calendar:").contains("Kurban Ait").contains("decree"));
    }

    @Test
    void shouldCountCalendarDaysToTheEndOfTheAlmatyDay() {
        Instant when = OffsetDateTime.parse("2026-11-20T10:00:00+05:00").toInstant();
        assertThat(calendar.calendarDeadline(when, 21)).isEqualTo(OffsetDateTime.parse("2026-12-11T23:59:59+05:00"));
    }
}
