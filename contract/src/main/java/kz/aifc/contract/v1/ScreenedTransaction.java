package kz.aifc.contract.v1;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Payload of {@code kz.aifc.transaction.screened.v1}: one customer transaction after the firm's screening. */
public record ScreenedTransaction(
        String firmId,
        String transactionId,
        OffsetDateTime occurredAt,
        Direction direction,
        String asset,
        BigDecimal amount,
        BigDecimal amountUsd,
        BigDecimal amountKzt,
        Customer customer,
        Counterparty counterparty,
        TravelRule travelRule,
        Screening screening,
        Channel channel) implements FirmEvent {

    public ScreenedTransaction {
        Checks.text(firmId, "firmId");
        Checks.text(transactionId, "transactionId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(direction, "direction");
        Checks.text(asset, "asset");
        Checks.amount(amount, "amount");
        Checks.amount(amountUsd, "amountUsd");
        Checks.optionalAmount(amountKzt, "amountKzt");
        Checks.present(customer, "customer");
        Checks.present(screening, "screening");
    }
}
