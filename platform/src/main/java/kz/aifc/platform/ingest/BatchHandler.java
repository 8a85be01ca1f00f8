package kz.aifc.platform.ingest;

import java.util.List;
import java.util.Set;

import kz.aifc.contract.CloudEvent;

/**
 * The effect of a poll's decoded events, in their order, in one unit of work (one transaction): answers the keys
 * ({@link CloudEvent#eventKey()}) of the events it applied; the others had been applied before (redelivery).
 * Throwing rolls the whole poll back; {@link EventIngest#processBatch} then applies the events one by one, so one bad
 * event cannot hold up the others.
 */
@FunctionalInterface
public interface BatchHandler<T> {

    Set<String> apply(List<CloudEvent<T>> events);
}
