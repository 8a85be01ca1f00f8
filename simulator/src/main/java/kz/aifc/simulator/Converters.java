package kz.aifc.simulator;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.aifc.simulator.firms.DemoFirms;
import kz.aifc.simulator.traffic.ContentMode;
import kz.aifc.simulator.traffic.EventIds;
import kz.aifc.simulator.traffic.Scenario;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The command line's value types; each message says what was expected, and {@link SimulatorCommand} prefixes it
 * with the option and the value given.
 */
final class Converters {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");
    private static final Pattern SUFFIX = Pattern.compile("[A-Za-z0-9._-]*");
    private static final Pattern RUN_ID = Pattern.compile("[A-Za-z0-9]{1,24}");
    private static final Pattern BOOTSTRAP = Pattern.compile("[^,\\s:]+:\\d{1,5}(,[^,\\s:]+:\\d{1,5})*");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("\\d+(\\.\\d+)?");

    private Converters() {
    }

    /** The firm ids of {@code --firms}, in the order given; one value, so a later {@code --firms} replaces it. */
    record FirmIds(List<String> ids) {

        FirmIds {
            ids = List.copyOf(ids);
        }
    }

    /** One {@code --producer KEY=VALUE}. */
    record ProducerSetting(String key, String value) {
    }

    private static TypeConversionException expected(String what) {
        return new TypeConversionException(what);
    }

    /** {@code 0}, or a number with a unit: {@code 500ms}, {@code 1.5s}, {@code 5m}, {@code 2h}. */
    static class DurationConverter implements ITypeConverter<Duration> {

        @Override
        public Duration convert(String value) {
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            Matcher m = DURATION.matcher(value.trim().toLowerCase(Locale.ROOT));
            if (!m.matches()) {
                throw expected("expected a duration such as 500ms, 90s, 5m or 2h");
            }
            double amount = Double.parseDouble(m.group(1));
            double millis = switch (m.group(2)) {
                case "ms" -> amount;
                case "s" -> amount * 1_000;
                case "m" -> amount * 60_000;
                default -> amount * 3_600_000;
            };
            return Duration.ofMillis(Math.round(millis));
        }
    }

    /** A duration that cannot be 0: a limit or a period. */
    static final class PositiveDuration extends DurationConverter {

        @Override
        public Duration convert(String value) {
            Duration d = super.convert(value);
            if (d.isZero()) {
                throw expected("must be longer than 0");
            }
            return d;
        }
    }

    /** A finite number of 0 or more, such as a rate. */
    static class NonNegative implements ITypeConverter<Double> {

        @Override
        public Double convert(String value) {
            double d;
            try {
                d = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw expected("expected a number");
            }
            if (!Double.isFinite(d) || d < 0) {
                throw expected("expected a number of 0 or more");
            }
            return d;
        }
    }

    /** A number greater than 0, such as a time scale. */
    static final class Positive extends NonNegative {

        @Override
        public Double convert(String value) {
            double d = super.convert(value);
            if (d <= 0) {
                throw expected("must be greater than 0");
            }
            return d;
        }
    }

    /** A share of records, 0.0 to 1.0. */
    static final class Share extends NonNegative {

        @Override
        public Double convert(String value) {
            double d = super.convert(value);
            if (d > 1) {
                throw expected("expected a share between 0.0 and 1.0");
            }
            return d;
        }
    }

    /** A whole number within bounds; picocli makes converters by their no-argument constructor, hence subclasses. */
    abstract static class WholeNumber implements ITypeConverter<Long> {

        private final long min;
        private final long max;

        WholeNumber(long min, long max) {
            this.min = min;
            this.max = max;
        }

        @Override
        public Long convert(String value) {
            long v;
            try {
                v = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw expected("expected a whole number");
            }
            if (v < min || v > max) {
                throw expected("must be between " + min + " and " + max);
            }
            return v;
        }
    }

    /** Any whole number, such as a seed. */
    static final class AnyWholeNumber extends WholeNumber {

        AnyWholeNumber() {
            super(Long.MIN_VALUE, Long.MAX_VALUE);
        }
    }

    /** A count of records: 0 or more. */
    static final class Count extends WholeNumber {

        Count() {
            super(0, Long.MAX_VALUE);
        }
    }

    /** Records encoded ahead: bounded so they fit in memory (about 1.5 KB each). */
    static final class Pregenerate extends WholeNumber {

        Pregenerate() {
            super(0, 10_000_000);
        }
    }

    /** Customers per firm: at least one. */
    static final class Customers extends WholeNumber {

        Customers() {
            super(1, 10_000_000);
        }
    }

