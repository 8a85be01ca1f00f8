package kz.aifc.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import kz.aifc.contract.codec.MalformedEventException;
import kz.aifc.contract.v1.AfsaApproval;
import kz.aifc.contract.v1.Role;
import kz.aifc.contract.v1.Seniority;
import kz.aifc.contract.v1.StaffChange;
import kz.aifc.contract.v1.StaffChangeKind;

class FirmLanesTest {

    @Test
    void shouldNameALaneNextToItsTopicAndReadTheFirmBack() {
        String lane = FirmLanes.lane(Topics.TRANSACTIONS_SCREENED, "F-0001");
        assertThat(lane).isEqualTo("aifc.transactions.screened.firm.F-0001");
        assertThat(FirmLanes.firmOf(lane)).contains("F-0001");
        assertThat(FirmLanes.firmOf(Topics.TRANSACTIONS_SCREENED)).isEmpty();
        assertThat(FirmLanes.firmOf(Topics.dlq(Topics.TRANSACTIONS_SCREENED))).isEmpty();
        assertThat(Topics.partitions(lane)).isEqualTo(Topics.partitions(Topics.TRANSACTIONS_SCREENED));
    }

    @Test
    void shouldRefuseFirmIdsThatCannotNameALane() {
        assertThatThrownBy(() -> FirmLanes.lane(Topics.CAPITAL_SNAPSHOTS, "F.1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FirmLanes.lane(Topics.CAPITAL_SNAPSHOTS, "Firm One"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(FirmLanes.laneable("x".repeat(101))).isFalse();
    }

    @Test
    void shouldSubscribeToTheSharedTopicAndEveryLaneButNotTheDlqOrOtherTopics() {
        String topic = Topics.CAPITAL_SNAPSHOTS + ".t1";
        Pattern pattern = Pattern.compile(FirmLanes.pattern(topic));
        assertThat(pattern.matcher(topic).matches()).isTrue();
        assertThat(pattern.matcher(FirmLanes.lane(topic, "F-9")).matches()).isTrue();
        assertThat(pattern.matcher(Topics.dlq(topic)).matches()).isFalse();
        assertThat(pattern.matcher(Topics.CAPITAL_SNAPSHOTS + "xt1").matches()).as("dots are literal").isFalse();
        assertThat(pattern.matcher(FirmLanes.lane(Topics.STAFF_CHANGES + ".t1", "F-9")).matches()).isFalse();
        assertThat(pattern.matcher(topic + ".firm.F-9.dlq").matches()).isFalse();
    }

    @Test
    void shouldLetALaneSpeakOnlyForItsFirm() {
        String lane = FirmLanes.lane(Topics.STAFF_CHANGES, "F-A");
        StaffChange own = staffChange("F-A");
        assertThatCode(() -> FirmLanes.check(lane, "F-A", own)).doesNotThrowAnyException();
        assertThatCode(() -> FirmLanes.check(lane, null, own)).doesNotThrowAnyException();
        assertThatCode(() -> FirmLanes.check(Topics.STAFF_CHANGES, "F-B", staffChange("F-A")))
                .as("the shared topic is not checked").doesNotThrowAnyException();

        assertThatThrownBy(() -> FirmLanes.check(lane, "F-B", staffChange("F-B")))
                .isInstanceOf(MalformedEventException.class).hasMessageStartingWith(FirmLanes.MISMATCH)
                .hasMessageContaining("data.firmId").hasMessageContaining("F-B");
        assertThatThrownBy(() -> FirmLanes.check(lane, "F-B", own))
                .hasMessageStartingWith(FirmLanes.MISMATCH).hasMessageContaining("subject");
        assertThatThrownBy(() -> FirmLanes.check(lane, "F-A", "not a firm's own event"))
                .hasMessageStartingWith(FirmLanes.MISMATCH);
    }

    private static StaffChange staffChange(String firmId) {
        return new StaffChange(firmId, "P-1", "A. Example", StaffChangeKind.APPOINTED, List.of(Role.MLRO),
                AfsaApproval.APPROVED, true, Seniority.SENIOR_MANAGER, null, LocalDate.parse("2026-11-20"));
    }
}
