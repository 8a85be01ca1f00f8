package kz.aifc.aml.ingest;

import java.util.Collection;

import jakarta.enterprise.context.ApplicationScoped;
import io.smallrye.common.annotation.Identifier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;

/** Forgets in-memory histories whenever partitions move, so a customer's window is rebuilt from what was committed. */
@ApplicationScoped
@Identifier("aml-partition-moves")
public class PartitionMoves implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PartitionMoves.class);

    private final HistoryCache cache;

    PartitionMoves(HistoryCache cache) {
        this.cache = cache;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget("assigned", partitions);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget("revoked", partitions);
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        forget("lost", partitions);
    }

    private void forget(String what, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty()) {
            LOG.infof("Partitions %s %s: customer histories will be rebuilt from the database", what, partitions);
            cache.clear();
        }
    }
}
