package kz.aifc.simulator.traffic;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import kz.aifc.contract.Topics;
import kz.aifc.simulator.firms.FirmProfile;

/** The simulator's scenarios and their defaults; simulated time runs {@code timeScale} times faster than wall time. */
public enum Scenario {

    /** A working day compressed into 90 s at the default rate: baseline, then five scripted incidents. */
    DEMO_DAY("demo-day", 20, 360, 20, Duration.ofMinutes(15), Duration.ofHours(2), Duration.ofHours(3), 2_000),
    /** A normal day in real time, for as long as it runs. */
    STEADY("steady", 10, 1, 10, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 2_000),
    /** Screened transactions only, as fast as the broker takes them. */
    LOAD("load", 0, 1, 50_000, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 50_000),
    /** Capital snapshots only, over many firms, as fast as the broker takes them (capital-service's benchmark). */
    LOAD_CAPITAL("load-capital", 0, 1, 5_000, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 1),
    /** Staff and controller changes only, over many firms, after their rosters (licensing-service's benchmark). */
    LOAD_LICENSING("load-licensing", 0, 1, 5_000, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30),
            1),
    /** Alerts raised and resolved only, over many firms, as fast as the broker takes them (notification-service's). */
    LOAD_ALERTS("load-alerts", 0, 1, 5_000, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofMinutes(30), 1);

    /** The contract's regulatory offset (Asia/Almaty, UTC+05:00); fixed so old tz data cannot shift it. */
    public static final ZoneOffset ALMATY = ZoneOffset.ofHours(5);

    private final String cliName;
    private final double defaultRate;
    private final double defaultTimeScale;
    private final double nominalRate;
    private final Duration snapshotEvery;
    private final Duration staffEvery;
    private final Duration controllerEvery;
    private final int defaultCustomers;

    Scenario(String cliName, double defaultRate, double defaultTimeScale, double nominalRate,
            Duration snapshotEvery, Duration staffEvery, Duration controllerEvery, int defaultCustomers) {
        this.cliName = cliName;
        this.defaultRate = defaultRate;
        this.defaultTimeScale = defaultTimeScale;
        this.nominalRate = nominalRate;
        this.snapshotEvery = snapshotEvery;
        this.staffEvery = staffEvery;
        this.controllerEvery = controllerEvery;
        this.defaultCustomers = defaultCustomers;
    }

    public static Scenario fromCli(String name) {
        for (Scenario s : values()) {
            if (s.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scenario '" + name + "' (expected demo-day, steady, load, load-capital, load-licensing or load-alerts)");
    }

    public String cliName() {
        return cliName;
    }

    /** Events per second when {@code --rate} is not given; 0 means as fast as possible. */
    public double defaultRate() {
        return defaultRate;
    }

    /** A volume scenario: one service's events only, flat out, pre-generated so encoding stays out of the timing. */
    public boolean volume() {
        return this == LOAD || this == LOAD_CAPITAL || this == LOAD_LICENSING || this == LOAD_ALERTS;
    }

    /** The contract topics this scenario writes to. */
    public List<String> topics() {
        return switch (this) {
            case LOAD -> List.of(Topics.TRANSACTIONS_SCREENED);
            case LOAD_CAPITAL -> List.of(Topics.CAPITAL_SNAPSHOTS);
            case LOAD_LICENSING -> List.of(Topics.STAFF_CHANGES, Topics.CONTROLLER_CHANGES);
            case LOAD_ALERTS -> List.of(Topics.COMPLIANCE_ALERTS);
            default -> List.of(Topics.CAPITAL_SNAPSHOTS, Topics.TRANSACTIONS_SCREENED, Topics.STAFF_CHANGES,
                    Topics.CONTROLLER_CHANGES);
        };
    }

    public double defaultTimeScale() {
        return defaultTimeScale;
    }

    public Duration snapshotEvery() {
        return snapshotEvery;
    }

    public Duration staffEvery() {
        return staffEvery;
    }

    public Duration controllerEvery() {
        return controllerEvery;
    }

    public int defaultCustomers() {
        return defaultCustomers;
    }

    /**
     * Simulated time per record: {@code timeScale / rate} seconds. At {@code --rate 0} the clock advances as if
     * the rate were the scenario's nominal one, so simulated time stays meaningful when pacing is off.
     */
    public Duration step(double rate, double timeScale) {
        double perSecond = rate > 0 ? rate : nominalRate;
        long nanos = Math.max(1, Math.round(timeScale / perSecond * 1e9));
        return Duration.ofNanos(nanos);
    }

    /**
     * The current time; for demo-day nine hours earlier, so its compressed day ends about when it is played and
     * no event is dated in the future or leaves a gap of hours behind it.
     */
    public OffsetDateTime defaultStart(Clock clock) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ALMATY).truncatedTo(ChronoUnit.SECONDS);
        return this == DEMO_DAY ? now.minus(DemoDayFeed.DAY) : now;
    }

    /** A fresh feed for these settings and firms. */
    public Feed feed(Settings settings, List<FirmProfile> firms) {
        return switch (this) {
            case DEMO_DAY -> new DemoDayFeed(settings, firms);
            case STEADY -> new SteadyFeed(settings, firms);
            case LOAD -> new LoadFeed(settings, firms);
            case LOAD_CAPITAL -> new ServiceLoadFeed(settings, firms, true);
            case LOAD_LICENSING -> new ServiceLoadFeed(settings, firms, false);
            case LOAD_ALERTS -> new AlertLoadFeed(settings, firms);
        };
    }

    /** Lines about scripted incidents that this firm selection leaves out. */
    public static List<String> skippedIncidents(Feed feed) {
        return feed instanceof DemoDayFeed demo ? demo.skipped() : List.of();
    }
}
