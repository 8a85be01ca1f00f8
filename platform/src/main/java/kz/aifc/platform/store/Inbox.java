package kz.aifc.platform.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.codec.CloudEventCodec;

/**
 * Records each processed event by its CloudEvents {@code source}/{@code id} in the caller's transaction, so an
 * event's effects and the record that it was applied commit together: redelivery finds the key and does nothing.
 * Its table {@code inbound_event} comes from the platform migration {@code db/platform/inbox/V1}.
 */
@ApplicationScoped
public class Inbox {

    private static final String CLAIM = """
            insert into inbound_event (event_key, event_type, firm_id, event_time, payload)
            values (?, ?, ?, ?, ?::jsonb)
            on conflict (event_key) do nothing""";

    private final DataSource dataSource;

    Inbox(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Answers true the first time an event is seen; call it inside the transaction that applies the event. */
    public boolean claim(CloudEvent<?> event, String firmId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(CLAIM)) {
            insert.setString(1, event.eventKey());
            insert.setString(2, event.type());
            insert.setString(3, firmId);
            insert.setTimestamp(4, event.time() == null ? null : Timestamp.from(event.time().toInstant()));
            insert.setString(5, CloudEventCodec.toJson(event.data()));
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not record event " + event.eventKey() + ": " + e.getMessage(), e);
        }
    }
}
