package kz.aifc.aml.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import kz.aifc.aml.rules.AmlRules.OpenBreach;
import kz.aifc.aml.store.TransactionStore.CustomerKey;
import kz.aifc.platform.store.Jdbc;

/**
 * What the batch path keeps of customers' due diligence, one set-based statement each: the customer-level breaches a
 * later transaction can cure (open, or cured and when), and the customer facts the annual AML return counts.
 */
@Singleton
public class DueDiligenceStore {

    // A showing after the cure (or of an open breach) keeps or opens it again; one that occurred before the cure
    // changes nothing and is not returned.
    private static final String TRACK = """
            insert into aml_curable_alert (alert_id, rule_id, firm_id, customer_id, last_shown_at)
            select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            on conflict (alert_id) do update
              set last_shown_at = greatest(aml_curable_alert.last_shown_at, excluded.last_shown_at), cured_at = null
              where aml_curable_alert.cured_at is null or excluded.last_shown_at > aml_curable_alert.cured_at
            returning alert_id""";

    private static final String CURE = "update aml_curable_alert set cured_at = ?::timestamptz where alert_id = ?";

    // One probe of the partial index of open breaches per customer, whatever plan PostgreSQL caches for the statement:
    // as a plain join (the generic plan guesses 10 customers) it hashed them and scanned every open breach each batch.
    // "offset 0" keeps the lateral subquery from being flattened into such a join.
    private static final String OPEN = """
            select k.firm_id, k.customer_id, c.alert_id, c.rule_id, c.last_shown_at
            from unnest(?::text[], ?::text[]) as k(firm_id, customer_id)
            cross join lateral (
              select alert_id, rule_id, last_shown_at from aml_curable_alert
              where firm_id = k.firm_id and customer_id = k.customer_id and cured_at is null offset 0) c""";

    private static final String YEARS = """
            insert into aml_customer_year (firm_id, year, customer_id, edd_completed, high_risk_country, high_risk_list)
            select * from unnest(?::text[], ?::int[], ?::text[], ?::boolean[], ?::text[], ?::text[])
            on conflict (firm_id, year, customer_id) do update set
              edd_completed = aml_customer_year.edd_completed or excluded.edd_completed,
              high_risk_country = coalesce(aml_customer_year.high_risk_country, excluded.high_risk_country),
              high_risk_list = coalesce(aml_customer_year.high_risk_list, excluded.high_risk_list)
            where (excluded.edd_completed and not aml_customer_year.edd_completed)
               or (aml_customer_year.high_risk_country is null and excluded.high_risk_country is not null)""";

    private final Jdbc jdbc;

    DueDiligenceStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A curable breach shown again by a transaction at {@code shownAt}. */
    public record Shown(String alertId, String ruleId, String firmId, String customerId, Instant shownAt) {
    }

    /** One customer's facts for one Almaty year; {@code highRiskCountry} null when not from a listed jurisdiction. */
    public record CustomerYear(String firmId, int year, String customerId, boolean eddCompleted,
            String highRiskCountry, String highRiskList) {
    }

    /**
     * Records that transactions showed these breaches and answers the alert ids still to raise: all of them but those
     * cured by a transaction that occurred after this showing (a late delivery of the breach as it was then).
     */
    public Set<String> track(Collection<Shown> shown) {
        if (shown.isEmpty()) {
            return Set.of();
        }
        int n = shown.size();
        String[] alert = new String[n], rule = new String[n], firm = new String[n], customer = new String[n],
                at = new String[n];
        int i = 0;
        for (Shown s : shown) {
            alert[i] = s.alertId();
            rule[i] = s.ruleId();
            firm[i] = s.firmId();
            customer[i] = s.customerId();
            at[i] = s.shownAt().toString();
            i++;
        }
        return new HashSet<>(jdbc.query("track curable alerts", TRACK, rs -> rs.getString(1), Arrays.asList(alert),
                Arrays.asList(rule), Arrays.asList(firm), Arrays.asList(customer), Arrays.asList(at)));
    }

    /** The open curable breaches of these customers. */
    public Map<CustomerKey, List<OpenBreach>> openBreaches(Collection<CustomerKey> customers) {
        Map<CustomerKey, List<OpenBreach>> out = new HashMap<>();
        if (customers.isEmpty()) {
            return out;
        }
        String[] firms = new String[customers.size()], ids = new String[customers.size()];
        int i = 0;
        for (CustomerKey k : customers) {
            firms[i] = k.firmId();
            ids[i++] = k.customerId();
        }
        record Row(CustomerKey customer, OpenBreach breach) {
        }
        for (Row r : jdbc.query("read open curable alerts", OPEN, rs -> new Row(
                new CustomerKey(rs.getString(1), rs.getString(2)),
                new OpenBreach(rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant())),
                Arrays.asList(firms), Arrays.asList(ids))) {
            out.computeIfAbsent(r.customer(), k -> new ArrayList<>()).add(r.breach());
        }
        return out;
    }

    /** Marks breaches cured as of the curing transactions' times (alert id to when it occurred). */
    public void cure(Map<String, Instant> curedAt) {
        if (curedAt.isEmpty()) {
            return;
        }
        jdbc.batch("mark curable alerts cured", CURE, curedAt.entrySet(), (q, e) -> {
            q.setString(1, e.getValue().toString());
            q.setString(2, e.getKey());
        });
    }

    /** Adds what these rows say (EDD completed, a high-risk residency) to each customer's year; never takes it back. */
    public void recordYears(Collection<CustomerYear> rows) {
        if (rows.isEmpty()) {
            return;
        }
        int n = rows.size();
        String[] firm = new String[n], year = new String[n], customer = new String[n], edd = new String[n],
                country = new String[n], list = new String[n];
        int i = 0;
        for (CustomerYear r : rows) {
            firm[i] = r.firmId();
            year[i] = Integer.toString(r.year());
            customer[i] = r.customerId();
            edd[i] = Boolean.toString(r.eddCompleted());
            country[i] = r.highRiskCountry();
            list[i] = r.highRiskList();
            i++;
        }
        jdbc.update("record customer years", YEARS, Arrays.asList(firm), Arrays.asList(year),
                Arrays.asList(customer), Arrays.asList(edd), Arrays.asList(country), Arrays.asList(list));
    }
}
