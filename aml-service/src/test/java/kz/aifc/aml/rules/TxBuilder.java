package kz.aifc.aml.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.aifc.contract.v1.Counterparty;
import kz.aifc.contract.v1.Customer;
import kz.aifc.contract.v1.CustomerType;
import kz.aifc.contract.v1.Direction;
import kz.aifc.contract.v1.Exposure;
import kz.aifc.contract.v1.RiskRating;
import kz.aifc.contract.v1.ScreenedTransaction;
import kz.aifc.contract.v1.Screening;
import kz.aifc.contract.v1.TravelRule;

/** A clean screened transaction (no rule fires) that each test bends toward the case it checks. */
public final class TxBuilder {

    static int seq;

    /** Alert ids as the test profile's key makes them (application.properties, {@code %test.aifc.aml.alert-id-key}). */
    public static final AlertIds ALERT_IDS = new AlertIds("test-only-aml-alert-id-key-0123456789abcdef");

    /** The opaque alert id of the breach with this natural key ({@code <ruleId>:<firm>:...}), as the rules make it. */
    public static String alertId(String naturalKey) {
        return ALERT_IDS.of(naturalKey.substring(0, naturalKey.indexOf(':')), naturalKey);
    }

    public String firmId = "F-0001";
    public String id = "T-" + (++seq);
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T10:00:00+05:00");
    Direction direction = Direction.TRANSFER_OUT;
    BigDecimal usd = new BigDecimal("100.00");
    BigDecimal kzt = new BigDecimal("51000.00");
    String customerId = "C-1";
    CustomerType customerType = CustomerType.NATURAL;
    String residency = "KZ";
    boolean pep;
    boolean edd;
    boolean retail;
    boolean knowledgeTest = true;
    Counterparty counterparty = new Counterparty("Some Exchange Ltd", "TQ1", "VASP-77", false, null, true, "AE", false);
    TravelRule travelRule = new TravelRule("A. Example", "TQ1", "IIN 900101300123", "B. Example", "TX1");
    boolean sanctionsHit;
    String sanctionsList;
    Integer score = 10;
    List<Exposure> exposures = new ArrayList<>();

    public static TxBuilder tx() {
        return new TxBuilder();
    }

    public TxBuilder id(String v) { id = v; return this; }
    public TxBuilder at(String v) { at = OffsetDateTime.parse(v); return this; }
    public TxBuilder at(OffsetDateTime v) { at = v; return this; }
    public TxBuilder direction(Direction v) { direction = v; return this; }
    public TxBuilder usd(String v) { usd = new BigDecimal(v); return this; }
    public TxBuilder kzt(String v) { kzt = v == null ? null : new BigDecimal(v); return this; }
    public TxBuilder customer(String v) { customerId = v; return this; }
    public TxBuilder customerType(CustomerType v) { customerType = v; return this; }
    public TxBuilder residency(String v) { residency = v; return this; }
    public TxBuilder pep(boolean v) { pep = v; return this; }
    public TxBuilder edd(boolean v) { edd = v; return this; }
    public TxBuilder retail(boolean v) { retail = v; return this; }
    public TxBuilder knowledgeTest(boolean v) { knowledgeTest = v; return this; }
    public TxBuilder counterparty(Counterparty v) { counterparty = v; return this; }
    public TxBuilder travelRule(TravelRule v) { travelRule = v; return this; }
    public TxBuilder sanctions(String list) { sanctionsHit = true; sanctionsList = list; return this; }
    public TxBuilder score(Integer v) { score = v; return this; }
    public TxBuilder exposures(Exposure... v) { exposures = List.of(v); return this; }

    public ScreenedTransaction build() {
        return new ScreenedTransaction(firmId, id, at, direction, "USDT", usd, usd, kzt,
                new Customer(customerId, customerType, residency, RiskRating.LOW, pep, edd, retail, knowledgeTest),
                direction == Direction.TRADE ? null : counterparty,
                direction == Direction.TRADE ? null : travelRule,
                new Screening(sanctionsHit, sanctionsList, BigDecimal.ZERO, score, exposures), null);
    }

    public static AmlRulebook bundledRulebook() {
        try (InputStream in = TxBuilder.class.getClassLoader().getResourceAsStream("rulebook.json")) {
            return AmlRulebook.parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
