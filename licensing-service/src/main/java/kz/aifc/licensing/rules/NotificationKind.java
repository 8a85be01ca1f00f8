package kz.aifc.licensing.rules;

/** The AFSA notification a finding calls for. */
public enum NotificationKind {
    /** An approved individual left or a mandatory role is vacant (GEN 6.2.1, 2.1.1). */
    DEPARTURE("Notice of departure of an Approved Individual / vacancy in a mandatory role"),
    /** A controlled function needs (or lacks) AFSA approval (GEN 2.2). */
    APPOINTMENT("Application / notice concerning the appointment of an Approved Individual"),
    /** An automatic not-fit-and-proper event (FSFR s.43(3), GEN 6.2.3). */
    UNFITNESS_EVENT("Immediate notice of an event affecting fitness and propriety"),
    /** Another matter relating to fitness, eligibility or governance (GEN 6.2.1(f), DAA 2.3.1(4), 2.3.2(1), AML 13.1). */
    MATERIAL_MATTER("Notice of a material matter relating to fitness, eligibility or governance"),
    /** A change in control (GEN 3.2, 3.3). */
    CHANGE_IN_CONTROL("Notice / application concerning a change in control");

    private final String heading;

    NotificationKind(String heading) {
        this.heading = heading;
    }

    public String heading() {
        return heading;
    }
}
