package kz.aifc.platform.time;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Kazakhstan business days in Asia/Almaty: weekends and the dated days off are not business days, weekend days
 * the Government made working days are. A deadline of N business days falls at close of business on the N-th
 * business day after the day the duty arose. Years with no configured days off are reported by
 * {@link #isCovered(LocalDate)} so callers can raise a configuration alert instead of counting weekends only; a year
 * whose days off are not all published is covered but {@linkplain #caveat(LocalDate) provisional}.
 */
public final class BusinessCalendar {

    public static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** Close of business used for "by the end of the business day" deadlines. */
    public static final LocalTime DEFAULT_CLOSE = LocalTime.of(18, 0);

    private final Set<LocalDate> daysOff;
    private final Set<LocalDate> workingWeekends;
    private final Set<Integer> years;
    private final Map<Integer, String> provisional;
    private final LocalTime close;

    public BusinessCalendar(Set<LocalDate> daysOff, Set<LocalDate> workingWeekends, Set<Integer> coveredYears,
            LocalTime close) {
        this(daysOff, workingWeekends, coveredYears, Map.of(), close);
    }

    /** @param provisional per covered year whose days off are not all published, what is missing */
    public BusinessCalendar(Set<LocalDate> daysOff, Set<LocalDate> workingWeekends, Set<Integer> coveredYears,
            Map<Integer, String> provisional, LocalTime close) {
        this.daysOff = Set.copyOf(daysOff);
        this.workingWeekends = Set.copyOf(workingWeekends);
        this.years = Set.copyOf(coveredYears);
        this.provisional = Map.copyOf(provisional);
        this.close = close;
    }

    /** The bundled calendar ({@code calendar/kz-days-off.json}). */
    public static BusinessCalendar kazakhstan() {
        try (InputStream in = BusinessCalendar.class.getClassLoader().getResourceAsStream("calendar/kz-days-off.json")) {
            if (in == null) {
                throw new IllegalStateException("calendar/kz-days-off.json is missing");
            }
            return parse(new ObjectMapper().readTree(in), DEFAULT_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A calendar file an operator keeps (same shape as the bundled one), e.g. after a Government decree. */
    public static BusinessCalendar fromFile(Path file, LocalTime close) {
        try {
            return parse(new ObjectMapper().readTree(Files.readAllBytes(file)), close);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read calendar " + file + ": " + e.getMessage(), e);
        }
    }

    static BusinessCalendar parse(JsonNode root, LocalTime close) {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> working = new HashSet<>();
        Set<Integer> covered = new TreeSet<>();
        Map<Integer, String> provisional = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> years = root.path("years").fields();
        while (years.hasNext()) {
            Map.Entry<String, JsonNode> year = years.next();
            int y = Integer.parseInt(year.getKey());
            covered.add(y);
            year.getValue().path("daysOff").forEach(d -> off.add(LocalDate.parse(d.asText())));
            year.getValue().path("workingWeekends").forEach(d -> working.add(LocalDate.parse(d.asText())));
            if (year.getValue().hasNonNull("provisional")) {
                provisional.put(y, year.getValue().get("provisional").asText());
            }
        }
        return new BusinessCalendar(off, working, covered, provisional, close);
    }

    public boolean isBusinessDay(LocalDate date) {
        if (workingWeekends.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !daysOff.contains(date);
    }

    /** True when the year of {@code date} has its days off configured. */
    public boolean isCovered(LocalDate date) {
        return years.contains(date.getYear());
    }

    /**
     * What a deadline on {@code date} cannot rely on: no days off configured for its year (weekends only counted), or
     * the year's days off not all published; empty when the year is covered and complete.
     */
    public Optional<String> caveat(LocalDate date) {
        if (!isCovered(date)) {
            return Optional.of("no Kazakhstan days off are configured for " + date.getYear()
                    + ", so only weekends were skipped");
        }
        return Optional.ofNullable(provisional.get(date.getYear())).map(p -> "provisional calendar: " + p);
    }

    /** The N-th business day after {@code date} (N ≥ 1), or the first business day on or after it for N = 0. */
    public LocalDate addBusinessDays(LocalDate date, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("business days must not be negative: " + n);
        }
        LocalDate day = date;
        if (n == 0) {
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
            return day;
        }
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                left--;
            }
        }
        return day;
    }

    /** Close of business on the N-th business day after the Almaty date of {@code when}. */
    public OffsetDateTime deadline(Instant when, int businessDays) {
        LocalDate arose = when.atZone(ALMATY).toLocalDate();
        return addBusinessDays(arose, businessDays).atTime(close).atZone(ALMATY).toOffsetDateTime();
    }

    /** End of the Almaty calendar day N days after {@code when} (for duties counted in calendar days). */
    public OffsetDateTime calendarDeadline(Instant when, int days) {
        LocalDate arose = when.atZone(ALMATY).toLocalDate();
        return arose.plusDays(days).atTime(LocalTime.of(23, 59, 59)).atZone(ALMATY).toOffsetDateTime();
    }
}
