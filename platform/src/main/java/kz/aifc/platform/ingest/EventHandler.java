package kz.aifc.platform.ingest;

import kz.aifc.contract.CloudEvent;

/** The effect of one decoded event; answers false when the event had already been applied (redelivery). */
@FunctionalInterface
public interface EventHandler<T> {

    boolean apply(CloudEvent<T> event);
}
