package kz.aifc.licensing.rules;

import java.time.Instant;
import java.time.OffsetDateTime;

import kz.aifc.platform.time.BusinessCalendar;

/** A configured period counted in Kazakhstan business days or in calendar days. */
public record Days(int value, boolean business) {

    public Days {
        if (value < 0) {
            throw new IllegalArgumentException("days must not be negative: " + value);
        }
    }

    /** The deadline this period sets for a duty that arose at {@code from}. */
    public OffsetDateTime after(Instant from, BusinessCalendar calendar) {
        if (!business) {
            return calendar.calendarDeadline(from, value);
        }
        OffsetDateTime due = calendar.deadline(from, value);
        // "End of today's business day" found after close of business means the end of the next one.
        if (value == 0 && !due.toInstant().isAfter(from)) {
            due = calendar.deadline(from, 1);
        }
        return due;
    }

    /** A note for the deadline basis when the calendar does not cover the deadline's year, or only provisionally. */
    public String calendarCaveat(OffsetDateTime due, BusinessCalendar calendar) {
        return business ? calendar.caveat(due.toLocalDate()).map(c -> " (" + c + ")").orElse("") : "";
    }

    @Override
    public String toString() {
        return value + (business ? " business" : " calendar") + " day" + (value == 1 ? "" : "s");
    }
}
