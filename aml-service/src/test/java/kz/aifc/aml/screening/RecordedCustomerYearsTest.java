package kz.aifc.aml.screening;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import kz.aifc.aml.store.DueDiligenceStore.CustomerYear;

/** A customer year is skipped only when what is stored already says at least as much (the table only gains). */
class RecordedCustomerYearsTest {

    static CustomerYear year(boolean edd, String country) {
        return new CustomerYear("F-1", 2026, "C-1", edd, country, country == null ? null : "FATF-black");
    }

    @Test
    void shouldSkipWhatIsStoredAndSendWhatAddsToIt() {
        DueDiligenceUpdates.Recorded recorded = new DueDiligenceUpdates.Recorded(10);
        assertThat(recorded.covers(year(false, null))).as("nothing stored yet").isFalse();
        recorded.remember(year(false, "KP"));
        assertThat(recorded.covers(year(false, "KP"))).isTrue();
        assertThat(recorded.covers(year(false, null))).isTrue();
        assertThat(recorded.covers(year(true, null))).as("EDD completed is news").isFalse();
        recorded.remember(year(true, null));
        assertThat(recorded.covers(year(true, "KP"))).as("merged: EDD and the country").isTrue();
        assertThat(recorded.covers(new CustomerYear("F-1", 2027, "C-1", false, null, null))).as("another year")
                .isFalse();
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBeyondItsBound() {
        DueDiligenceUpdates.Recorded recorded = new DueDiligenceUpdates.Recorded(2);
        recorded.remember(new CustomerYear("F-1", 2026, "C-1", true, null, null));
        recorded.remember(new CustomerYear("F-1", 2026, "C-2", true, null, null));
        recorded.remember(new CustomerYear("F-1", 2026, "C-3", true, null, null));
        assertThat(recorded.covers(new CustomerYear("F-1", 2026, "C-1", true, null, null))).isFalse();
        assertThat(recorded.covers(new CustomerYear("F-1", 2026, "C-3", true, null, null))).isTrue();
    }
}