    /** {@code HOST:PORT[,HOST:PORT...]}, as Kafka's {@code bootstrap.servers} takes it. */
    static final class Bootstrap implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            if (!BOOTSTRAP.matcher(value).matches()) {
                throw expected("expected HOST:PORT[,HOST:PORT...]");
            }
            return value;
        }
    }

    /** A topic suffix; a leading '.' is added to one starting with a letter or digit, as kafka.sh topics does. */
    static final class TopicSuffix implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            if (!SUFFIX.matcher(value).matches()) {
                throw expected("only letters, digits, '.', '_' and '-' are allowed");
            }
            return value.isEmpty() || value.startsWith(".") || value.startsWith("_") || value.startsWith("-")
                    ? value : "." + value;
        }
    }

    /** A CloudEvents source: a non-empty URI reference. */
    static final class Source implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            try {
                if (value.isBlank()) {
                    throw new URISyntaxException(value, "empty");
                }
                new URI(value);
            } catch (URISyntaxException e) {
                throw expected("expected a URI reference such as urn:aifc:simulator");
            }
            return value;
        }
    }

    /** A scenario by its command-line name. */
    static final class ScenarioName implements ITypeConverter<Scenario> {

        @Override
        public Scenario convert(String value) {
            try {
                return Scenario.fromCli(value);
            } catch (IllegalArgumentException e) {
                throw expected("expected demo-day, steady, load, load-capital, load-licensing or load-alerts");
            }
        }
    }

    /** A CloudEvents content mode by its command-line name, in any case. */
    static final class ModeName implements ITypeConverter<ContentMode> {

        @Override
        public ContentMode convert(String value) {
            return byCliName(ContentMode.values(), ContentMode::cliName, value, "expected binary, structured or mixed");
        }
    }

    /** How events are named, by its command-line name, in any case. */
    static final class EventIdsName implements ITypeConverter<EventIds> {

        @Override
        public EventIds convert(String value) {
            return byCliName(EventIds.values(), EventIds::cliName, value, "expected sequence or uuid");
        }
    }

    /** The constant whose command-line name is {@code value} in any case; else the error saying what is expected. */
    private static <E> E byCliName(E[] values, Function<E, String> cliName, String value, String expected) {
        for (E e : values) {
            if (cliName.apply(e).equals(value.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw expected(expected);
    }

    /** A comma-separated list of distinct firm ids. */
    static final class FirmList implements ITypeConverter<FirmIds> {

        @Override
        public FirmIds convert(String value) {
            Set<String> ids = new LinkedHashSet<>();
            for (String part : value.split(",", -1)) {
                String id = part.trim();
                if (id.isEmpty()) {
                    throw expected("empty firm id in the list");
                }
                if (!DemoFirms.FIRM_ID.matcher(id).matches()) {
                    throw expected("firm id '" + id + "' may only hold letters, digits, '.', '_' and '-'");
                }
                if (!ids.add(id)) {
                    throw expected("firm id '" + id + "' is listed twice");
                }
            }
            return new FirmIds(List.copyOf(ids));
        }
    }

    /** An amount written out in plain digits, greater than 0. */
    static final class PositiveDecimal implements ITypeConverter<BigDecimal> {

        @Override
        public BigDecimal convert(String value) {
            if (!PLAIN_DECIMAL.matcher(value).matches() || new BigDecimal(value).signum() <= 0) {
                throw expected("expected a positive decimal such as 520 or 512.35");
            }
            return new BigDecimal(value);
        }
    }

    /** An RFC 3339 time with its offset, moved to the contract's +05:00. */
    static final class AlmatyTime implements ITypeConverter<OffsetDateTime> {

        @Override
        public OffsetDateTime convert(String value) {
            try {
                return OffsetDateTime.parse(value).withOffsetSameInstant(Scenario.ALMATY);
            } catch (DateTimeParseException e) {
                throw expected("expected an RFC 3339 time with offset, e.g. 2026-11-20T09:00:00+05:00");
            }
        }
    }

    /** The base URL of a service, http or https, without a trailing '/'. */
    static final class BaseUrl implements ITypeConverter<URI> {

        @Override
        public URI convert(String value) {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // the same answer as any other URL that is not a service's base
            }
            throw expected("expected a base URL such as http://127.0.0.1:8083");
        }
    }

    /** A file to write. */
    static final class FileName implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw expected("expected a file name");
            }
            return Path.of(value);
        }
    }

    /** A folder to read. */
    static final class Folder implements ITypeConverter<Path> {

        @Override
        public Path convert(String value) {
            if (value.isBlank()) {
                throw expected("expected a folder");
            }
            return Path.of(value);
        }
    }

    /** The per-run part of event and transaction ids. */
    static final class RunId implements ITypeConverter<String> {

        @Override
        public String convert(String value) {
            if (!RUN_ID.matcher(value).matches()) {
                throw expected("1 to 24 letters or digits");
            }
            return value;
        }
    }

    /** {@code KEY=VALUE}, both trimmed; the value may hold further '=' signs. */
    static final class ProducerSettingConverter implements ITypeConverter<ProducerSetting> {

        @Override
        public ProducerSetting convert(String value) {
            int eq = value.indexOf('=');
            if (eq <= 0 || value.substring(0, eq).isBlank()) {
                throw expected("expected KEY=VALUE, e.g. acks=1");
            }
            return new ProducerSetting(value.substring(0, eq).trim(), value.substring(eq + 1).trim());
        }
    }
}
