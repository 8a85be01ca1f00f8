package kz.aifc.platform.testapp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import kz.aifc.contract.CloudEvent;
import kz.aifc.contract.v1.CapitalSnapshot;
import kz.aifc.platform.store.Inbox;

/** The test application's event handler, shaped like a service's: inbox claim and effect in one transaction. */
@ApplicationScoped
public class EffectLedger {

    private final Inbox inbox;
    private final DataSource db;

    EffectLedger(Inbox inbox, DataSource db) {
        this.inbox = inbox;
        this.db = db;
    }

    /** Applies the event once: answers false, and writes nothing, when its source/id was applied before. */
    @Transactional
    public boolean apply(CloudEvent<CapitalSnapshot> event) {
        if (!inbox.claim(event, event.data().firmId())) {
            return false;
        }
        try (Connection c = db.getConnection();
                PreparedStatement insert = c.prepareStatement(
                        "insert into test_effect (event_key, firm_id) values (?, ?)")) {
            insert.setString(1, event.eventKey());
            insert.setString(2, event.data().firmId());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record the effect of " + event.eventKey() + ": " + e.getMessage(), e);
        }
        return true;
    }

    /** Applies a poll's events as the services do, one claim for all of them: answers the keys claimed this time. */
    @Transactional
    public Set<String> applyAll(List<CloudEvent<CapitalSnapshot>> events) {
        Set<String> claimed = inbox.claimAll(events, CapitalSnapshot::firmId);
        for (CloudEvent<CapitalSnapshot> event : Inbox.claimedOf(events, claimed)) {
            TestDb.update(db, "insert into test_effect (event_key, firm_id) values (?, ?)", event.eventKey(),
                    event.data().firmId());
        }
        return claimed;
    }

    /** How many times the event's effect was written. */
    public int effects(String eventKey) {
        return TestDb.count(db, "select count(*) from test_effect where event_key = ?", eventKey);
    }
}
