package kz.aifc.contract.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The positional fast path for the common spelling answers exactly what the formatter answers, or leaves it to it. */
class Rfc3339Test {

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T17:00:00+05:00", "2026-11-20t17:00:00z", "2026-11-20T12:00:00Z",
            "2026-11-20T17:00:00.5+05:00", "2026-11-20T17:00:00.123456789-03:30", "2024-02-29T23:59:59+14:00",
            "2026-11-20T17:00:00-00:00", "2026-11-20T17:00:00+05:30:15", "0001-01-01T00:00:00Z"})
    @DisplayName("the common spellings are read by position, to the same instant and offset as the formatter")
    void shouldReadTheCommonSpellingsByPosition(String text) {
        OffsetDateTime fast = Rfc3339.parseCommon(text);
        assertThat(fast).isNotNull().isEqualTo(Rfc3339.parseWithFormatter(text));
        assertThat(Rfc3339.parseTime(text)).isEqualTo(fast);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-20T17:00:00", "2026-11-20 17:00:00+05:00", "2026-02-30T17:00:00+05:00",
            "2026-11-20T24:00:00+05:00", "2026-11-20T17:60:00+05:00", "2026-11-20T17:00:60+05:00",
            "2026-11-20T17:00:00.+05:00", "2026-11-20T17:00:00.1234567891+05:00", "2026-11-20T17:00:00+0500",
            "2026-11-20T17:00:00+19:00", "2026-11-20T17:00:00+05:60", "2026-11-20T17:00:00+05", "2026-1-20T17:00:00Z",
            "2026-11-20T17:00:00Zz", "2026-11-2OT17:00:00Z", "+2026-11-20T17:00:00Z", ""})
    @DisplayName("what the fast path does not read goes to the formatter, which rejects the invalid with its own message")
    void shouldLeaveAnythingElseToTheFormatter(String text) {
        assertThat(Rfc3339.parseCommon(text)).isNull();
        assertThatThrownBy(() -> Rfc3339.parseTime(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 3339");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T14:20+05:00", "2026-12-05T09:20Z", "2026-12-05t14:20-03:30"})
    @DisplayName("a time on a whole minute may leave out its seconds, as OffsetDateTime.toString() writes it")
    void shouldReadATimeWithoutSecondsAsSecondZero(String text) {
        OffsetDateTime time = Rfc3339.parseTime(text);

        assertThat(time.getSecond()).isZero();
        assertThat(time.getNano()).isZero();
        assertThat(time.toString()).isEqualToIgnoringCase(text);
    }

    @Test
    @DisplayName("what Java's OffsetDateTime.toString() writes is read back to the same instant, every minute of a day")
    void shouldReadBackWhatJavaWritesOnAWholeMinute() {
        OffsetDateTime start = OffsetDateTime.parse("2026-12-05T00:00:00+05:00");
        for (int minute = 0; minute < 24 * 60; minute++) {
            OffsetDateTime time = start.plusMinutes(minute);
            assertThat(time.toString()).hasSize(22);
            assertThat(Rfc3339.parseTime(time.toString())).isEqualTo(time);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-12-05T14:20", "2026-12-05T14+05:00", "2026-12-05T14:20.5+05:00",
            "2026-12-05T14:2+05:00", "2026-12-05T1420+05:00"})
    @DisplayName("leaving out the seconds is the one liberty: no offset, no minutes or a fraction without seconds are rejected")
    void shouldRejectOtherShortenedTimes(String text) {
        assertThatThrownBy(() -> Rfc3339.parseTime(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RFC 3339");
    }

    @Test
    @DisplayName("on 20,000 generated and mutated times the fast path never disagrees with the formatter")
    void shouldNeverDisagreeWithTheFormatter() {
        Random rnd = new Random(3339);
        String alphabet = "0123456789-:+.TtZz x";
        int read = 0;
        for (String text : corpus(rnd, 20_000, alphabet)) {
            OffsetDateTime fast = Rfc3339.parseCommon(text);
            OffsetDateTime formatter;
            try {
                formatter = Rfc3339.parseWithFormatter(text);
            } catch (IllegalArgumentException e) {
                formatter = null;
            }
            if (fast != null) {
                read++;
                assertThat(fast).as(text).isEqualTo(formatter);
            }
        }
        assertThat(read).as("most generated times take the fast path").isGreaterThan(5_000);
    }

    private static List<String> corpus(Random rnd, int size, String alphabet) {
        List<String> texts = new ArrayList<>();
        while (texts.size() < size) {
            StringBuilder b = new StringBuilder(String.format("%04d-%02d-%02dT%02d:%02d:%02d", rnd.nextInt(10000),
                    1 + rnd.nextInt(13), 1 + rnd.nextInt(31), rnd.nextInt(25), rnd.nextInt(61), rnd.nextInt(61)));
            if (rnd.nextBoolean()) {
                b.append('.').append(String.valueOf(rnd.nextLong() & Long.MAX_VALUE), 0, 1 + rnd.nextInt(10));
            }
            switch (rnd.nextInt(4)) {
                case 0 -> b.append('Z');
                case 1 -> b.append(String.format("%s%02d:%02d", rnd.nextBoolean() ? "+" : "-", rnd.nextInt(20),
                        15 * rnd.nextInt(5)));
                case 2 -> b.append(String.format("+%02d:%02d:%02d", rnd.nextInt(19), rnd.nextInt(60), rnd.nextInt(61)));
                default -> { }
            }
            if (rnd.nextInt(4) == 0) {
                int at = rnd.nextInt(b.length());
                switch (rnd.nextInt(3)) {
                    case 0 -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                    case 1 -> b.deleteCharAt(at);
                    default -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                }
            }
            texts.add(b.toString());
        }
        return texts;
    }
}
