package kz.aifc.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;

import kz.aifc.contract.codec.CloudEventCodec;
import kz.aifc.contract.v1.LicenceChanged;
import kz.aifc.platform.security.Roles;
import kz.aifc.platform.security.TokenIssuer;
import kz.aifc.simulator.firms.FirmProfile;
import kz.aifc.simulator.firms.Person;
import kz.aifc.simulator.firms.Stake;

/**
 * Puts the played firms on the licence register once licensing-service shows their rosters and controllers
 * applied, then (optionally) waits until capital-service knows each licence. licensing-service monitors a firm
 * from its licence on, so a roster that arrives one event at a time is never taken for vacancies.
 */
final class Onboarding implements Sender.Checkpoint {

    static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The log line's words that run scripts wait for. */
    static final String ONBOARDED = "onboarded";
    private static final Duration POLL = Duration.ofMillis(250);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI licensing;
    private final URI capital;
    private final String bearer;
    private final List<FirmProfile> firms;
    private final PrintStream err;
    private String lastProblem = "";

    private Onboarding(URI licensing, URI capital, String token, List<FirmProfile> firms, PrintStream err) {
        this.licensing = licensing;
        this.capital = capital;
        this.bearer = "Bearer " + token;
        this.firms = List.copyOf(firms);
        this.err = err;
    }

    /** The onboarding the options ask for, or null without {@code --licensing}. */
    static Onboarding of(Options options, List<FirmProfile> firms, PrintStream err) {
        if (options.licensing() == null) {
            return null;
        }
        // An identity provider's admin token when the stack has one (deploy/local/up.sh with Keycloak), else one
        // signed with the local key pair the services verify with.
        String token = System.getenv("AIFC_ADMIN_TOKEN");
        if (token == null || token.isBlank()) {
            try {
                token = TokenIssuer.inFolder(options.jwtKeys()).token(Roles.ADMIN, null, Duration.ofHours(1));
            } catch (RuntimeException e) {
                throw new SimulatorException("cannot sign an admin token with the keys in " + options.jwtKeys(), e);
            }
        }
        return new Onboarding(options.licensing(), options.capital(), token, firms, err);
    }

    /** Waits for every roster, registers each licence, then waits for capital-service; at most {@link #TIMEOUT}. */
    @Override
    public void run() throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        for (FirmProfile firm : firms) {
            await(deadline, () -> rosterApplied(firm),
                    "licensing-service at " + licensing + " to apply the roster and controllers of " + firm.id());
            err.println("simulator: roster of " + firm.id() + " applied; " + register(firm.licence()));
        }
        if (capital != null) {
            for (FirmProfile firm : firms) {
                await(deadline, () -> status(get(capital, "/firms/" + firm.id() + "/capital")) == 200,
                        "capital-service at " + capital + " to know the licence of " + firm.id());
            }
        }
        err.println("simulator: " + ONBOARDED + " " + firms.size() + " firms: rosters applied, licences registered"
                + (capital != null ? " and known to capital-service" : "") + "; streaming the rest");
    }

    private boolean rosterApplied(FirmProfile firm) {
        HttpResponse<String> answer = get(licensing, "/firms/" + firm.id() + "/fit-and-proper");
        if (status(answer) != 200) {
            return false;
        }
        JsonNode view = read(answer.body());
        for (Person p : firm.roster()) {
            if (!has(view.path("people"), "personId", p.personId(), n -> n.path("current").asBoolean()
                    && names(n.path("roles")).equals(new TreeSet<>(p.roles().stream().map(Enum::name).toList())))) {
                return false;
            }
        }
        for (Stake s : firm.controllers()) {
            if (!has(view.path("controllers"), "controllerId", s.controllerId(),
                    n -> new BigDecimal(n.path("holdingPct").asText("-1")).compareTo(s.holdingPct()) == 0)) {
                return false;
            }
        }
        return true;
    }

    /** POST /licences, or PUT /licences/{firmId} when the firm is registered already (a re-run of the demo). */
    private String register(LicenceChanged licence) {
        String body = CloudEventCodec.toJson(licence);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(licensing.resolve("/licences"))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        String outcome = "licence registered";
        if (answer != null && answer.statusCode() == 409) {
            answer = send(HttpRequest.newBuilder(licensing.resolve("/licences/" + licence.firmId()))
                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
            outcome = "licence was registered already; varied to the demo licence";
        }
        if (answer == null || answer.statusCode() / 100 != 2) {
            throw new SimulatorException("registering the licence of " + licence.firmId() + " at " + licensing
                    + " failed: " + (answer == null ? lastProblem : "HTTP " + answer.statusCode() + " " + answer.body()));
        }
        return outcome;
    }

    private void await(long deadline, BooleanSupplier done, String what) throws InterruptedException {
        lastProblem = "";
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new SimulatorException("gave up after " + TIMEOUT.toSeconds() + " s waiting for " + what
                        + (lastProblem.isEmpty() ? "" : " (last answer: " + lastProblem + ")"));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private HttpResponse<String> get(URI base, String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** A call that fails to connect counts as "not yet" while waiting; 401 and 403 end the run at once. */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.header("Authorization", bearer).header("Content-Type", "application/json")
                .header("Accept", "application/json").timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> answer = http.send(built, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 401 || answer.statusCode() == 403) {
                throw new SimulatorException(built.uri() + " refused the admin token (HTTP " + answer.statusCode()
                        + "): do the services verify with the public key in --jwt-keys?");
            }
            return answer;
        } catch (IOException e) {
            lastProblem = built.uri() + ": " + e;
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulatorException("interrupted while calling " + built.uri(), e);
        }
    }

    private int status(HttpResponse<String> answer) {
        if (answer == null) {
            return -1;
        }
        if (answer.statusCode() != 200) {
            lastProblem = answer.uri() + ": HTTP " + answer.statusCode();
        }
        return answer.statusCode();
    }

    private static JsonNode read(String json) {
        try {
            return CloudEventCodec.mapper().readTree(json);
        } catch (IOException e) {
            throw new SimulatorException("unreadable answer from licensing-service: " + e.getMessage(), e);
        }
    }

    private static boolean has(JsonNode items, String key, String id, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode n : items) {
            if (id.equals(n.path(key).asText()) && test.test(n)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> out = new TreeSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
