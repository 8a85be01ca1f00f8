package kz.aifc.aml.rules;

import java.math.BigDecimal;
import java.time.Instant;

import kz.aifc.contract.v1.Direction;

/** The compact part of a screened transaction the window rules keep per customer (and the database stores). */
public record Tx(String eventKey, String transactionId, Instant occurredAt, Direction direction, BigDecimal amountUsd,
        BigDecimal amountKzt) {
}
